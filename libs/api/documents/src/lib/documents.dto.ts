import { ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_TARGET_TYPES, type DocumentTargetType } from '@alliances/shared/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class DocumentsQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_TARGET_TYPES }) @IsOptional() @IsIn(DOCUMENT_TARGET_TYPES) targetType?: DocumentTargetType;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') targetId?: string;
}

export class ContentQuery {
  @ApiPropertyOptional({ description: 'a version number; the current one when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}
