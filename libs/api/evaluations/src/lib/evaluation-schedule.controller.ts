import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, IdParam, type AuthUser } from '@alliances/api/core';
import {
  EVALUATION_RHYTHMS,
  type EvaluationRhythm,
  type EvaluationSchedule,
  type UpdateEvaluationScheduleRequest,
} from '@alliances/shared/contracts';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { EvaluationScheduleService } from './evaluation-schedule.service';

export class UpdateEvaluationScheduleDto implements UpdateEvaluationScheduleRequest {
  @ApiProperty({ enum: EVALUATION_RHYTHMS }) @IsIn(EVALUATION_RHYTHMS) rhythm!: EvaluationRhythm;
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Needed unless rhythm is none' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'nextLaunchOn must be a date YYYY-MM-DD' })
  nextLaunchOn?: string;
  @ApiProperty({ minimum: 7, maximum: 90, example: 21 }) @IsInt() @Min(7) @Max(90) durationDays!: number;
}

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class EvaluationScheduleController {
  constructor(private readonly schedule: EvaluationScheduleService) {}

  @Get('alliances/:id/evaluation-schedule')
  @ApiOperation({ summary: 'The evaluation rhythm (partners): saved by the lead, or a suggestion from the charter in force' })
  get(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<EvaluationSchedule> {
    return this.schedule.get(user, id);
  }

  @Put('alliances/:id/evaluation-schedule')
  @ApiOperation({ summary: 'Set the evaluation rhythm (lead): campaigns then launch by themselves on the next date' })
  set(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: UpdateEvaluationScheduleDto,
    @ClientIp() ip: string | null,
  ): Promise<EvaluationSchedule> {
    return this.schedule.set(user, id, body, ip);
  }
}
