import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, Public, type AuthUser } from '@alliances/api/core';
import { PlatformAdminGuard } from '@alliances/api/identity';
import type {
  Invitation,
  InvitationPreview,
  MembershipSummary,
  Organisation,
  OrganisationMember,
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
} from './organisations.dto';
import { OrganisationsService } from './organisations.service';
import { TerritoriesService } from './territories.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  apply(@CurrentUser() user: AuthUser, @Body() body: ApplyOrganisationDto, @ClientIp() ip: string | null): Promise<Organisation> {
    return this.organisations.apply(user, body, ip);
  }

  @Get()
  mine(@CurrentUser() user: AuthUser): Promise<MembershipSummary[]> {
    return this.organisations.mine(user);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param() { id }: OrganisationIdParam): Promise<Organisation> {
    return this.organisations.get(user, id);
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
