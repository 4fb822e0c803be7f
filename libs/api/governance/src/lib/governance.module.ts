import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { EvaluationsModule } from '@alliances/api/evaluations';
import { IdentityModule } from '@alliances/api/identity';
import { MeetingsModule } from '@alliances/api/meetings';
import { NotificationsModule } from '@alliances/api/notifications';
import { OrganisationsModule } from '@alliances/api/organisations';
import { ActionsService } from './actions.service';
import { AlliancePeople } from './alliance-people';
import { DecisionsService } from './decisions.service';
import { GovernanceController } from './governance.controller';
import { ActionEntity, DecisionEntity, DecisionPositionEntity } from './governance.entities';
import { ActionsReader, DecisionsReader } from './governance-readers';
import { GovernanceScheduler } from './governance.scheduler';
import { MeetingSource } from './meeting-source';

@Module({
  imports: [
    TypeOrmModule.forFeature([DecisionEntity, DecisionPositionEntity, ActionEntity]),
    AlliancesModule,
    OrganisationsModule,
    IdentityModule,
    NotificationsModule,
    EvaluationsModule,
    MeetingsModule,
  ],
  controllers: [GovernanceController],
  providers: [DecisionsService, ActionsService, AlliancePeople, MeetingSource, GovernanceScheduler, DecisionsReader, ActionsReader],
  exports: [DecisionsReader, ActionsReader],
})
export class GovernanceModule {}
