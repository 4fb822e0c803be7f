import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ORGANISATION_PROFILES,
  ORGANISATION_ROLES,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  type ApplyOrganisationRequest,
  type ChangeRoleRequest,
  type InviteMemberRequest,
  type OrganisationProfile,
  type OrganisationRole,
  type OrganisationStatus,
  type RejectOrganisationRequest,
  type SocioEconomicProfile,
} from '@alliances/shared/contracts';
import { Transform, Type } from 'class-transformer';

/** Trims strings before the length checks, so that blanks do not pass for a value. */
const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

class HumanResourcesDto {
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) staff?: number;
  @IsOptional() @IsInt() @Min(0) @Max(100_000_000) volunteers?: number;
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}
class FinancialResourcesDto {
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e13) annualBudgetEur?: number;
  @IsOptional() @IsString() @MaxLength(1000) mix?: string;
}
class AlliancesLeverDto {
  @IsOptional() @IsInt() @Min(0) @Max(100_000) count?: number;
  @IsOptional() @IsString() @MaxLength(1000) kinds?: string;
}
class SocioEconomicProfileDto implements SocioEconomicProfile {
  @IsOptional() @ValidateNested() @Type(() => HumanResourcesDto) humanResources?: HumanResourcesDto;
  @IsOptional() @ValidateNested() @Type(() => FinancialResourcesDto) financialResources?: FinancialResourcesDto;
  @IsOptional() @ValidateNested() @Type(() => AlliancesLeverDto) alliances?: AlliancesLeverDto;
}

export class ApplyOrganisationDto implements ApplyOrganisationRequest {
  @ApiProperty({ example: 'Les Jardins Partagés de Lyon' }) @Trim() @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiProperty({ enum: ORGANISATION_PROFILES }) @IsIn(ORGANISATION_PROFILES) profile!: OrganisationProfile;
  @ApiPropertyOptional({ description: '9 digits, Luhn-checked' }) @IsOptional() @IsString() @MaxLength(20) siren?: string;
  @ApiPropertyOptional({ description: '14 digits, Luhn-checked' }) @IsOptional() @IsString() @MaxLength(25) siret?: string;
  @ApiPropertyOptional({ description: 'W + 9 characters' }) @IsOptional() @IsString() @MaxLength(12) rna?: string;
  @ApiPropertyOptional({ description: 'INSEE code: commune (75056), département (69) or région (R84)' })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  territoryCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @ValidateNested()
  @Type(() => SocioEconomicProfileDto)
  socioEconomicProfile?: SocioEconomicProfileDto;
  @ApiPropertyOptional({
    description: 'From an alliance invitation mail: once approved, the organisation is a pending partner of that alliance',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  allianceInvitationToken?: string;
}

export class RejectOrganisationDto implements RejectOrganisationRequest {
  @ApiProperty() @Trim() @IsString() @MinLength(3) @MaxLength(2000) reason!: string;
}

export class InviteMemberDto implements InviteMemberRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ enum: ORGANISATION_ROLES }) @IsIn(ORGANISATION_ROLES) role!: OrganisationRole;
}

export class ChangeRoleDto implements ChangeRoleRequest {
  @ApiProperty({ enum: ORGANISATION_ROLES }) @IsIn(ORGANISATION_ROLES) role!: OrganisationRole;
}

export class OrganisationIdParam {
  @IsUUID('all') id!: string;
}

export class MemberParams {
  @IsUUID('all') id!: string;
  @IsUUID('all') userId!: string;
}

export class InvitationParams {
  @IsUUID('all') id!: string;
  @IsUUID('all') invitationId!: string;
}

export class InvitationTokenParam {
  @IsString() @MinLength(20) @MaxLength(100) token!: string;
}

export class ReviewQueueQuery {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  status?: OrganisationStatus;
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class TerritorySearchQuery {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(80) q!: string;
}
