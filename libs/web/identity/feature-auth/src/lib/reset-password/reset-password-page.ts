import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore, SecurityApi, twoFactorSetupUrl } from '@alliances/web/identity/data-access';
import { apiErrorCode, applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { firstValueFrom } from 'rxjs';
import { NewPasswordFields, newPasswordValidators, samePasswords } from '../shared/new-password-fields';

/**
 * The link of the reset mail: a new password, then the person is signed in (or asked for the second
 * step when two-step sign-in is on: the sign-in page takes over with the challenge).
 */
@Component({
  selector: 'all-reset-password-page',
  imports: [ReactiveFormsModule, RouterLink, MatButton, MatCard, MatCardContent, NewPasswordFields, TranslocoPipe, Notice],
  template: `
    <div class="auth-page">
      <h1>{{ 'resetPassword.title' | transloco }}</h1>
      <mat-card appearance="outlined">
        <mat-card-content>
          <form class="auth-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <div aria-live="polite">
              @if (errorKey(); as key) {
                <all-notice kind="error" data-testid="reset-error">
                  {{ key | transloco }}
                  @if (tokenInvalid()) {
                    <a routerLink="/forgot-password">{{ 'resetPassword.askAgain' | transloco }}</a>
                  }
                </all-notice>
              }
            </div>
            <all-new-password-fields
              labelKey="resetPassword.password"
              testId="reset-password"
              confirmationTestId="reset-password-confirmation"
            />
            <button matButton="filled" type="submit" [disabled]="pending()" data-testid="reset-submit">
              {{ 'resetPassword.submit' | transloco }}
            </button>
          </form>
        </mat-card-content>
      </mat-card>
    </div>
  `,
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPage {
  private readonly api = inject(SecurityApi);
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);

  readonly token = input.required<string>();

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', newPasswordValidators],
      confirmation: ['', Validators.required],
    },
    { validators: samePasswords },
  );
  protected readonly pending = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly tokenInvalid = signal(false);

  protected async submit(): Promise<void> {
    this.errorKey.set(null);
    this.tokenInvalid.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    try {
      const answer = await firstValueFrom(this.api.resetPassword(this.token(), this.form.controls.password.value));
      const outcome = await this.store.accept(answer);
      if (outcome.kind === 'mfa') {
        await this.router.navigate(['/sign-in'], { queryParams: { mfaToken: outcome.challenge.mfaToken } });
      } else {
        await this.router.navigateByUrl(this.store.twoFactorSetupRequired() ? twoFactorSetupUrl(this.router) : '/');
      }
    } catch (error) {
      if (apiErrorCode(error) === 'auth.reset_token_invalid') this.tokenInvalid.set(true);
      if (!applyFieldErrors(this.form, error)) this.errorKey.set(errorMessageKey(error));
    } finally {
      this.pending.set(false);
    }
  }
}
