import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { TranslatedTitleStrategy } from './translated-title.strategy';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

describe('TranslatedTitleStrategy', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            fr: { app: { name: 'Alliances' }, home: { pageTitle: 'Accueil' } },
            en: { app: { name: 'Alliances' }, home: { pageTitle: 'Home' } },
          },
          translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([
          { path: '', component: BlankPage, title: 'home.pageTitle' },
          { path: 'untitled', component: BlankPage },
        ]),
        { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  it('shows the translated page title followed by the product name', async () => {
    await harness.navigateByUrl('/');

    expect(document.title).toBe('Accueil · Alliances');
  });

  it('translates the title again when the language changes', async () => {
    await harness.navigateByUrl('/');

    TestBed.inject(TranslocoService).setActiveLang('en');
    await harness.fixture.whenStable();

    expect(document.title).toBe('Home · Alliances');
  });

  it('shows only the product name on a route without a title', async () => {
    await harness.navigateByUrl('/untitled');

    expect(document.title).toBe('Alliances');
  });
});
