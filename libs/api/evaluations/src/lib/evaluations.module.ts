import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { NotificationsModule } from '@alliances/api/notifications';
import { ObjectivesModule } from '@alliances/api/objectives';
import { OrganisationsModule } from '@alliances/api/organisations';
import { EvaluationScheduler } from './evaluation-scheduler';
import { EvaluationSummaries } from './evaluation-summaries';
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
    ]),
    AlliancesModule,
    ObjectivesModule,
    OrganisationsModule,
    NotificationsModule,
  ],
  controllers: [EvaluationsController],
  providers: [EvaluationsService, EvaluationScheduler, EvaluationsReader, EvaluationSummaries],
  exports: [EvaluationsService, EvaluationsReader],
})
export class EvaluationsModule {}
