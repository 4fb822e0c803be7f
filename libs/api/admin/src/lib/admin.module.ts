import { Module } from '@nestjs/common';
import { AlliancesModule } from '@alliances/api/alliances';
import { IdentityModule } from '@alliances/api/identity';
import { OrganisationsModule } from '@alliances/api/organisations';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';
import { AdminAuditController } from './audit.controller';
import { DemoSeedOffer } from './demo-seed-offer';
import { AdminJobsController } from './jobs.controller';

/** The platform console: users (disable/enable), figures, scheduled jobs; the demo data offered on a new embedded database. The audit log is here too; applications live with organisations. */
@Module({
  imports: [IdentityModule, OrganisationsModule, AlliancesModule],
  controllers: [AdminController, AdminAuditController, AdminJobsController],
  providers: [AdminService, DemoSeedOffer],
})
export class AdminModule {}
