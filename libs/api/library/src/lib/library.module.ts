import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { ObjectivesModule } from '@alliances/api/objectives';
import { OrganisationsModule } from '@alliances/api/organisations';
import { CaseStudyConsentEntity, CaseStudyEntity } from './case-study.entities';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';
import { PublicLibraryController, PublicSiteController } from './public-library.controller';
import { PublicLibraryService } from './public-library.service';
import { PublicPages } from './public/public-pages';

@Module({
  imports: [TypeOrmModule.forFeature([CaseStudyEntity, CaseStudyConsentEntity]), AlliancesModule, ObjectivesModule, OrganisationsModule],
  controllers: [LibraryController, PublicLibraryController, PublicSiteController],
  providers: [LibraryService, PublicLibraryService, PublicPages],
})
export class LibraryModule {}
