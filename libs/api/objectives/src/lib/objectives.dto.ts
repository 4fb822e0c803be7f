import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumberWithDecimals } from '@alliances/api/core';
import {
  COLLECTIVE_OBJECTIVES,
  DIRECTIONS,
  MAGIC_SQUARE,
  type CollectiveObjective,
  type CreateCheckInRequest,
  type CreateIndicatorRequest,
  type CreateMilestoneRequest,
  type CreateObjectiveRequest,
  type Direction,
  type MagicSquare,
} from '@alliances/shared/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const day = { strict: true, strictSeparator: true };
const VERSION_DOC =
  'Optimistic concurrency: the `version` read; 409 when someone changed it since. Without it the edit applies to the latest version.';

export class CreateObjectiveDto implements CreateObjectiveRequest {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(200) title!: string;
  @ApiProperty({ enum: COLLECTIVE_OBJECTIVES }) @IsIn(COLLECTIVE_OBJECTIVES) collectiveObjective!: CollectiveObjective;
  @ApiProperty() @IsString() @MaxLength(4000) description!: string;
}

export class UpdateObjectiveDto implements Partial<CreateObjectiveRequest> {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ enum: COLLECTIVE_OBJECTIVES })
  @IsOptional()
  @IsIn(COLLECTIVE_OBJECTIVES)
  collectiveObjective?: CollectiveObjective;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ description: VERSION_DOC }) @IsOptional() @IsInt() @Min(1) @Max(2_147_483_647) version?: number;
}

export class CreateIndicatorDto implements CreateIndicatorRequest {
  @ApiProperty({ example: 'Aidants accompagnés' }) @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'personnes' }) @IsString() @MinLength(1) @MaxLength(40) unit!: string;
  @ApiProperty() @IsNumberWithDecimals(6) @Min(-1e12) @Max(1e12) baseline!: number;
  @ApiProperty() @IsNumberWithDecimals(6) @Min(-1e12) @Max(1e12) target!: number;
  @ApiProperty({ example: '2026-01-01' }) @IsISO8601(day) startDate!: string;
  @ApiProperty({ example: '2027-12-31' }) @IsISO8601(day) targetDate!: string;
  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS) direction!: Direction;
  @ApiProperty() @IsUUID('all') ownerOrganisationId!: string;
}

export class UpdateIndicatorDto implements Partial<CreateIndicatorRequest> {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(40) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumberWithDecimals(6) @Min(-1e12) @Max(1e12) baseline?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumberWithDecimals(6) @Min(-1e12) @Max(1e12) target?: number;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(day) startDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(day) targetDate?: string;
  @ApiPropertyOptional({ enum: DIRECTIONS }) @IsOptional() @IsIn(DIRECTIONS) direction?: Direction;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') ownerOrganisationId?: string;
  @ApiPropertyOptional({ description: VERSION_DOC }) @IsOptional() @IsInt() @Min(1) @Max(2_147_483_647) version?: number;
}

export class CreateCheckInDto implements CreateCheckInRequest {
  @ApiPropertyOptional({ description: 'Client-generated UUID: a retry with the same id returns the original (200)' })
  @IsOptional()
  @IsUUID('all')
  id?: string;
  @ApiProperty() @IsNumberWithDecimals(6) @Min(-1e12) @Max(1e12) value!: number;
  @ApiProperty({ example: '2026-11-26' }) @IsISO8601(day) date!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: 'Keep the note private to the author’s organisation' })
  @IsOptional()
  @IsBoolean()
  notePrivate?: boolean;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) confidence?: number;
}

export class UpdateCheckInDto {
  @ApiPropertyOptional() @IsOptional() @IsNumberWithDecimals(6) @Min(-1e12) @Max(1e12) value?: number;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(day) date?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: 'Keep the note private to the author’s organisation' })
  @IsOptional()
  @IsBoolean()
  notePrivate?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(5) confidence?: number;
}

export class CreateMilestoneDto implements CreateMilestoneRequest {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(300) title!: string;
  @ApiProperty() @IsUUID('all') ownerOrganisationId!: string;
  @ApiProperty() @IsISO8601(day) dueDate!: string;
}

export class UpdateMilestoneDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') ownerOrganisationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(day) dueDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() done?: boolean;
}

export class BenefitDto {
  @ApiProperty({ enum: MAGIC_SQUARE, isArray: true })
  @IsArray()
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(MAGIC_SQUARE, { each: true })
  squares!: MagicSquare[];
}

export class BenefitParams {
  @IsUUID('all') id!: string;
  @IsUUID('all') organisationId!: string;
}
