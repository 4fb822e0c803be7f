import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, IdParam, MULTIPART_ROUTE, type AuthUser } from '@alliances/api/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { AllianceDocument, DocumentDetail } from '@alliances/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ContentQuery, DocumentsQuery } from './documents.dto';
import { DocumentsService } from './documents.service';
import { attachmentDisposition } from './file-names';

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('alliances/:id/documents')
  @RouteConfig(MULTIPART_ROUTE)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'A lead or partner uploads a file (multipart: fields visibility, targetType?, targetId?, organisationId?, then the part `file`); the type is read from the bytes',
  })
  upload(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Req() request: FastifyRequest,
    @ClientIp() ip: string | null,
  ): Promise<DocumentDetail> {
    return this.documents.upload(user, id, request, ip);
  }

  @Get('alliances/:id/documents')
  @ApiOperation({ summary: 'The documents the caller may see, newest change first; ?targetType=&targetId= keep those of one object' })
  list(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @Query() query: DocumentsQuery): Promise<AllianceDocument[]> {
    return this.documents.list(user, id, { type: query.targetType, id: query.targetId });
  }

  @Post('documents/:id/versions')
  @RouteConfig(MULTIPART_ROUTE)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'A new version of a document (same checks as an upload)' })
  addVersion(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Req() request: FastifyRequest,
    @ClientIp() ip: string | null,
  ): Promise<DocumentDetail> {
    return this.documents.addVersion(user, id, request, ip);
  }

  @Get('documents/:id')
  detail(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<DocumentDetail> {
    return this.documents.detail(user, id);
  }

  @Get('documents/:id/content')
  @ApiOperation({ summary: 'The bytes of the current version (or ?version=), streamed, as an attachment' })
  async content(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Query() query: ContentQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.documents.content(user, id, query.version);
    await reply
      .header('content-type', file.contentType.startsWith('text/') ? `${file.contentType}; charset=utf-8` : file.contentType)
      .header('content-length', String(file.size))
      .header('content-disposition', attachmentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .header('digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`)
      .send(file.stream);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @ClientIp() ip: string | null): Promise<void> {
    await this.documents.remove(user, id, ip);
  }
}
