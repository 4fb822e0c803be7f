import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumberWithDecimals } from '@alliances/api/core';
import { CONTRIBUTION_KINDS, type ContributionKind, type CreateGrantRequest } from '@alliances/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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

const day = { strict: true, strictSeparator: true };

class TrancheDto {
  @ApiProperty() @IsNumberWithDecimals(2) @Min(0.01) @Max(1e11) amount!: number;
  @ApiProperty() @IsISO8601(day) dueOn!: string;
  @ApiPropertyOptional({ description: 'Index in `reports` of the report to approve before paying' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(49)
  requiresReport?: number;
}

class ReportDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) title!: string;
  @ApiProperty() @IsISO8601(day) dueOn!: string;
}

export class CreateGrantDto implements CreateGrantRequest {
  @ApiProperty() @IsUUID('all') funderOrganisationId!: string;
  @ApiProperty() @IsNumberWithDecimals(2) @Min(0.01) @Max(1e11) amount!: number;
  @ApiPropertyOptional({ default: 'EUR' }) @IsOptional() @Matches(/^[A-Z]{3}$/) currency?: string;
  @ApiProperty() @IsISO8601(day) startsOn!: string;
  @ApiProperty() @IsISO8601(day) endsOn!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) conditions?: string;
  @ApiProperty({ type: [TrancheDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TrancheDto)
  tranches!: TrancheDto[];
  @ApiProperty({ type: [ReportDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReportDto)
  reports!: ReportDto[];
}

export class TrancheStatusDto {
  @ApiProperty({ enum: ['requested', 'paid'] }) @IsIn(['requested', 'paid']) status!: 'requested' | 'paid';
}

export class SubmitReportDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(20_000) submission!: string;
}

export class ReviewReportDto {
  @ApiProperty() @IsBoolean() approved!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class CreateContributionDto {
  @ApiProperty() @IsUUID('all') organisationId!: string;
  @ApiProperty({ enum: CONTRIBUTION_KINDS }) @IsIn(CONTRIBUTION_KINDS) kind!: ContributionKind;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(1000) description!: string;
  @ApiProperty() @IsNumberWithDecimals(2) @Min(0) @Max(1e11) valuation!: number;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z]{3}$/) currency?: string;
}

export class PortfolioQuery {
  @IsOptional() @IsString() @MaxLength(40) domain?: string;
  @IsOptional() @IsString() @MaxLength(6) territory?: string;
  @IsOptional() @IsIn(['draft', 'chartering', 'active', 'closed']) status?: string;
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}
