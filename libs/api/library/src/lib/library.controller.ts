import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, IdParam, type AuthUser } from '@alliances/api/core';
import type { CaseStudy } from '@alliances/shared/contracts';
import { AlliancePublicPageDto, ConsentDto, ConsentParams, LibraryQuery, PublishCaseStudyDto } from './library.dto';
import { LibraryService } from './library.service';

@ApiTags('library')
@ApiBearerAuth()
@Controller()
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Put('alliances/:id/case-study')
  @ApiOperation({ summary: 'The lead prepares the case-study card; it is published once every partner organisation consents' })
  prepare(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: PublishCaseStudyDto,
    @ClientIp() ip: string | null,
  ): Promise<CaseStudy> {
    return this.library.prepare(user, id, body, ip);
  }

  @Put('alliances/:id/public-page')
  @ApiOperation({
    summary:
      "The lead opens or closes the alliance's public page; opening asks every partner organisation to consent again, closing takes it offline at once",
  })
  setPublicPage(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: AlliancePublicPageDto,
    @ClientIp() ip: string | null,
  ): Promise<CaseStudy> {
    return this.library.setAlliancePage(user, id, body.enabled, ip);
  }

  @Get('alliances/:id/case-study')
  ofAlliance(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<CaseStudy> {
    return this.library.ofAlliance(user, id);
  }

  @Post('case-studies/:id/consents')
  @HttpCode(200)
  consent(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: ConsentDto,
    @ClientIp() ip: string | null,
  ): Promise<CaseStudy> {
    return this.library.consent(user, id, body.organisationId, ip);
  }

  @Delete('case-studies/:id/consents/:organisationId')
  @ApiOperation({ summary: 'An admin of a partner organisation withdraws its consent; the card is unpublished until it consents again' })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param() { id, organisationId }: ConsentParams,
    @ClientIp() ip: string | null,
  ): Promise<CaseStudy> {
    return this.library.withdraw(user, id, organisationId, ip);
  }

  @Get('case-studies')
  @ApiOperation({
    summary: 'Search the library: ?q= (French full text), profile, scale, domain, category, sdg (a goal matches its targets)',
  })
  search(@Query() query: LibraryQuery): Promise<CaseStudy[]> {
    return this.library.search(query);
  }

  @Get('case-studies/:id')
  get(@Param() { id }: IdParam): Promise<CaseStudy> {
    return this.library.get(id);
  }
}
