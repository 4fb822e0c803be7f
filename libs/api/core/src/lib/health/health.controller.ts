import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../http/public.decorator';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { DatabaseAvailability } from './database-availability';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly shutdown: ShutdownState,
    private readonly availability: DatabaseAvailability,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: 'The API and its database answer.' })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable or the instance is shutting down.' })
  check() {
    if (this.shutdown.draining) {
      throw new ServiceUnavailableException({ message: 'Shutting down', code: 'service.shutting_down' });
    }
    if (!this.availability.available) throw new ServiceUnavailableException({ message: 'Database unreachable', code: 'service.unavailable' });
    return this.health.check([() => this.database.pingCheck('database', { timeout: 1500 })]);
  }
}
