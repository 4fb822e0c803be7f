import { DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { AccountMemberships } from './account-memberships';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { IdentityModule } from './identity.module';

/**
 * `/me`: the person's own account. Identity may not import organisations, so the application hands
 * in the module that provides the memberships side and the class implementing `AccountMemberships`.
 */
@Module({})
export class AccountModule {
  static register(options: { imports: NonNullable<ModuleMetadata['imports']>; memberships: Type<AccountMemberships> }): DynamicModule {
    return {
      module: AccountModule,
      imports: [IdentityModule, ...options.imports],
      controllers: [AccountController],
      providers: [AccountService, { provide: AccountMemberships, useExisting: options.memberships }],
    };
  }
}
