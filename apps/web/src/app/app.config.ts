import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { TranslatedTitleStrategy, provideI18n, provideNavigationFocus } from '@alliances/web/core';
import { authInterceptor, provideAuth } from '@alliances/web/identity/data-access';
import { appRoutes } from './app.routes';

// Angular 21 bootstraps zoneless by default and Material 21 animates with CSS, so neither
// provideZonelessChangeDetection() nor provideAnimationsAsync() is needed.
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    // Route parameters and query parameters reach pages as inputs (`id`, `token`, `returnUrl`).
    provideRouter(appRoutes, withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }), withComponentInputBinding()),
    provideI18n(),
    provideAuth(),
    provideNavigationFocus(),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ],
};
