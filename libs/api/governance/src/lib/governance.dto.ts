import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTION_SOURCE_TYPES,
  ACTION_STATUSES,
  DECISION_POSITIONS,
  DECISION_RULES,
  DECISION_STATUSES,
  type ActionSourceType,
  type ActionStatus,
  type CreateActionRequest,
  type CreateDecisionRequest,
  type DecisionPositionKind,
  type DecisionRule,
  type DecisionStatus,
  type SetPositionRequest,
  type UpdateActionRequest,
} from '@alliances/shared/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const day = { strict: true, strictSeparator: true };
/** Not only spaces: a title made of blanks is no title. */
const VISIBLE = /\S/;

export class CreateDecisionDto implements CreateDecisionRequest {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) @Matches(VISIBLE) title!: string;
  @ApiProperty({ description: 'The proposal text (plain text or Markdown)' })
  @IsString()
  @MinLength(2)
  @MaxLength(20_000)
  @Matches(VISIBLE)
  proposal!: string;
  @ApiProperty({ description: 'ISO 8601 instant, in the future' }) @IsISO8601({ strict: true }) closesAt!: string;
  @ApiProperty({ enum: DECISION_RULES }) @IsIn(DECISION_RULES) rule!: DecisionRule;
  @ApiPropertyOptional({ description: 'The meeting the decision comes from' }) @IsOptional() @IsUUID('all') meetingId?: string;
}

export class SetPositionDto implements SetPositionRequest {
  @ApiProperty() @IsUUID('all') organisationId!: string;
  @ApiProperty({ enum: DECISION_POSITIONS }) @IsIn(DECISION_POSITIONS) position!: DecisionPositionKind;
  @ApiPropertyOptional({ description: 'Required for disagree and block' }) @IsOptional() @IsString() @MaxLength(4000) reason?: string;
}

export class DecisionsQuery {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsIn(DECISION_STATUSES) status?: DecisionStatus;
  @IsOptional() @IsUUID('all') meetingId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

export class DecisionsExportQuery {
  @IsOptional() @IsIn(['csv']) format?: 'csv';
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsIn(DECISION_STATUSES) status?: DecisionStatus;
}

class ActionSourceDto {
  @ApiProperty({ enum: ACTION_SOURCE_TYPES }) @IsIn(ACTION_SOURCE_TYPES) type!: ActionSourceType;
  @ApiProperty() @IsUUID('all') id!: string;
}

export class CreateGovernanceActionDto implements CreateActionRequest {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) @Matches(VISIBLE) title!: string;
  @ApiProperty({ description: 'A person of a lead or partner organisation of the alliance' }) @IsUUID('all') assigneeUserId!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) @IsISO8601(day) @Matches(/^\d{4}-\d{2}-\d{2}$/) dueOn!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ type: ActionSourceDto })
  @IsOptional()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => ActionSourceDto)
  source?: ActionSourceDto;
}

export class UpdateActionDto implements UpdateActionRequest {
  @ApiPropertyOptional({ enum: ACTION_STATUSES }) @IsOptional() @IsIn(ACTION_STATUSES) status?: ActionStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) @Matches(VISIBLE) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(day) @Matches(/^\d{4}-\d{2}-\d{2}$/) dueOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') assigneeUserId?: string;
  @ApiProperty({ description: 'The version read; a stale one is a 409' }) @IsInt() @Min(1) version!: number;
}

export class ActionsQuery {
  @IsOptional() @IsIn(ACTION_STATUSES) status?: ActionStatus;
  @IsOptional() @IsIn(['me']) assignee?: 'me';
  @IsOptional() @IsIn(ACTION_SOURCE_TYPES) sourceType?: ActionSourceType;
  @IsOptional() @IsUUID('all') sourceId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}
