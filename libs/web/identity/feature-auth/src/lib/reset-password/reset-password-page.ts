import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore, SecurityApi, twoFactorSetupUrl } from '@alliances/web/identity/data-access';
import { apiErrorCode, applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { IdentityErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** The two password fields must agree. */
export function samePasswords(group: AbstractControl): ValidationErrors | null {
  const password = group.get('password')?.value;
  const confirmation = group.get('confirmation');
  if (!confirmation) return null;
  const mismatch = !!confirmation.value && password !== confirmation.value;
  if (mismatch !== confirmation.hasError('mismatch')) {
    const others = { ...confirmation.errors };
    delete others['mismatch'];
    confirmation.setErrors(mismatch ? { ...others, mismatch: true } : Object.keys(others).length ? others : null);
  }
  return null;
}

/**
 * The link of the reset mail: a new password, then the person is signed in (or asked for the second
 * step when two-step sign-in is on: the sign-in page takes over with the challenge).
 */
@Component({
  selector: 'all-reset-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslocoPipe,
    Notice,
  ],
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
            <mat-form-field appearance="outline">
              <mat-label>{{ 'resetPassword.password' | transloco }}</mat-label>
              <input matInput type="password" formControlName="password" autocomplete="new-password" data-testid="reset-password" />
              <mat-hint>{{ 'auth.passwordHint' | transloco: { min: passwordMinLength } }}</mat-hint>
              @if (form.controls.password.hasError('required')) {
                <mat-error>{{ 'validation.passwordRequired' | transloco }}</mat-error>
              } @else if (form.controls.password.hasError('minlength') || form.controls.password.hasError(weakPassword)) {
                <mat-error>{{ 'validation.passwordTooShort' | transloco: { min: passwordMinLength } }}</mat-error>
              } @else if (form.controls.password.hasError('maxlength')) {
                <mat-error>{{ 'validation.passwordTooLong' | transloco }}</mat-error>
              } @else if (form.controls.password.hasError(commonPassword)) {
                <mat-error>{{ 'validation.passwordTooCommon' | transloco }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'resetPassword.confirmation' | transloco }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="confirmation"
                autocomplete="new-password"
                data-testid="reset-password-confirmation"
              />
              @if (form.controls.confirmation.hasError('required')) {
                <mat-error>{{ 'validation.passwordRequired' | transloco }}</mat-error>
              } @else if (form.controls.confirmation.hasError('mismatch')) {
                <mat-error>{{ 'validation.passwordMismatch' | transloco }}</mat-error>
              }
            </mat-form-field>
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

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly weakPassword = IdentityErrorCode.WeakPassword;
  protected readonly commonPassword = IdentityErrorCode.CommonPassword;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
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
