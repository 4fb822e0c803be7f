import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, IdParam, type AuthUser } from '@alliances/api/core';
import type { Meeting, MeetingList, Minutes } from '@alliances/shared/contracts';
import { ApproveMinutesDto, CreateMeetingDto, SetAttendanceDto, UpdateMeetingDto } from './meetings.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post('alliances/:id/meetings')
  @ApiOperation({ summary: 'Schedule a meeting (leads and partners); invites every lead and partner organisation by default' })
  create(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CreateMeetingDto,
    @ClientIp() ip: string | null,
  ): Promise<Meeting> {
    return this.meetings.create(user, id, body, ip);
  }

  @Get('alliances/:id/meetings')
  @ApiOperation({ summary: 'Upcoming (soonest first) and past (latest first) meetings; partners and observers, not funders' })
  list(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<MeetingList> {
    return this.meetings.list(user, id);
  }

  @Get('meetings/:id')
  get(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<Meeting> {
    return this.meetings.get(user, id);
  }

  @Patch('meetings/:id')
  @ApiOperation({ summary: 'Edit a scheduled meeting; `version` → 409 meeting.stale_version when stale' })
  update(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: UpdateMeetingDto,
    @ClientIp() ip: string | null,
  ): Promise<Meeting> {
    return this.meetings.update(user, id, body, ip);
  }

  @Post('meetings/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @ClientIp() ip: string | null): Promise<Meeting> {
    return this.meetings.cancel(user, id, ip);
  }

  @Post('meetings/:id/attendance')
  @HttpCode(200)
  @ApiOperation({ summary: "Who of an invited organisation was present; only that organisation's people may record it" })
  attendance(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: SetAttendanceDto,
    @ClientIp() ip: string | null,
  ): Promise<Meeting> {
    return this.meetings.setAttendance(user, id, body, ip);
  }

  @Get('meetings/:id/minutes')
  @ApiOperation({ summary: 'The minutes: status, the frozen version (Markdown text, SHA-256) and its approvals' })
  minutes(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<Minutes> {
    return this.meetings.minutes(user, id);
  }

  @Post('meetings/:id/minutes/finalise')
  @HttpCode(200)
  @ApiOperation({ summary: 'Freeze the live minutes into a version to approve; the live document turns read-only' })
  finalise(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @ClientIp() ip: string | null): Promise<Minutes> {
    return this.meetings.finalise(user, id, ip);
  }

  @Post('meetings/:id/minutes/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Back to a live draft (final, not yet approved minutes only)' })
  reopen(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @ClientIp() ip: string | null): Promise<Minutes> {
    return this.meetings.reopen(user, id, ip);
  }

  @Post('meetings/:id/minutes/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'An invited lead/partner organisation approves the final version it read (`sha256`); the last approval freezes the minutes',
  })
  approve(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: ApproveMinutesDto,
    @ClientIp() ip: string | null,
  ): Promise<Minutes> {
    return this.meetings.approve(user, id, body, ip);
  }
}
