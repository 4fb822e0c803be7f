import { Module } from '@nestjs/common';
import { AllianceErasure, AlliancesModule } from '@alliances/api/alliances';
import { CharterErasure } from '@alliances/api/charter';
import { DocumentsModule } from '@alliances/api/documents';
import { IdentityModule } from '@alliances/api/identity';
import { OrganisationsModule } from '@alliances/api/organisations';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';
import { AdminAuditController } from './audit.controller';
import { DemoSeedOffer } from './demo-seed-offer';
import { AdminJobsController } from './jobs.controller';
import { AllianceErasureController } from './alliance-erasure.controller';

/** The platform console: users (disable/enable), figures, scheduled jobs; the demo data offered on a new embedded database. The audit log is here too; applications live with organisations. */
@Module({
  imports: [IdentityModule, OrganisationsModule, AlliancesModule, DocumentsModule],
  controllers: [AdminController, AdminAuditController, AdminJobsController, AllianceErasureController],
  providers: [AdminService, DemoSeedOffer, AllianceErasure, CharterErasure],
})
export class AdminModule {}
