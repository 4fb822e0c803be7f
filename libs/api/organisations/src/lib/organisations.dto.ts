import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ORGANISATION_PROFILES,
  ORGANISATION_ROLES,
  PAGE_LIMIT_DEFAULT,
  PARTNER_NEEDS,
  PAGE_LIMIT_MAX,
  type ApplyOrganisationRequest,
  type ChangeRoleRequest,
  type InviteMemberRequest,
  type OrganisationProfile,
  type OrganisationRole,
  type OrganisationStatus,
  type PartnerNeed,
  type RejectOrganisationRequest,
  type SocioEconomicProfile,
  type UpdateOrganisationProfileRequest,
} from '@alliances/shared/contracts';
import { Transform, Type } from 'class-transformer';

/** Trims strings before the length checks, so that blanks do not pass for a value. */
const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Matches,
  Min,
  MinLength,
  IsUrl,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsTerritoryCode } from './territories.service';

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

/** The field may be left out, but not sent as null (for fields that cannot be emptied that way). */
const NotNull = () => ValidateIf((_, value) => value !== undefined);
/** A domain: a known one (DOMAINS) or any lower-case slug, as alliances take them. */
const DOMAIN_SLUG = /^[a-z][a-z0-9_]{1,39}$/;

/** `PATCH /api/organisations/:id`: only the fields sent change; `null` empties description, website, territory and house model. */
export class UpdateOrganisationProfileDto implements UpdateOrganisationProfileRequest {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Trim() @IsString() @MaxLength(4000) description?: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'https://www.example.org', description: 'An http(s) URL' })
  @IsOptional()
  @Trim()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true })
  @MaxLength(500)
  website?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'INSEE code: commune (69123), département (69, 2A) or région (R84)' })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  @IsTerritoryCode()
  territoryCode?: string | null;
  @ApiPropertyOptional({ example: ['carers', 'employment'], description: 'Known domains or any lower-case slug, at most 10' })
  @NotNull()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(DOMAIN_SLUG, { each: true })
  domains?: string[];
  @ApiPropertyOptional({ enum: PARTNER_NEEDS, isArray: true, description: 'Magic-square keys and contribution kinds it looks for' })
  @NotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(PARTNER_NEEDS, { each: true })
  seeks?: PartnerNeed[];
  @ApiPropertyOptional({ enum: PARTNER_NEEDS, isArray: true, description: 'Magic-square keys and contribution kinds it brings' })
  @NotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(PARTNER_NEEDS, { each: true })
  offers?: PartnerNeed[];
  @ApiPropertyOptional() @NotNull() @IsBoolean() openToAlliances?: boolean;
  @ApiPropertyOptional({ description: 'true puts the organisation (once approved) in the partner directory, public fields only' })
  @NotNull()
  @IsBoolean()
  listed?: boolean;
  @ApiPropertyOptional({
    description: 'true: the admins and signatories of the organisation must use two-step sign-in (from their next sign-in)',
  })
  @NotNull()
  @IsBoolean()
  requireTwoFactor?: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'Équilibre de la maison, stored as socioEconomicProfile' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocioEconomicProfileDto)
  houseModel?: SocioEconomicProfileDto | null;
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
