import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALLIANCE_STATUSES,
  COLLECTIVE_OBJECTIVES,
  INNOVATION_STAGES,
  JOURNAL_KINDS,
  MAGIC_SQUARE,
  PARTNERSHIP_CATEGORIES,
  SDG_CODES,
  TERRITORIAL_SCALES,
  type AllianceStatus,
  type CollectiveObjective,
  type Contributions,
  type CreateAllianceRequest,
  type InnovationStage,
  type InviteOrganisationRequest,
  type JournalKind,
  type MagicSquare,
  type PartnershipCategory,
  type TerritorialScale,
  type HandOverLeadRequest,
  type UpdateAllianceRequest,
  type UpdatePartnerObjectiveRequest,
} from '@alliances/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class CreateAllianceDto implements CreateAllianceRequest {
  @ApiProperty({ example: 'Alliance pour l’emploi des aidants à Lyon' }) @IsString() @MinLength(3) @MaxLength(200) name!: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(4000) purpose!: string;
  @ApiProperty({ enum: PARTNERSHIP_CATEGORIES }) @IsIn(PARTNERSHIP_CATEGORIES) category!: PartnershipCategory;
  @ApiProperty({ enum: COLLECTIVE_OBJECTIVES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(COLLECTIVE_OBJECTIVES, { each: true })
  collectiveObjectives!: CollectiveObjective[];
  @ApiProperty({ example: ['carers', 'employment'], description: 'Known domains or any lower-case slug' })
  @IsArray()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { each: true })
  domains!: string[];
  @ApiProperty({ enum: TERRITORIAL_SCALES }) @IsIn(TERRITORIAL_SCALES) scale!: TerritorialScale;
  @ApiProperty({ example: ['69123'] })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(6, { each: true })
  territoryCodes!: string[];
  @ApiPropertyOptional({ enum: INNOVATION_STAGES }) @IsOptional() @IsIn(INNOVATION_STAGES) innovationStage?: InnovationStage;
  @ApiPropertyOptional({ description: 'UN Sustainable Development Goals and targets, e.g. ["3", "17", "17.17"]', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ArrayUnique()
  @IsIn(SDG_CODES, { each: true })
  sdgs?: string[];
  @ApiProperty() @IsUUID('all') organisationId!: string;
}

export class UpdateAllianceDto implements UpdateAllianceRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(4000) purpose?: string;
  @ApiPropertyOptional({ enum: PARTNERSHIP_CATEGORIES }) @IsOptional() @IsIn(PARTNERSHIP_CATEGORIES) category?: PartnershipCategory;
  @ApiPropertyOptional({ enum: COLLECTIVE_OBJECTIVES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(COLLECTIVE_OBJECTIVES, { each: true })
  collectiveObjectives?: CollectiveObjective[];
  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { each: true })
  domains?: string[];
  @ApiPropertyOptional({ enum: TERRITORIAL_SCALES }) @IsOptional() @IsIn(TERRITORIAL_SCALES) scale?: TerritorialScale;
  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(6, { each: true })
  territoryCodes?: string[];
  @ApiPropertyOptional({ enum: INNOVATION_STAGES }) @IsOptional() @IsIn(INNOVATION_STAGES) innovationStage?: InnovationStage;
  @ApiPropertyOptional({ description: 'UN Sustainable Development Goals and targets, e.g. ["3", "17", "17.17"]', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ArrayUnique()
  @IsIn(SDG_CODES, { each: true })
  sdgs?: string[];
  @ApiPropertyOptional({ enum: ALLIANCE_STATUSES }) @IsOptional() @IsIn(ALLIANCE_STATUSES) status?: AllianceStatus;
  @ApiPropertyOptional({ description: "With status 'closed' only: the final note kept on the closed alliance" })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  closingNote?: string;
  @ApiProperty({ description: 'The version read; 409 if the alliance changed since' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version!: number;
}

export class InviteOrganisationDto implements InviteOrganisationRequest {
  @ApiProperty() @IsUUID('all') organisationId!: string;
  @ApiProperty({ enum: ['partner', 'funder', 'observer'] }) @IsIn(['partner', 'funder', 'observer']) role!:
    'partner' | 'funder' | 'observer';
}

export class HandOverLeadDto implements HandOverLeadRequest {
  @ApiProperty({ description: 'An active partner organisation of the alliance' }) @IsUUID('all') organisationId!: string;
}

class ContributionsDto implements Contributions {
  @IsOptional() @IsString() @MaxLength(2000) human?: string;
  @IsOptional() @IsString() @MaxLength(2000) financial?: string;
  @IsOptional() @IsString() @MaxLength(2000) material?: string;
  @IsOptional() @IsString() @MaxLength(2000) skills?: string;
}

export class PartnerObjectiveDto implements UpdatePartnerObjectiveRequest {
  @ApiProperty({ enum: MAGIC_SQUARE, isArray: true })
  @IsArray()
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(MAGIC_SQUARE, { each: true })
  square!: MagicSquare[];
  @ApiProperty() @IsString() @MaxLength(4000) expectations!: string;
  @ApiProperty() @IsDefined() @IsObject() @ValidateNested() @Type(() => ContributionsDto) contributions!: ContributionsDto;
}

export class AllianceIdParam {
  @IsUUID('all') id!: string;
}

export class AllianceOrganisationParams {
  @IsUUID('all') id!: string;
  @IsUUID('all') organisationId!: string;
}

export class DirectoryQuery {
  @IsString() @MinLength(1) @MaxLength(100) q!: string;
}

export class ListQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

/** The journal's page: its kind of entries only when `kind` is given. */
export class AuditQuery extends ListQuery {
  @ApiPropertyOptional({ enum: JOURNAL_KINDS }) @IsOptional() @IsIn(JOURNAL_KINDS) kind?: JournalKind;
}
