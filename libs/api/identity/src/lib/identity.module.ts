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
              const email = (req['body'] as { email?: unknown } | undefined)?.email;
              return typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : `ip:${String(req['ip'])}`;
            },
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController, OidcController, AccountRecoveryController, AccountSecurityController, SessionsController],
  providers: [
    UsersService,
    UsersReader,
    PasswordService,
    TokensService,
    SignInService,
    TwoFactorGate,
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
    LinkedIdentities,
    PlatformAdminGuard,
    SocketAuthenticator,
    AccountTokensService,
    SessionsService,
  ],
})
export class IdentityModule {}
