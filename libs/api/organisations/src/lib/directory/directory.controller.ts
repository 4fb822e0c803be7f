import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@alliances/api/core';
import type { DirectoryCard, DirectoryMap, Page } from '@alliances/shared/contracts';
import { DirectoryCardQuery, DirectoryFiltersQuery, DirectoryListQuery, DirectoryOrganisationParam } from './directory.dto';
import { DirectoryService } from './directory.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiOperation({
    summary: 'The partner directory: listed, approved organisations, public fields only',
    description:
      'Filters combine with AND; repeated values of one filter (domain=a&domain=b) with OR. An unknown territory code is a 400. Keyset-paginated for both sorts: pass nextCursor back with the same filters and sort.',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: DirectoryListQuery): Promise<Page<DirectoryCard>> {
    return this.directory.list(user, query);
  }

  @Get('map')
  @ApiOperation({
    summary: 'How many directory organisations match the filters, per département',
    description:
      'Same filters as the list. Only départements with at least one organisation are listed; `total` also counts organisations located by their région only.',
  })
  map(@CurrentUser() user: AuthUser, @Query() query: DirectoryFiltersQuery): Promise<DirectoryMap> {
    return this.directory.map(user, query);
  }

  @Get(':organisationId')
  @ApiOperation({ summary: 'One card of the directory', description: '404 unless the organisation is listed and approved, whoever asks.' })
  card(
    @CurrentUser() user: AuthUser,
    @Param() { organisationId }: DirectoryOrganisationParam,
    @Query() { as }: DirectoryCardQuery,
  ): Promise<DirectoryCard> {
    return this.directory.card(user, organisationId, as);
  }
}
