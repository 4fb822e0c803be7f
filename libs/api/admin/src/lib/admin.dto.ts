import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class UsersQuery {
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class UserIdParam {
  @IsUUID('all') id!: string;
}

export class AuditQuery {
  @IsOptional() @IsString() @MaxLength(100) action?: string;
  @IsOptional() @IsUUID('all') actorId?: string;
  @IsOptional() @IsUUID('all') organisationId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}
