import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAIL_CADENCES, type MailCadence, type NotificationChannels, type NotificationType } from '@alliances/shared/contracts';

export class NotificationsQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class MarkReadDto {
  @ApiPropertyOptional({ description: 'None: mark everything read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}

/** One kind's channels in `PUT /api/me/notification-preferences`; either field may be left out. */
export class NotificationChannelsDto implements Partial<NotificationChannels> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() inApp?: boolean;
  @ApiPropertyOptional({ enum: MAIL_CADENCES }) @IsOptional() @IsIn(MAIL_CADENCES) mail?: MailCadence;
}

const channels = (): PropertyDecorator => (target, key) => {
  ApiPropertyOptional({ type: NotificationChannelsDto })(target, key);
  IsOptional()(target, key);
  IsObject()(target, key);
  ValidateNested()(target, key);
  Type(() => NotificationChannelsDto)(target, key);
};

/** Any subset of the kinds; an unknown kind is refused (400) with its name as the failing field. */
export class UpdateNotificationPreferencesDto implements Partial<Record<NotificationType, Partial<NotificationChannels>>> {
  @channels() mention?: NotificationChannelsDto;
  @channels() reply?: NotificationChannelsDto;
  @channels() signature_awaited?: NotificationChannelsDto;
  @channels() charter_version_proposed?: NotificationChannelsDto;
  @channels() charter_in_force?: NotificationChannelsDto;
  @channels() indicator_at_risk?: NotificationChannelsDto;
  @channels() report_due?: NotificationChannelsDto;
  @channels() evaluation_launched?: NotificationChannelsDto;
  @channels() evaluation_closing?: NotificationChannelsDto;
  @channels() action_due?: NotificationChannelsDto;
  @channels() proposal_received?: NotificationChannelsDto;
  @channels() introduction_received?: NotificationChannelsDto;
  @channels() proposal_accepted?: NotificationChannelsDto;
  @channels() proposal_declined?: NotificationChannelsDto;
  @channels() meeting_scheduled?: NotificationChannelsDto;
}

export class UnsubscribeQuery {
  @IsOptional() @IsString() @MaxLength(300) token?: string;
}
