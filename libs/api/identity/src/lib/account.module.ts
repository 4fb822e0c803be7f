import { DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { AccountFiles } from './account-files';
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
  static register(options: {
    imports: NonNullable<ModuleMetadata['imports']>;
    memberships: Type<AccountMemberships>;
    /** The files the person uploaded, for the RGPD export (none listed without it). */
    files?: Type<AccountFiles>;
  }): DynamicModule {
    return {
      module: AccountModule,
      imports: [IdentityModule, ...options.imports],
      controllers: [AccountController],
      providers: [
        AccountService,
        { provide: AccountMemberships, useExisting: options.memberships },
        ...(options.files ? [{ provide: AccountFiles, useExisting: options.files }] : []),
      ],
    };
  }
}
