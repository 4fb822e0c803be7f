import { ApiProperty } from '@nestjs/swagger';
import type { MfaLoginRequest, TotpCodeRequest } from '@alliances/shared/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A 6-digit TOTP code or a recovery code (`xxxxx-xxxxx`); spaces and dashes are forgiven. */
export class TotpCodeDto implements TotpCodeRequest {
  @ApiProperty({ example: '123456', description: 'A current 6-digit TOTP code, or an unused recovery code where one is accepted' })
  @IsString()
  @MinLength(6)
  @MaxLength(32)
  code!: string;
}

export class MfaLoginDto implements MfaLoginRequest {
  @ApiProperty({ description: 'The token of the second-step challenge the sign-in answered' })
  @IsString()
  @MinLength(16)
  @MaxLength(128)
  mfaToken!: string;
  @ApiProperty({ example: '123456', description: 'A current 6-digit TOTP code or an unused recovery code' })
  @IsString()
  @MinLength(6)
  @MaxLength(32)
  code!: string;
}
