import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, IdParam, type AuthUser } from '@alliances/api/core';
import type { ActionsPage, AllianceAction, AssignablePerson, Decision, DecisionsPage } from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import { ActionsService } from './actions.service';
import { decisionsToCsv } from './decisions-export';
import { DecisionsService } from './decisions.service';
import {
  ActionsQuery,
  CreateGovernanceActionDto,
  CreateDecisionDto,
  DecisionsExportQuery,
  DecisionsQuery,
  SetPositionDto,
  UpdateActionDto,
} from './governance.dto';

@ApiTags('governance')
@ApiBearerAuth()
@Controller()
export class GovernanceController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly actions: ActionsService,
  ) {}

  @Post('alliances/:id/decisions')
  @ApiOperation({
    summary: 'A lead or partner proposes a decision, by consent (adopted unless an organisation blocks) or majority of organisations',
  })
  propose(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CreateDecisionDto,
    @ClientIp() ip: string | null,
  ): Promise<Decision> {
    return this.decisions.propose(user, id, body, ip);
  }

  @Get('alliances/:id/decisions')
  @ApiOperation({ summary: 'The decisions register, newest first; q ignores accents and case' })
  list(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @Query() query: DecisionsQuery): Promise<DecisionsPage> {
    return this.decisions.list(user, id, query);
  }

  @Get('alliances/:id/decisions/export')
  @ApiOperation({ summary: 'The decisions register as CSV' })
  async export(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Query() query: DecisionsExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const decisions = await this.decisions.all(user, id, query);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${user.locale === 'en' ? 'decisions' : 'registre-des-decisions'}.csv"`)
      .send(decisionsToCsv(decisions, user.locale));
  }

  @Get('decisions/:id')
  @ApiOperation({ summary: 'A decision with each lead and partner organisation’s position; counts frozen once closed' })
  get(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<Decision> {
    return this.decisions.get(user, id);
  }

  @Put('decisions/:id/positions/me')
  @ApiOperation({
    summary: 'The position of an organisation the caller represents; a reason is required to disagree or block; 409 once closed',
  })
  setPosition(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: SetPositionDto,
    @ClientIp() ip: string | null,
  ): Promise<Decision> {
    return this.decisions.setPosition(user, id, body, ip);
  }

  @Post('decisions/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'The proposer or the lead closes before the date; the outcome is computed and journaled' })
  close(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @ClientIp() ip: string | null): Promise<Decision> {
    return this.decisions.close(user, id, ip);
  }

  @Get('alliances/:id/people')
  @ApiOperation({ summary: 'The people of the lead and partner organisations, who may be assigned an action' })
  people(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<AssignablePerson[]> {
    return this.actions.assignable(user, id);
  }

  @Post('alliances/:id/actions')
  @ApiOperation({ summary: 'An action assigned to a person of a lead or partner organisation' })
  createAction(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CreateGovernanceActionDto,
    @ClientIp() ip: string | null,
  ): Promise<AllianceAction> {
    return this.actions.create(user, id, body, ip);
  }

  @Get('alliances/:id/actions')
  @ApiOperation({ summary: 'The alliance’s one list of actions, evaluation action plans included (origin "evaluation"), by due date' })
  listActions(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @Query() query: ActionsQuery): Promise<ActionsPage> {
    return this.actions.list(user, id, query);
  }

  @Patch('actions/:id')
  @ApiOperation({ summary: 'Status, title, due date or assignee (assignee, lead, or the creating organisation); a stale version is a 409' })
  updateAction(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: UpdateActionDto,
    @ClientIp() ip: string | null,
  ): Promise<AllianceAction> {
    return this.actions.update(user, id, body, ip);
  }
}
