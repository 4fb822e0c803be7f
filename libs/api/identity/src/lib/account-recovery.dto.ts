import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PASSWORD_MAX_LENGTH,
  type ChangeEmailRequest,
  type ChangePasswordRequest,
  type ConfirmEmailRequest,
  type ForgotPasswordRequest,
  type ResetPasswordRequest,
} from '@alliances/shared/contracts';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** A link's token: 32 bytes in base64url (43 characters); anything longer is not one of ours. */
const TOKEN_MAX_LENGTH = 128;

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty({ example: 'camille@asso-exemple.fr' }) @IsEmail() @MaxLength(254) email!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(TOKEN_MAX_LENGTH) token!: string;
  /** Length and common-password checks happen in PasswordService, with their own error codes. */
  @ApiProperty({ minLength: 12 }) @IsString() @MaxLength(PASSWORD_MAX_LENGTH) password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MaxLength(PASSWORD_MAX_LENGTH) currentPassword!: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MaxLength(PASSWORD_MAX_LENGTH) newPassword!: string;
}

export class ChangeEmailDto implements ChangeEmailRequest {
  @ApiProperty({ example: 'camille.martin@asso-exemple.fr' }) @IsEmail() @MaxLength(254) newEmail!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(PASSWORD_MAX_LENGTH) password?: string;
}

export class ConfirmEmailDto implements ConfirmEmailRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(TOKEN_MAX_LENGTH) token!: string;
}
