import {
  ORGANISATION_PROFILES,
  PARTNERSHIP_CATEGORIES,
  SDG_CODES,
  TERRITORIAL_SCALES,
  type AlliancePublicPageRequest,
  type PublishCaseStudyRequest,
} from '@alliances/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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

export class PublishCaseStudyDto implements PublishCaseStudyRequest {
  @IsString() @MinLength(3) @MaxLength(200) title!: string;
  @IsString() @MinLength(20) @MaxLength(8000) summary!: string;
  @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) indicatorIds!: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(40) @ArrayUnique() @IsIn(SDG_CODES, { each: true }) sdgs?: string[];
}

export class AlliancePublicPageDto implements AlliancePublicPageRequest {
  @IsBoolean() enabled!: boolean;
}

export class SlugParam {
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/) @MaxLength(100) slug!: string;
}

export class ConsentDto {
  @IsUUID('all') organisationId!: string;
}

export class LibraryQuery {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsIn(ORGANISATION_PROFILES) profile?: string;
  @IsOptional() @IsIn(TERRITORIAL_SCALES) scale?: string;
  @IsOptional() @Matches(/^[a-z][a-z0-9_]{1,39}$/) domain?: string;
  @IsOptional() @IsIn(PARTNERSHIP_CATEGORIES) category?: string;
  /** A goal ("17") matches its targets ("17.16"); a target matches itself. */
  @IsOptional() @IsIn(SDG_CODES) sdg?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class ConsentParams {
  @IsUUID('all') id!: string;
  @IsUUID('all') organisationId!: string;
}
