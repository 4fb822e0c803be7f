import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_AGENDA_ITEMS,
  type AgendaItem,
  type ApproveMinutesRequest,
  type CreateMeetingRequest,
  type SetAttendanceRequest,
  type UpdateMeetingRequest,
} from '@alliances/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const NOT_BLANK = /\S/;
const instant = { strict: true, strictSeparator: true };
const URL_RULE = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };
const VERSION_DOC = 'Optimistic concurrency: the `version` read; 409 `meeting.stale_version` when someone changed it since.';

export class AgendaItemDto implements AgendaItem {
  @ApiProperty() @Trim() @IsString() @Matches(NOT_BLANK) @MaxLength(200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
}

export class CreateMeetingDto implements CreateMeetingRequest {
  @ApiProperty({ example: 'Comité de pilotage T1' }) @Trim() @IsString() @Matches(NOT_BLANK) @MaxLength(200) title!: string;
  @ApiProperty({ example: '2027-01-15T09:00:00Z' }) @IsISO8601(instant) startsAt!: string;
  @ApiProperty({ example: '2027-01-15T11:00:00Z' }) @IsISO8601(instant) endsAt!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Trim() @IsString() @MaxLength(300) location?: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'https://visio.example.org/copil' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_RULE)
  videoUrl?: string | null;
  @ApiProperty({ type: [AgendaItemDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(MAX_AGENDA_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda!: AgendaItemDto[];
  @ApiPropertyOptional({ type: [String], description: 'Default: every active lead and partner organisation' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedOrganisationIds?: string[];
}

export class UpdateMeetingDto implements UpdateMeetingRequest {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @Matches(NOT_BLANK) @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(instant) startsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(instant) endsAt?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Trim() @IsString() @MaxLength(300) location?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) @IsUrl(URL_RULE) videoUrl?: string | null;
  @ApiPropertyOptional({ type: [AgendaItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_AGENDA_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedOrganisationIds?: string[];
  @ApiPropertyOptional({ description: VERSION_DOC }) @IsOptional() @IsInt() @Min(1) @Max(2_147_483_647) version?: number;
}

export class SetAttendanceDto implements SetAttendanceRequest {
  @ApiProperty() @IsUUID('all') organisationId!: string;
  @ApiProperty({ type: [String] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  present!: string[];
}

export class ApproveMinutesDto implements ApproveMinutesRequest {
  @ApiProperty({ description: 'SHA-256 (hex) of the version read' }) @IsString() @Matches(/^[0-9a-f]{64}$/) sha256!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') organisationId?: string;
}
