import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore, SecurityApi } from '@alliances/web/identity/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { tap } from 'rxjs';

/** The link of the mail sent to a new address: following it is the confirmation. */
@Component({
  selector: 'all-confirm-email-page',
  imports: [RouterLink, TranslocoPipe, Notice],
  template: `
    <div class="auth-page">
      <h1>{{ 'confirmEmail.title' | transloco }}</h1>
      <div aria-live="polite">
        @if (result.isLoading()) {
          <p class="auth-text" role="status">{{ 'confirmEmail.pending' | transloco }}</p>
        } @else if (result.hasValue()) {
          <all-notice kind="success" data-testid="confirm-email-done">
            {{ 'confirmEmail.done' | transloco: { email: result.value().email } }}
          </all-notice>
        } @else if (result.error(); as error) {
          <all-notice kind="error" data-testid="confirm-email-error">{{ errorKey(error) | transloco }}</all-notice>
        }
      </div>
      <p class="auth-switch">
        @if (store.isSignedIn()) {
          <a routerLink="/account">{{ 'confirmEmail.toAccount' | transloco }}</a>
        } @else {
          <a routerLink="/sign-in">{{ 'confirmEmail.toSignIn' | transloco }}</a>
        }
      </p>
    </div>
  `,
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmEmailPage {
  private readonly api = inject(SecurityApi);
  protected readonly store = inject(AuthStore);

  readonly token = input.required<string>();

  protected readonly result = rxResource({
    params: () => this.token(),
    // A signed-in person sees the new address at once in the menu and on the account page.
    stream: ({ params }) => this.api.confirmEmail(params).pipe(tap(() => this.store.isSignedIn() && void this.store.reloadMe())),
  });

  protected errorKey(error: unknown): string {
    return errorMessageKey(error);
  }
}
