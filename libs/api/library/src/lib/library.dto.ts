import {
  ORGANISATION_PROFILES,
  PARTNERSHIP_CATEGORIES,
  TERRITORIAL_SCALES,
  type PublishCaseStudyRequest,
} from '@alliances/shared/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class PublishCaseStudyDto implements PublishCaseStudyRequest {
  @IsString() @MinLength(3) @MaxLength(200) title!: string;
  @IsString() @MinLength(20) @MaxLength(8000) summary!: string;
  @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) indicatorIds!: string[];
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
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class ConsentParams {
  @IsUUID('all') id!: string;
  @IsUUID('all') organisationId!: string;
}
