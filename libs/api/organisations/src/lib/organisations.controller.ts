import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ClientIp, CurrentUser, Public, type AuthUser } from '@alliances/api/core';
import { PlatformAdminGuard } from '@alliances/api/identity';
import type {
  Invitation,
  InvitationPreview,
  MembershipSummary,
  Organisation,
  OrganisationMember,
  OrganisationWithProfile,
  Page,
  ReviewQueueEntry,
  Territory,
} from '@alliances/shared/contracts';
import {
  ApplyOrganisationDto,
  ChangeRoleDto,
  InvitationParams,
  InvitationTokenParam,
  InviteMemberDto,
  MemberParams,
  OrganisationIdParam,
  RejectOrganisationDto,
  ReviewQueueQuery,
  TerritorySearchQuery,
  UpdateOrganisationProfileDto,
} from './organisations.dto';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '@alliances/shared/contracts';
import { OrganisationLogos } from './organisation-logos';
import { OrganisationsService } from './organisations.service';
import { TerritoriesService } from './territories.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly logos: OrganisationLogos,
  ) {}

  @Post()
  apply(@CurrentUser() user: AuthUser, @Body() body: ApplyOrganisationDto, @ClientIp() ip: string | null): Promise<Organisation> {
    return this.organisations.apply(user, body, ip);
  }

  @Get()
  mine(@CurrentUser() user: AuthUser): Promise<MembershipSummary[]> {
    return this.organisations.mine(user);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param() { id }: OrganisationIdParam): Promise<OrganisationWithProfile> {
    return this.organisations.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit the partnering profile (admins of the organisation, approved or pending)',
    description:
      'Only the fields sent change. territoryCode must be a known INSEE commune, département or région code; domains are lower-case slugs (at most 10); seeks and offers are magic-square keys or contribution kinds; houseModel is the équilibre de la maison; requireTwoFactor obliges the admins and signatories to use two-step sign-in from their next sign-in (audited as organisation.two_factor_rule_changed). Bad input: 400 with every failing field in details, nothing stored. Audited.',
  })
  updateProfile(
    @CurrentUser() user: AuthUser,
    @Param() { id }: OrganisationIdParam,
    @Body() body: UpdateOrganisationProfileDto,
    @ClientIp() ip: string | null,
  ): Promise<OrganisationWithProfile> {
    return this.organisations.updateProfile(user, id, body, ip);
  }

  @Put(':id/logo')
  @HttpCode(204)
  @ApiConsumes(...LOGO_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Replace the logo (admins of the organisation)',
    description: `The raw image as the body: PNG, JPEG or WebP, at most ${LOGO_MAX_BYTES / 1024} kB (413 above). The type is read from the bytes, never from Content-Type; anything else, SVG included, is 415 logo.unsupported_type.`,
  })
  putLogo(
    @CurrentUser() user: AuthUser,
    @Param() { id }: OrganisationIdParam,
    @Body() body: unknown,
    @ClientIp() ip: string | null,
  ): Promise<void> {
    return this.logos.put(user, id, body, ip);
  }

  @Get(':id/logo')
  @ApiProduces(...LOGO_TYPES)
  @ApiOperation({
    summary: 'The logo',
    description:
      'Anyone signed in when the organisation is listed and approved; otherwise those who may see the organisation (404 for others, and when it has no logo).',
  })
  async getLogo(
    @CurrentUser() user: AuthUser,
    @Param() { id }: OrganisationIdParam,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const logo = await this.logos.get(user, id);
    const etag = `"${logo.updatedAt.getTime().toString(36)}-${logo.bytes.length.toString(36)}"`;
    void reply
      .header('cache-control', 'private, max-age=300')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', 'inline');
    if (ifNoneMatch === etag) {
      void reply.status(304).send();
      return;
    }
    void reply.header('content-type', logo.type).send(logo.bytes);
  }

  @Delete(':id/logo')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the logo (admins of the organisation)' })
  deleteLogo(@CurrentUser() user: AuthUser, @Param() { id }: OrganisationIdParam, @ClientIp() ip: string | null): Promise<void> {
    return this.logos.remove(user, id, ip);
  }

  @Get(':id/members')
  members(@CurrentUser() user: AuthUser, @Param() { id }: OrganisationIdParam): Promise<OrganisationMember[]> {
    return this.organisations.members(user, id);
  }

  @Patch(':id/members/:userId')
  changeRole(
    @CurrentUser() user: AuthUser,
    @Param() p: MemberParams,
    @Body() body: ChangeRoleDto,
    @ClientIp() ip: string | null,
  ): Promise<OrganisationMember[]> {
    return this.organisations.changeRole(user, p.id, p.userId, body.role, ip);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  removeMember(@CurrentUser() user: AuthUser, @Param() p: MemberParams, @ClientIp() ip: string | null): Promise<void> {
    return this.organisations.removeMember(user, p.id, p.userId, ip);
  }

  @Post(':id/invitations')
  invite(
    @CurrentUser() user: AuthUser,
    @Param() { id }: OrganisationIdParam,
    @Body() body: InviteMemberDto,
    @ClientIp() ip: string | null,
  ): Promise<Invitation> {
    return this.organisations.invite(user, id, body, ip);
  }

  @Get(':id/invitations')
  invitations(@CurrentUser() user: AuthUser, @Param() { id }: OrganisationIdParam): Promise<Invitation[]> {
    return this.organisations.invitations(user, id);
  }

  @Delete(':id/invitations/:invitationId')
  @HttpCode(204)
  revokeInvitation(@CurrentUser() user: AuthUser, @Param() p: InvitationParams, @ClientIp() ip: string | null): Promise<void> {
    return this.organisations.revokeInvitation(user, p.id, p.invitationId, ip);
  }
}

@ApiTags('organisations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  /** Public: knowing the token is the capability; shows what the link is for before signing in. */
  @Public()
  @Get(':token')
  preview(@Param() { token }: InvitationTokenParam): Promise<InvitationPreview> {
    return this.organisations.preview(token);
  }

  @ApiBearerAuth()
  @Post(':token/accept')
  @HttpCode(200)
  accept(
    @CurrentUser() user: AuthUser,
    @Param() { token }: InvitationTokenParam,
    @ClientIp() ip: string | null,
  ): Promise<MembershipSummary> {
    return this.organisations.accept(user, token, ip);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/organisations')
@UseGuards(PlatformAdminGuard)
export class AdminOrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  queue(@Query() { status, limit, cursor }: ReviewQueueQuery): Promise<Page<ReviewQueueEntry>> {
    return this.organisations.reviewQueue(status ?? 'pending', { limit, cursor });
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Param() { id }: OrganisationIdParam, @ClientIp() ip: string | null): Promise<Organisation> {
    return this.organisations.review(user, id, { approve: true }, ip);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(
    @CurrentUser() user: AuthUser,
    @Param() { id }: OrganisationIdParam,
    @Body() body: RejectOrganisationDto,
    @ClientIp() ip: string | null,
  ): Promise<Organisation> {
    return this.organisations.review(user, id, { approve: false, reason: body.reason }, ip);
  }
}

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('territories')
export class TerritoriesController {
  constructor(private readonly territories: TerritoriesService) {}

  @Get()
  search(@Query() { q }: TerritorySearchQuery): Territory[] {
    return this.territories.search(q);
  }
}
