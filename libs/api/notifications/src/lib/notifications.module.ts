import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { IdentityModule } from '@alliances/api/identity';
import { FormBodies } from './form-bodies';
import { NotificationEntity } from './notification.entity';
import { NotificationPreferencesController, UnsubscribeController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** In-app notifications, their live unread count, each person's channels per kind and the mails they chose. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), IdentityModule, AlliancesModule],
  controllers: [NotificationsController, NotificationPreferencesController, UnsubscribeController],
  providers: [NotificationsService, NotificationPreferencesService, FormBodies],
  exports: [NotificationsService],
})
export class NotificationsModule {}
