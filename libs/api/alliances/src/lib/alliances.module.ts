import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@alliances/api/identity';
import { OrganisationsModule } from '@alliances/api/organisations';
import { AllianceEntity, AllianceMemberEntity } from './alliance.entity';
import { AllianceLifecycle } from './alliance-lifecycle';
import { AlliancePolicy } from './alliance.policy';
import { AlliancesController } from './alliances.controller';
import { AlliancesReader } from './alliances-reader';
import { AlliancesService } from './alliances.service';
import { WriteRequestInterceptor } from './write-requests';

@Module({
  imports: [TypeOrmModule.forFeature([AllianceEntity, AllianceMemberEntity]), OrganisationsModule, IdentityModule],
  controllers: [AlliancesController],
  providers: [
    AlliancesService,
    AlliancePolicy,
    AllianceLifecycle,
    AlliancesReader,
    // Every HTTP request says whether it writes, so the policy refuses writes to a closed alliance.
    { provide: APP_INTERCEPTOR, useClass: WriteRequestInterceptor },
  ],
  exports: [AlliancesService, AlliancePolicy, AllianceLifecycle, AlliancesReader],
})
export class AlliancesModule {}
