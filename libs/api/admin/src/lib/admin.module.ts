import { Module } from '@nestjs/common';
import { IdentityModule } from '@alliances/api/identity';
import { AdminController, AdminService } from './admin.controller';

/** The platform console: users (disable/enable), figures. Applications and the audit log live with organisations. */
@Module({
  imports: [IdentityModule],
  controllers: [AdminController],
  providers: [AdminService],
})
export class AdminModule {}
