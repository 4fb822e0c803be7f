import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LanguageService } from '@alliances/web/core';
import { browserLanguage, translocoTesting } from '../../../testing/i18n-testing';
import { SignInPage } from './sign-in-page';

describe('SignInPage', () => {
  beforeEach(() => {
    localStorage.clear();
    browserLanguage('en-GB');
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [provideRouter([])] });
  });

  afterEach(() => jest.restoreAllMocks());

  it('asks an English visitor for the missing email and password', async () => {
    // The app initialiser picks the language before the first page renders.
    TestBed.inject(LanguageService);
    const fixture = TestBed.createComponent(SignInPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect([...el.querySelectorAll('mat-label')].map((l) => l.textContent?.trim())).toEqual([
      'Email address',
      'Password',
    ]);

    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    expect([...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual([
      'Enter your email address.',
      'Enter your password.',
    ]);
  });
});
