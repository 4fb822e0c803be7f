import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, type AuthUser } from '@alliances/api/core';
import type { Comment, CommentsPage, MentionCandidate } from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import { CommentIdParam, CommentsQuery, CreateCommentDto, MentionQuery, ResolveDto, UpdateCommentDto } from './comments.dto';
import { CommentsService } from './comments.service';

@ApiTags('comments')
@ApiBearerAuth()
@Controller('comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post()
  @ApiOperation({ summary: 'Post a comment or a reply; a repeated client id answers 200 with the original' })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateCommentDto,
    @ClientIp() ip: string | null,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Comment> {
    const { comment, created } = await this.comments.create(user, body, ip);
    void reply.status(created ? 201 : 200);
    return comment;
  }

  @Get()
  @ApiOperation({
    summary: 'Comments of an alliance or a target; with `since`, what changed after that sequence (catch-up after a reconnection)',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: CommentsQuery): Promise<CommentsPage> {
    return this.comments.list(user, query);
  }

  @Get('mentionable')
  mentionable(@CurrentUser() user: AuthUser, @Query() query: MentionQuery): Promise<MentionCandidate[]> {
    return this.comments.mentionCandidates(user, query.allianceId, query.q);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param() { id }: CommentIdParam,
    @Body() body: UpdateCommentDto,
    @ClientIp() ip: string | null,
  ): Promise<Comment> {
    return this.comments.update(user, id, body, ip);
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Param() { id }: CommentIdParam, @ClientIp() ip: string | null): Promise<Comment> {
    return this.comments.remove(user, id, ip);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param() { id }: CommentIdParam,
    @Body() body: ResolveDto,
    @ClientIp() ip: string | null,
  ): Promise<Comment> {
    return this.comments.resolve(user, id, body?.resolved ?? true, ip);
  }
}
