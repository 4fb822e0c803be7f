import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LOCALES,
  PASSWORD_MAX_LENGTH,
  type Locale,
  type LoginRequest,
  type RegisterRequest,
  type UpdateMeRequest,
  type DeleteAccountRequest,
} from '@alliances/shared/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Trims strings before the length checks, so that blanks do not pass for a name. */
const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'camille@asso-exemple.fr' }) @IsEmail() @MaxLength(254) email!: string;
  /** Length and common-password checks happen in PasswordService, with their own error codes. */
  @ApiProperty({ minLength: 12 }) @IsString() @MaxLength(PASSWORD_MAX_LENGTH) password!: string;
  @ApiProperty({ example: 'Camille Martin' }) @Trim() @IsString() @MinLength(1) @MaxLength(120) displayName!: string;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

export class LoginDto implements LoginRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH) password!: string;
}

export class UpdateMeDto implements UpdateMeRequest {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MinLength(1) @MaxLength(120) displayName?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

export class DeleteAccountDto implements DeleteAccountRequest {
  @ApiPropertyOptional({ description: 'Required when the account has a password.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
  @ApiPropertyOptional({ description: 'An account without a password (created by single sign-on) types its email address.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  confirmEmail?: string;
}
