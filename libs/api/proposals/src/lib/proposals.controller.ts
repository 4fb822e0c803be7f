import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, IdParam, Public, type AuthUser } from '@alliances/api/core';
import { PlatformAdminGuard } from '@alliances/api/identity';
import type {
  AcceptProposalResponse,
  AllianceInvitationPreview,
  CatalystGrant,
  CatalystTerritoryView,
  ExternalInvitation,
  OrganisationBlock,
  Page,
  Proposal,
} from '@alliances/shared/contracts';
import { CatalystsService } from './catalysts.service';
import { ExternalInvitationsService } from './external-invitations.service';
import { OrganisationBlocksService } from './organisation-blocks.service';
import {
  AllianceInvitationTokenParam,
  BlockOrganisationDto,
  BlockParams,
  CatalystGrantDto,
  CatalystQuery,
  CatalystTerritoryQuery,
  CreateIntroductionDto,
  CreateProposalDto,
  DeclineProposalDto,
  InviteExternalOrganisationDto,
  ProposalsQuery,
} from './proposals.dto';
import { ProposalsService } from './proposals.service';

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Post()
  @ApiOperation({
    summary: 'Propose an alliance (admin of fromOrganisationId)',
    description:
      'The recipient must be listed and approved (else 404), must not have blocked the sender (403), and no proposal between the pair may be pending (409); at most PROPOSALS_PER_DAY a day per sender (429).',
  })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateProposalDto, @ClientIp() ip: string | null): Promise<Proposal> {
    return this.proposals.create(user, body, ip);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ProposalsQuery): Promise<Page<Proposal>> {
    return this.proposals.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<Proposal> {
    return this.proposals.get(user, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept (recipient admin; for an introduction each side’s admin)',
    description:
      'The deciding acceptance creates a draft alliance led by the proposer with the recipient as an active partner, or seats the recipient in the proposed alliance.',
  })
  accept(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @ClientIp() ip: string | null): Promise<AcceptProposalResponse> {
    return this.proposals.accept(user, id, ip);
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: DeclineProposalDto,
    @ClientIp() ip: string | null,
  ): Promise<Proposal> {
    return this.proposals.decline(user, id, body?.reason, ip);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @ClientIp() ip: string | null): Promise<Proposal> {
    return this.proposals.withdraw(user, id, ip);
  }
}

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationBlocksController {
  constructor(private readonly blocks: OrganisationBlocksService) {}

  @Post(':id/blocks')
  @ApiOperation({ summary: 'Refuse an organisation’s proposals (org admin); its pending proposals are declined' })
  block(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: BlockOrganisationDto,
    @ClientIp() ip: string | null,
  ): Promise<OrganisationBlock[]> {
    return this.blocks.block(user, id, body.organisationId, ip);
  }

  @Get(':id/blocks')
  list(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<OrganisationBlock[]> {
    return this.blocks.list(user, id);
  }

  @Delete(':id/blocks/:blockedId')
  @HttpCode(204)
  unblock(@CurrentUser() user: AuthUser, @Param() p: BlockParams, @ClientIp() ip: string | null): Promise<void> {
    return this.blocks.unblock(user, p.id, p.blockedId, ip);
  }
}

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('alliances')
export class ExternalInvitationsController {
  constructor(private readonly invitations: ExternalInvitationsService) {}

  @Post(':id/invitations')
  @ApiOperation({
    summary: 'Invite an organisation not yet on the platform (admin of the lead organisation)',
    description: 'Mails a single-use link (14 days) to sign up and apply; once approved, the organisation is an invited partner.',
  })
  invite(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: InviteExternalOrganisationDto,
    @ClientIp() ip: string | null,
  ): Promise<ExternalInvitation> {
    return this.invitations.invite(user, id, body, ip);
  }

  @Get(':id/invitations')
  list(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<ExternalInvitation[]> {
    return this.invitations.list(user, id);
  }
}

@ApiTags('proposals')
@Controller('alliance-invitations')
export class AllianceInvitationPreviewController {
  constructor(private readonly invitations: ExternalInvitationsService) {}

  /** Public: knowing the token is the capability; pre-fills sign-up and the application form. */
  @Public()
  @Get(':token')
  preview(@Param() { token }: AllianceInvitationTokenParam): Promise<AllianceInvitationPreview> {
    return this.invitations.preview(token);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/organisations')
@UseGuards(PlatformAdminGuard)
export class AdminCatalystsController {
  constructor(private readonly catalysts: CatalystsService) {}

  @Get(':id/catalyst')
  @ApiOperation({ summary: 'The territories an organisation animates as a catalyst (empty when it is none)' })
  current(@Param() { id }: IdParam): Promise<CatalystGrant> {
    return this.catalysts.forPlatformAdmin(id);
  }

  @Put(':id/catalyst')
  @ApiOperation({ summary: 'Grant the catalyst role for départements or régions (an empty list revokes it)' })
  grant(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CatalystGrantDto,
    @ClientIp() ip: string | null,
  ): Promise<CatalystGrant> {
    return this.catalysts.grant(user, id, body.territoryCodes, ip);
  }
}

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('catalyst')
export class CatalystsController {
  constructor(private readonly catalysts: CatalystsService) {}

  @Get()
  grant(@CurrentUser() user: AuthUser, @Query() { organisationId }: CatalystQuery): Promise<CatalystGrant> {
    return this.catalysts.forMember(user, organisationId);
  }

  @Get('territory')
  @ApiOperation({
    summary: 'Counts of organisations and alliances in a territory of the grant',
    description: 'Organisations located in the territory; alliances with a territory code inside it. Counts only.',
  })
  territory(@CurrentUser() user: AuthUser, @Query() q: CatalystTerritoryQuery): Promise<CatalystTerritoryView> {
    return this.catalysts.territoryView(user, q.organisationId, q.territory);
  }

  @Post('introductions')
  introduce(@CurrentUser() user: AuthUser, @Body() body: CreateIntroductionDto, @ClientIp() ip: string | null): Promise<Proposal> {
    return this.catalysts.introduce(user, body, ip);
  }
}
