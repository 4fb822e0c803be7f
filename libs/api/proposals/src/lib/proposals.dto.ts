import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PAGE_LIMIT_MAX,
  PARTNERSHIP_CATEGORIES,
  type BlockOrganisationRequest,
  type CatalystGrantRequest,
  type CreateIntroductionRequest,
  type CreateProposalRequest,
  type DeclineProposalRequest,
  type InviteExternalOrganisationRequest,
  type PartnershipCategory,
  type ProposalStatus,
} from '@alliances/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

/** Trims strings before the length checks, so that blanks do not pass for a value. */
const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

const PROPOSAL_STATUSES: ProposalStatus[] = ['pending', 'accepted', 'declined', 'withdrawn'];

export class CreateProposalDto implements CreateProposalRequest {
  @ApiProperty() @IsUUID('all') fromOrganisationId!: string;
  @ApiProperty() @IsUUID('all') toOrganisationId!: string;
  @ApiProperty({ minLength: 1, maxLength: 2000 }) @Trim() @IsString() @MinLength(1) @MaxLength(2000) message!: string;
  @ApiPropertyOptional({ enum: PARTNERSHIP_CATEGORIES }) @IsOptional() @IsIn(PARTNERSHIP_CATEGORIES) category?: PartnershipCategory;
  @ApiPropertyOptional({ description: 'An alliance the proposer leads: the recipient joins it instead of a new draft' })
  @IsOptional()
  @IsUUID('all')
  allianceId?: string;
}

export class ProposalsQuery {
  @ApiProperty() @IsUUID('all') organisationId!: string;
  @ApiPropertyOptional({ enum: ['received', 'sent'], default: 'received' }) @IsOptional() @IsIn(['received', 'sent']) box?:
    'received' | 'sent';
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES }) @IsOptional() @IsIn(PROPOSAL_STATUSES) status?: ProposalStatus;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(PAGE_LIMIT_MAX) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class DeclineProposalDto implements DeclineProposalRequest {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Trim() @IsString() @MaxLength(2000) reason?: string;
}

export class BlockOrganisationDto implements BlockOrganisationRequest {
  @ApiProperty() @IsUUID('all') organisationId!: string;
}

export class BlockParams {
  @IsUUID('all') id!: string;
  @IsUUID('all') blockedId!: string;
}

export class InviteExternalOrganisationDto implements InviteExternalOrganisationRequest {
  @ApiProperty() @Trim() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @Trim() @IsString() @MinLength(2) @MaxLength(200) organisationName!: string;
}

export class AllianceInvitationTokenParam {
  @IsString() @Matches(/^[A-Za-z0-9_-]{20,100}$/) token!: string;
}

export class CatalystGrantDto implements CatalystGrantRequest {
  @ApiProperty({ description: 'Départements (`69`, `2A`) or régions (`R84`); empty revokes', type: [String] })
  @IsArray()
  @ArrayMaxSize(120)
  @IsString({ each: true })
  @MaxLength(6, { each: true })
  territoryCodes!: string[];
}

export class CatalystQuery {
  @ApiProperty() @IsUUID('all') organisationId!: string;
}

export class CatalystTerritoryQuery {
  @ApiProperty() @IsUUID('all') organisationId!: string;
  @ApiProperty({ description: 'A département or a région of the grant' }) @IsString() @MinLength(1) @MaxLength(6) territory!: string;
}

export class CreateIntroductionDto implements CreateIntroductionRequest {
  @ApiProperty() @IsUUID('all') catalystOrganisationId!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsUUID('all', { each: true })
  organisationIds!: [string, string];
  @ApiProperty({ minLength: 1, maxLength: 2000 }) @Trim() @IsString() @MinLength(1) @MaxLength(2000) message!: string;
  @ApiPropertyOptional({ enum: PARTNERSHIP_CATEGORIES }) @IsOptional() @IsIn(PARTNERSHIP_CATEGORIES) category?: PartnershipCategory;
}
