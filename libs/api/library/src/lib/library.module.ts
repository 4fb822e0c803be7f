import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { ObjectivesModule } from '@alliances/api/objectives';
import { OrganisationsModule } from '@alliances/api/organisations';
import { CaseStudyConsentEntity, CaseStudyEntity } from './case-study.entities';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseStudyEntity, CaseStudyConsentEntity]), AlliancesModule, ObjectivesModule, OrganisationsModule],
  controllers: [LibraryController],
  providers: [LibraryService],
})
export class LibraryModule {}
