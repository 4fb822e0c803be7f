import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { AuthStore } from './auth-store';

/**
 * Resumes the previous session in the background at start-up. The first page renders at once;
 * guards wait for the outcome. Register `authInterceptor` with `provideHttpClient(withInterceptors())`.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      void inject(AuthStore).restore();
    }),
  ]);
}
