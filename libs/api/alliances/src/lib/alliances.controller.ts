import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, type AuthUser } from '@alliances/api/core';
import type { Alliance, AllianceAuditEntry, AllianceSummary, OrganisationDirectoryEntry, Page } from '@alliances/shared/contracts';
import {
  AllianceIdParam,
  AllianceOrganisationParams,
  AuditQuery,
  CreateAllianceDto,
  DirectoryQuery,
  HandOverLeadDto,
  InviteOrganisationDto,
  ListQuery,
  PartnerObjectiveDto,
  UpdateAllianceDto,
} from './alliances.dto';
import { AlliancesService } from './alliances.service';

@ApiTags('alliances')
@ApiBearerAuth()
@Controller('alliances')
export class AlliancesController {
  constructor(private readonly alliances: AlliancesService) {}

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateAllianceDto, @ClientIp() ip: string | null): Promise<Alliance> {
    return this.alliances.create(user, body, ip);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListQuery): Promise<Page<AllianceSummary>> {
    return this.alliances.list(user, query.limit, query.cursor);
  }

  @Get('directory/organisations')
  directory(@CurrentUser() user: AuthUser, @Query() { q }: DirectoryQuery): Promise<OrganisationDirectoryEntry[]> {
    return this.alliances.directory(user, q);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param() { id }: AllianceIdParam): Promise<Alliance> {
    return this.alliances.get(user, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param() { id }: AllianceIdParam,
    @Body() body: UpdateAllianceDto,
    @ClientIp() ip: string | null,
  ): Promise<Alliance> {
    return this.alliances.update(user, id, body, ip);
  }

  @Post(':id/members')
  invite(
    @CurrentUser() user: AuthUser,
    @Param() { id }: AllianceIdParam,
    @Body() body: InviteOrganisationDto,
    @ClientIp() ip: string | null,
  ): Promise<Alliance> {
    return this.alliances.invite(user, id, body, ip);
  }

  @Post(':id/members/:organisationId/accept')
  @HttpCode(200)
  accept(@CurrentUser() user: AuthUser, @Param() p: AllianceOrganisationParams, @ClientIp() ip: string | null): Promise<Alliance> {
    return this.alliances.respond(user, p.id, p.organisationId, true, ip);
  }

  @Post(':id/members/:organisationId/decline')
  @HttpCode(200)
  decline(@CurrentUser() user: AuthUser, @Param() p: AllianceOrganisationParams, @ClientIp() ip: string | null): Promise<Alliance> {
    return this.alliances.respond(user, p.id, p.organisationId, false, ip);
  }

  /** The organisation's admin takes it out of the alliance, or the lead removes it (204). */
  @Delete(':id/members/:organisationId')
  @HttpCode(204)
  removeMember(@CurrentUser() user: AuthUser, @Param() p: AllianceOrganisationParams, @ClientIp() ip: string | null): Promise<void> {
    return this.alliances.removeMember(user, p.id, p.organisationId, ip);
  }

  /** The lead hands over to an active partner organisation; it stays a partner. */
  @Post(':id/lead')
  @HttpCode(200)
  handOverLead(
    @CurrentUser() user: AuthUser,
    @Param() { id }: AllianceIdParam,
    @Body() body: HandOverLeadDto,
    @ClientIp() ip: string | null,
  ): Promise<Alliance> {
    return this.alliances.handOverLead(user, id, body.organisationId, ip);
  }

  @Put(':id/members/:organisationId/objective')
  setObjective(
    @CurrentUser() user: AuthUser,
    @Param() p: AllianceOrganisationParams,
    @Body() body: PartnerObjectiveDto,
    @ClientIp() ip: string | null,
  ): Promise<Alliance> {
    return this.alliances.setObjective(user, p.id, p.organisationId, body, ip);
  }

  @Get(':id/audit')
  audit(@CurrentUser() user: AuthUser, @Param() { id }: AllianceIdParam, @Query() query: AuditQuery): Promise<Page<AllianceAuditEntry>> {
    return this.alliances.auditLog(user, id, query.limit, query.cursor, query.kind);
  }
}
