import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.tokens';
import { EMBEDDED_DATABASE, EmbeddedDatabaseLifecycle, type EmbeddedDatabaseHandle } from './database/embedded-database.lifecycle';
import { TenantScopeInterceptor } from './database/tenant-scope.interceptor';
import { DatabaseAvailability } from './health/database-availability';
import { HealthController } from './health/health.controller';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { createValidationPipe } from './http/validation';
import { ShutdownState } from './lifecycle/shutdown-state';
import { loggerOptions } from './logging/logger.options';
import { AuditService } from './audit/audit.service';
import { MailService } from './mail/mail.service';
import { ScheduledJobs } from './jobs/scheduled-jobs.service';

/** Infrastructure every domain relies on: configuration, logging, database, errors, validation, health. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: { config: AppConfig; database: DataSourceOptions; embedded?: EmbeddedDatabaseHandle }): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(options.config)),
        TypeOrmModule.forRoot({ ...options.database, autoLoadEntities: false }),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: EMBEDDED_DATABASE, useValue: options.embedded ?? null },
        EmbeddedDatabaseLifecycle,
        ShutdownState,
        DatabaseAvailability,
        AuditService,
        MailService,
        ScheduledJobs,
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: TenantScopeInterceptor },
      ],
      exports: [APP_CONFIG, ShutdownState, AuditService, MailService, ScheduledJobs],
    };
  }
}
