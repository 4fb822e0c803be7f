import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { EvaluationsModule } from '@alliances/api/evaluations';
import { NotificationsModule } from '@alliances/api/notifications';
import { ObjectivesModule } from '@alliances/api/objectives';
import { OrganisationsModule } from '@alliances/api/organisations';
import { FundingController } from './funding.controller';
import { ContributionEntity, GrantEntity, GrantReportEntity, GrantTrancheEntity } from './funding.entities';
import { FundingService } from './funding.service';
import { GrantReportReminders } from './grant-report-reminders';
import { ValueCreatedController } from './value-created.controller';
import { ValueCreatedService } from './value-created.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([GrantEntity, GrantTrancheEntity, GrantReportEntity, ContributionEntity]),
    AlliancesModule,
    OrganisationsModule,
    ObjectivesModule,
    EvaluationsModule,
    NotificationsModule,
  ],
  controllers: [FundingController, ValueCreatedController],
  providers: [FundingService, GrantReportReminders, ValueCreatedService],
  exports: [FundingService],
})
export class FundingModule {}
