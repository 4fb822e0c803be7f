import { provideHttpClient, withFetch } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withInMemoryScrolling } from '@angular/router';
import { TranslatedTitleStrategy, provideI18n } from '@alliances/web/core';
import { appRoutes } from './app.routes';

// Angular 21 bootstraps zoneless by default and Material 21 animates with CSS, so neither
// provideZonelessChangeDetection() nor provideAnimationsAsync() is needed.
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch()),
    provideRouter(appRoutes, withInMemoryScrolling({ scrollPositionRestoration: 'enabled' })),
    provideI18n(),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ],
};
