import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { IdentityModule } from '@alliances/api/identity';
import { NotificationsModule } from '@alliances/api/notifications';
import { OrganisationsModule } from '@alliances/api/organisations';
import { CheckInEntity, IndicatorEntity, MilestoneEntity, ObjectiveBenefitEntity, ObjectiveEntity } from './objective.entities';
import { ObjectivesController } from './objectives.controller';
import { ObjectivesReader } from './objectives-reader';
import { ObjectivesService } from './objectives.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ObjectiveEntity, ObjectiveBenefitEntity, IndicatorEntity, CheckInEntity, MilestoneEntity]),
    AlliancesModule,
    OrganisationsModule,
    IdentityModule,
    NotificationsModule,
  ],
  controllers: [ObjectivesController],
  providers: [ObjectivesService, ObjectivesReader],
  exports: [ObjectivesService, ObjectivesReader],
})
export class ObjectivesModule {}
