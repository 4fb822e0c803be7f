import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { CharterModule } from '@alliances/api/charter';
import { NotificationsModule } from '@alliances/api/notifications';
import { ObjectivesModule } from '@alliances/api/objectives';
import { OrganisationsModule } from '@alliances/api/organisations';
import { EvaluationScheduler } from './evaluation-scheduler';
import { EvaluationSummaries } from './evaluation-summaries';
import { EvaluationScheduleController } from './evaluation-schedule.controller';
import { EvaluationScheduleEntity } from './evaluation-schedule.entity';
import { EvaluationScheduleService } from './evaluation-schedule.service';
import {
  EvaluationActionEntity,
  EvaluationCampaignEntity,
  EvaluationParticipantEntity,
  EvaluationResponseEntity,
  EvaluationTemplateEntity,
  EvaluationTemplateQuestionEntity,
} from './evaluation.entities';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsReader } from './evaluations-reader';
import { EvaluationsService } from './evaluations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      EvaluationTemplateEntity,
      EvaluationTemplateQuestionEntity,
      EvaluationCampaignEntity,
      EvaluationParticipantEntity,
      EvaluationResponseEntity,
      EvaluationActionEntity,
      EvaluationScheduleEntity,
    ]),
    AlliancesModule,
    ObjectivesModule,
    OrganisationsModule,
    NotificationsModule,
    CharterModule,
  ],
  controllers: [EvaluationsController, EvaluationScheduleController],
  providers: [EvaluationsService, EvaluationScheduler, EvaluationsReader, EvaluationSummaries, EvaluationScheduleService],
  exports: [EvaluationsService, EvaluationsReader],
})
export class EvaluationsModule {}
