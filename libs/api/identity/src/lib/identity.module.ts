import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, SocketAuthenticator, type AppConfig } from '@alliances/api/core';
import { AccountRecoveryController } from './account-recovery.controller';
import { AccountRecoveryService } from './account-recovery.service';
import { AccountSecurityController } from './account-security.controller';
import { AccountTokensService } from './account-tokens.service';
import { AuthController } from './auth.controller';
import { JwtAuthGuard, PlatformAdminGuard } from './jwt-auth.guard';
import { JwtSocketAuthenticator } from './jwt-socket-authenticator';
import { JwtStrategy } from './jwt.strategy';
import { LinkedIdentities } from './linked-identities';
import { OidcAccounts } from './oidc-accounts';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { PasswordService } from './password.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { SignInService } from './sign-in.service';
import { TwoFactorGate } from './two-factor-gate';
import { TwoFactorController, TwoFactorLoginController } from './two-factor.controller';
import { TwoFactorService } from './two-factor.service';
import { TokensService } from './tokens.service';
import { UserEntity } from './user.entity';
import { UsersReader } from './users-reader';
import { UsersService } from './users.service';

const FIFTEEN_MINUTES = 15 * 60_000;

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    PassportModule,
    JwtModule.register({}),
    // Applied to the auth routes only: per client address, and per account (the email tried).
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'ip', ttl: 60_000, limit: config.authThrottle.ipPerMinute },
          {
            name: 'account',
            ttl: FIFTEEN_MINUTES,
            limit: config.authThrottle.accountPer15Min,
            getTracker: (req: Record<string, unknown>) => {
              const { email, mfaToken } = (req['body'] as { email?: unknown; mfaToken?: unknown } | undefined) ?? {};
              if (typeof email === 'string') return `account:${email.trim().toLowerCase()}`;
              // The second step of a sign-in: its challenge is the account's attempt (it dies after 5 wrong codes anyway).
              if (typeof mfaToken === 'string') return `mfa:${mfaToken.slice(0, 64)}`;
              // The signed-in person's own two-step sign-in routes: a code guessed per account, wherever from.
              const userId = (req['user'] as { id?: unknown } | undefined)?.id;
              if (typeof userId === 'string') return `user:${userId}`;
              return `ip:${String(req['ip'])}`;
            },
          },
        ],
      }),
    }),
  ],
  controllers: [
    AuthController,
    TwoFactorController,
    TwoFactorLoginController,
    OidcController,
    AccountRecoveryController,
    AccountSecurityController,
    SessionsController,
  ],
  providers: [
    UsersService,
    UsersReader,
    PasswordService,
    TokensService,
    SignInService,
    TwoFactorGate,
    TwoFactorService,
    LinkedIdentities,
    OidcAccounts,
    OidcService,
    AccountTokensService,
    SessionsService,
    AccountRecoveryService,
    JwtStrategy,
    PlatformAdminGuard,
    { provide: SocketAuthenticator, useClass: JwtSocketAuthenticator },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [
    UsersService,
    UsersReader,
    PasswordService,
    TokensService,
    SignInService,
    TwoFactorGate,
    TwoFactorService,
    LinkedIdentities,
    PlatformAdminGuard,
    SocketAuthenticator,
    AccountTokensService,
    SessionsService,
  ],
})
export class IdentityModule {}
