import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHARTER_SECTION_KEYS,
  COLLECTIVE_OBJECTIVES,
  type CollectiveObjective,
  EVALUATION_DIMENSIONS,
  EVALUATION_FOCUSES,
  type AnswerInput,
  type EvaluationDimension,
  type EvaluationFocus,
  type LaunchCampaignRequest,
  type SaveResponseRequest,
} from '@alliances/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class LaunchCampaignDto implements LaunchCampaignRequest {
  @ApiProperty({ example: 'Évaluation annuelle 2026' }) @IsString() @MinLength(3) @MaxLength(200) title!: string;
  @ApiPropertyOptional({ description: 'Default template when absent' }) @IsOptional() @IsUUID('all') templateId?: string;
  @ApiProperty({ example: '2026-12-15T18:00:00Z' }) @IsISO8601({ strict: true }) closesAt!: string;
  @ApiPropertyOptional({
    enum: COLLECTIVE_OBJECTIVES,
    isArray: true,
    description: 'Blocks to ask; absent: every collective objective of the alliance',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(COLLECTIVE_OBJECTIVES, { each: true })
  blocks?: CollectiveObjective[];
}

export class AnswerDto implements AnswerInput {
  @ApiProperty() @IsUUID('all') questionId!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) score!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class SaveResponseDto implements SaveResponseRequest {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers!: AnswerDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() submit?: boolean;
}

class QuestionTextDto {
  @IsString() @MinLength(5) @MaxLength(500) fr!: string;
  @IsString() @MinLength(5) @MaxLength(500) en!: string;
}

export class TemplateQuestionDto {
  @ApiProperty({ enum: EVALUATION_DIMENSIONS }) @IsIn(EVALUATION_DIMENSIONS) dimension!: EvaluationDimension;
  @ApiProperty({ enum: EVALUATION_FOCUSES }) @IsIn(EVALUATION_FOCUSES) focus!: EvaluationFocus;
  @ApiProperty() @IsDefined() @IsObject() @ValidateNested() @Type(() => QuestionTextDto) text!: QuestionTextDto;
}

export class SetQuestionsDto {
  @ApiProperty({ type: [TemplateQuestionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TemplateQuestionDto)
  questions!: TemplateQuestionDto[];
}

export class CopyTemplateDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') fromTemplateId?: string;
}

export class CreateActionDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(300) title!: string;
  @ApiProperty() @IsUUID('all') ownerOrganisationId!: string;
  @ApiProperty() @IsISO8601({ strict: true }) dueDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') objectiveId?: string;
  @ApiPropertyOptional({ enum: CHARTER_SECTION_KEYS }) @IsOptional() @IsIn(CHARTER_SECTION_KEYS) charterSection?: string;
}

export class ActionDoneDto {
  @ApiProperty() @IsBoolean() done!: boolean;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'pdf'] }) @IsOptional() @IsIn(['csv', 'pdf']) format?: 'csv' | 'pdf';
}
