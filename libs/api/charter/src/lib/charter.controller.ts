import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, type AuthUser } from '@alliances/api/core';
import { AlliancePolicy } from '@alliances/api/alliances';
import type {
  Charter,
  CharterDiff,
  CharterVersion,
  CharterVersionSummary,
  ProposeVersionResponse,
  SignatureBoard,
} from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import { versionToMarkdown, versionToPdf } from './charter-export';
import { CharterParams, DiffQuery, ExportQuery, RequestChangesDto, SignDto, VersionParams } from './charter.dto';
import { CharterService } from './charter.service';

@ApiTags('charter')
@ApiBearerAuth()
@Controller('alliances/:id/charter')
export class CharterController {
  constructor(
    private readonly charter: CharterService,
    private readonly policy: AlliancePolicy,
  ) {}

  @Get()
  get(@CurrentUser() user: AuthUser, @Param() { id }: CharterParams): Promise<Charter> {
    return this.charter.get(user, id);
  }

  @Post('versions')
  propose(@CurrentUser() user: AuthUser, @Param() { id }: CharterParams, @ClientIp() ip: string | null): Promise<ProposeVersionResponse> {
    return this.charter.propose(user, id, ip);
  }

  @Get('versions')
  versions(@CurrentUser() user: AuthUser, @Param() { id }: CharterParams): Promise<CharterVersionSummary[]> {
    return this.charter.versions(user, id);
  }

  @Get('signatures')
  board(@CurrentUser() user: AuthUser, @Param() { id }: CharterParams): Promise<SignatureBoard> {
    return this.charter.board(user, id);
  }

  @Get('diff')
  diff(@CurrentUser() user: AuthUser, @Param() { id }: CharterParams, @Query() query: DiffQuery): Promise<CharterDiff> {
    return this.charter.diff(user, id, query.from, this.charter.parseTarget(query.to));
  }

  @Get('versions/:version')
  version(@CurrentUser() user: AuthUser, @Param() p: VersionParams): Promise<CharterVersion> {
    return this.charter.getVersion(user, p.id, p.version);
  }

  @Post('versions/:version/signatures')
  sign(
    @CurrentUser() user: AuthUser,
    @Param() p: VersionParams,
    @Body() body: SignDto,
    @ClientIp() ip: string | null,
  ): Promise<CharterVersionSummary> {
    return this.charter.sign(user, p.id, p.version, body, ip);
  }

  @Post('versions/:version/change-requests')
  requestChanges(
    @CurrentUser() user: AuthUser,
    @Param() p: VersionParams,
    @Body() body: RequestChangesDto,
    @ClientIp() ip: string | null,
  ): Promise<CharterVersionSummary> {
    return this.charter.requestChanges(user, p.id, p.version, body, ip);
  }

  @Get('versions/:version/export')
  async export(
    @CurrentUser() user: AuthUser,
    @Param() p: VersionParams,
    @Query() query: ExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const version = await this.charter.getVersion(user, p.id, p.version);
    const { alliance } = await this.policy.readable(user, p.id);
    const base = `charte-${alliance.name
      .normalize('NFD')
      .replace(/[^\w-]+/g, '-')
      .replace(/-+/g, '-')
      .toLowerCase()}-v${version.version}`;
    if ((query.format ?? 'pdf') === 'md') {
      void reply
        .header('content-type', 'text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${base}.md"`)
        .send(versionToMarkdown(alliance.name, version, user.locale));
      return;
    }
    const pdf = await versionToPdf(alliance.name, version, user.locale);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${base}.pdf"`).send(pdf);
  }
}
