import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RequestChangesRequest, SignRequest } from '@alliances/shared/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CharterParams {
  @IsUUID('all') id!: string;
}

export class VersionParams {
  @IsUUID('all') id!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) version!: number;
}

export class SignDto implements SignRequest {
  @ApiProperty() @IsUUID('all') organisationId!: string;
  @ApiProperty({ description: "The SHA-256 of the version's canonical Markdown, as read by the signatory" })
  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}

export class RequestChangesDto implements RequestChangesRequest {
  @ApiProperty() @IsUUID('all') organisationId!: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(4000) comment!: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['md', 'pdf'] }) @IsOptional() @IsIn(['md', 'pdf']) format?: 'md' | 'pdf';
}

export class DiffQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) from!: number;
  @ApiPropertyOptional({ description: 'A version number, or "draft" (default)' })
  @IsOptional()
  @IsString()
  @Matches(/^(draft|[1-9][0-9]{0,6})$/)
  to?: string;
}
