export * from './lib/identity.module';
export * from './lib/users.service';
export * from './lib/password.service';
export * from './lib/tokens.service';
export * from './lib/jwt-auth.guard';
export * from './lib/user.entity';
export * from './lib/refresh-token.entity';
export * from './lib/auth.dto';
