import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_PROFILES, type DiagnosticAnswer, type Locale, type SubmitDiagnosticRequest } from '@alliances/shared/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const LANGS: Locale[] = ['fr', 'en'];

export class QuestionnaireQuery {
  @ApiProperty({ enum: [...ORGANISATION_PROFILES, 'generic'] })
  @IsIn([...ORGANISATION_PROFILES, 'generic'])
  profile!: (typeof ORGANISATION_PROFILES)[number] | 'generic';

  @ApiPropertyOptional({ enum: LANGS, description: 'Default: from Accept-Language, French first' })
  @IsOptional()
  @IsIn(LANGS)
  lang?: Locale;
}

export class LangQuery {
  @ApiPropertyOptional({ enum: LANGS, description: 'Default: the caller’s language' }) @IsOptional() @IsIn(LANGS) lang?: Locale;
}

export class DiagnosticsQuery extends LangQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class OrganisationParams {
  @IsUUID('all') id!: string;
}

export class DiagnosticParams extends OrganisationParams {
  @IsUUID('all') diagnosticId!: string;
}

export class DiagnosticAnswerDto implements DiagnosticAnswer {
  @ApiProperty() @IsString() @MaxLength(100) questionId!: string;
  @ApiProperty() @IsString() @MaxLength(20) optionId!: string;
}

export class SubmitDiagnosticDto implements SubmitDiagnosticRequest {
  @ApiProperty({ type: [DiagnosticAnswerDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DiagnosticAnswerDto)
  answers!: DiagnosticAnswerDto[];
}
