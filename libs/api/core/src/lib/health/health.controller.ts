import type { HealthDatabase } from '@alliances/shared/contracts';
import { Controller, Get, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { DomainException } from '../http/domain.exception';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private version: string | undefined;

  @Public()
  @Get()
  @HealthCheck()
  @ApiOkResponse({
    description:
      'The API and its database answer: `{status, database: {engine: "postgresql", version, embedded}}` (embedded: the server `npm start` runs in DATA_DIR when DATABASE_URL is unset), plus the checks\' details.',
  })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable or the instance is shutting down.' })
  async check(): Promise<HealthCheckResult & { database: HealthDatabase }> {
    if (this.shutdown.draining) {
      throw new DomainException('service.shutting_down', 'Shutting down');
    }
    if (!this.availability.available) throw new DomainException('service.unavailable', 'Database unreachable');
    const result = await this.health.check([() => this.database.pingCheck('database', { timeout: 1500 })]);
    this.version ??= ((await this.dataSource.query('SHOW server_version')) as { server_version: string }[])[0]?.server_version;
    return { ...result, database: { engine: 'postgresql', version: this.version ?? 'unknown', embedded: this.config.embeddedDatabase } };
  }
}
