import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  DIRECTORY_SORTS,
  ORGANISATION_PROFILES,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  PARTNER_NEEDS,
  type DirectoryQuery,
  type DirectorySort,
  type OrganisationProfile,
  type PartnerNeed,
} from '@alliances/shared/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsTerritoryCode } from '../territories.service';

/** A repeated query parameter (`domain=a&domain=b`) arrives as an array, a single one as a string: always an array here. */
const Many = () => Transform(({ value }) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]));
const Bool = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

const ANY_OF = 'Repeat the parameter for several values: a card matches when it has any of them.';

/** The filters of `GET /api/directory/map` (and of the list). Filters combine with AND; the values of one filter with OR. */
export class DirectoryFiltersQuery implements DirectoryQuery {
  @ApiPropertyOptional({
    description:
      'Words searched in the name, description and domains, accents and case ignored ("ecole" finds "École"); each word must appear, as a word or the start of one',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description: 'A commune (69123), a département (69, 2A) or a région (R84): every organisation located inside matches',
  })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  @IsTerritoryCode()
  territory?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_PROFILES, isArray: true, description: ANY_OF })
  @IsOptional()
  @Many()
  @ArrayMaxSize(ORGANISATION_PROFILES.length)
  @IsIn(ORGANISATION_PROFILES, { each: true })
  profile?: OrganisationProfile[];

  @ApiPropertyOptional({ type: [String], description: `Domains (lower-case slugs). ${ANY_OF}` })
  @IsOptional()
  @Many()
  @ArrayMaxSize(20)
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { each: true })
  domain?: string[];

  @ApiPropertyOptional({ enum: PARTNER_NEEDS, isArray: true, description: `What the organisation looks for. ${ANY_OF}` })
  @IsOptional()
  @Many()
  @ArrayMaxSize(PARTNER_NEEDS.length)
  @IsIn(PARTNER_NEEDS, { each: true })
  seeks?: PartnerNeed[];

  @ApiPropertyOptional({ enum: PARTNER_NEEDS, isArray: true, description: `What the organisation brings. ${ANY_OF}` })
  @IsOptional()
  @Many()
  @ArrayMaxSize(PARTNER_NEEDS.length)
  @IsIn(PARTNER_NEEDS, { each: true })
  offers?: PartnerNeed[];

  @ApiPropertyOptional({ description: 'true: open to alliances only; false: the others only' })
  @IsOptional()
  @Bool()
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'One of the caller’s organisations (404 otherwise): it is left out of the results, and each card gets its complementarity with it (`match`)',
  })
  @IsOptional()
  @IsUUID('all')
  as?: string;
}

export class DirectoryListQuery extends DirectoryFiltersQuery {
  @ApiPropertyOptional({
    enum: DIRECTORY_SORTS,
    default: 'name',
    description:
      'name: by name then id. match (needs `as`): by complementarity score, highest first, then name and id. Score 0–100: 50 × (share of what they seek that you offer) + 50 × (share of what you seek that they offer), rounded',
  })
  @IsOptional()
  @IsIn(DIRECTORY_SORTS)
  sort?: DirectorySort;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (with the same filters and sort)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}

export class DirectoryCardQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One of the caller’s organisations: adds `match`' })
  @IsOptional()
  @IsUUID('all')
  as?: string;
}

export class DirectoryOrganisationParam {
  @IsUUID('all') organisationId!: string;
}
