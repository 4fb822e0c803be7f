import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore, safeReturnUrl, twoFactorSetupUrl } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';

/**
 * Where single sign-on lands once the identity provider said yes: the callback has set the refresh
 * cookie, so one refresh gives this tab its access token.
 */
@Component({
  selector: 'all-sso-complete-page',
  imports: [RouterLink, TranslocoPipe, Notice],
  template: `
    <div class="auth-page">
      <h1>{{ 'sso.title' | transloco }}</h1>
      <div aria-live="polite">
        @if (failed()) {
          <all-notice kind="error" data-testid="sso-error">{{ 'errors.oidc.failed' | transloco }}</all-notice>
          <p class="auth-text">
            <a routerLink="/sign-in" [queryParams]="{ returnUrl: returnUrl() || null }" data-testid="sso-back">{{
              'sso.back' | transloco
            }}</a>
          </p>
        } @else {
          <p class="auth-text" role="status">{{ 'sso.pending' | transloco }}</p>
        }
      </div>
    </div>
  `,
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SsoCompletePage implements OnInit {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);

  readonly returnUrl = input<string>();
  protected readonly failed = signal(false);

  async ngOnInit(): Promise<void> {
    try {
      if (await this.store.resumeFromCookie()) {
        const target = safeReturnUrl(this.returnUrl()) ?? '/';
        await this.router.navigateByUrl(this.store.twoFactorSetupRequired() ? twoFactorSetupUrl(this.router, target) : target, {
          replaceUrl: true,
        });
        return;
      }
    } catch {
      // Reported below like a refused refresh.
    }
    this.failed.set(true);
  }
}
