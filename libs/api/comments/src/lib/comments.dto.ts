import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHARTER_SECTION_KEYS,
  MINUTES_FRAGMENT,
  COMMENT_TARGET_TYPES,
  MAX_COMMENT_LENGTH,
  type CharterAnchor,
  type CommentTarget,
  type CommentTargetType,
  type CreateCommentRequest,
  type UpdateCommentRequest,
} from '@alliances/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
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

class AnchorDto implements CharterAnchor {
  @ApiProperty({ enum: [...CHARTER_SECTION_KEYS, MINUTES_FRAGMENT] }) @IsIn([...CHARTER_SECTION_KEYS, MINUTES_FRAGMENT]) section!: string;
  @ApiProperty({ description: 'Y.RelativePosition, encoded then base64' }) @IsString() @Matches(/^[A-Za-z0-9+/=]{1,400}$/) start!: string;
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9+/=]{1,400}$/) end!: string;
  @ApiProperty() @IsString() @MaxLength(1000) quote!: string;
}

class TargetDto implements CommentTarget {
  @ApiProperty({ enum: COMMENT_TARGET_TYPES }) @IsIn(COMMENT_TARGET_TYPES) type!: CommentTargetType;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(80) id!: string;
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => AnchorDto) anchor?: AnchorDto;
}

export class CreateCommentDto implements CreateCommentRequest {
  @ApiPropertyOptional({ description: 'Client-generated UUID; a retry with the same id answers 200 with the original' })
  @IsOptional()
  @IsUUID('all')
  id?: string;
  @ApiProperty() @IsUUID('all') allianceId!: string;
  // ValidateNested alone lets an absent target through.
  @ApiProperty() @IsDefined() @IsObject() @ValidateNested() @Type(() => TargetDto) target!: TargetDto;
  @ApiProperty({ maxLength: MAX_COMMENT_LENGTH }) @IsString() @MinLength(1) @MaxLength(MAX_COMMENT_LENGTH) body!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') parentId?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mentions?: string[];
}

export class UpdateCommentDto implements UpdateCommentRequest {
  @ApiProperty({ maxLength: MAX_COMMENT_LENGTH }) @IsString() @MinLength(1) @MaxLength(MAX_COMMENT_LENGTH) body!: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mentions?: string[];
}

export class ResolveDto {
  @ApiPropertyOptional({ description: 'false reopens' }) @IsOptional() @IsBoolean() resolved?: boolean;
}

export class CommentsQuery {
  @ApiProperty() @IsUUID('all') allianceId!: string;
  @ApiPropertyOptional({ enum: COMMENT_TARGET_TYPES }) @IsOptional() @IsIn(COMMENT_TARGET_TYPES) targetType?: CommentTargetType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) targetId?: string;
  @ApiPropertyOptional({ description: 'Only what changed after this sequence number (catch-up)' })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  since?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class CommentIdParam {
  @IsUUID('all') id!: string;
}

export class MentionQuery {
  @IsUUID('all') allianceId!: string;
  @IsOptional() @IsString() @MaxLength(80) q?: string;
}
