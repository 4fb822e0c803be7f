import { Module } from '@nestjs/common';
import { AlliancesModule } from '@alliances/api/alliances';
import { EvaluationsModule } from '@alliances/api/evaluations';
import { ObjectivesModule } from '@alliances/api/objectives';
import { OrganisationsModule } from '@alliances/api/organisations';
import { ProposalsModule } from '@alliances/api/proposals';
import { ObservatoryAggregates } from './observatory-aggregates';
import { ObservatoryController, PublicObservatoryController } from './observatory.controller';
import { ObservatoryScheduler } from './observatory-scheduler';
import { ObservatoryService } from './observatory.service';
import { ParticipationService } from './participation.service';

/** The observatory of alliances and the benchmark (issue 18, docs/decisions/0026-observatory-aggregates.md). */
@Module({
  imports: [AlliancesModule, EvaluationsModule, ObjectivesModule, OrganisationsModule, ProposalsModule],
  controllers: [ObservatoryController, PublicObservatoryController],
  providers: [ParticipationService, ObservatoryService, ObservatoryAggregates, ObservatoryScheduler],
})
export class ObservatoryModule {}
