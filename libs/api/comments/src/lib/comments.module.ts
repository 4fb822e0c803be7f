import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { CharterModule } from '@alliances/api/charter';
import { EvaluationsModule } from '@alliances/api/evaluations';
import { IdentityModule } from '@alliances/api/identity';
import { MeetingsModule } from '@alliances/api/meetings';
import { NotificationsModule } from '@alliances/api/notifications';
import { ObjectivesModule } from '@alliances/api/objectives';
import { OrganisationsModule } from '@alliances/api/organisations';
import { AllianceSequenceEntity, CommentEntity, CommentEventEntity } from './comment.entities';
import { CommentPublisher } from './comment-publisher';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { LiveGateway } from './live.gateway';

@Module({
  imports: [
    TypeOrmModule.forFeature([CommentEntity, AllianceSequenceEntity, CommentEventEntity]),
    AlliancesModule,
    CharterModule,
    IdentityModule,
    NotificationsModule,
    ObjectivesModule,
    EvaluationsModule,
    OrganisationsModule,
    MeetingsModule,
  ],
  controllers: [CommentsController],
  providers: [CommentsService, CommentPublisher, LiveGateway],
  exports: [CommentsService],
})
export class CommentsModule {}
