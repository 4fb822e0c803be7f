import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { SecurityApi } from '@alliances/web/identity/data-access';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { firstValueFrom } from 'rxjs';
import { NewPasswordFields, newPasswordValidators, samePasswords } from '../shared/new-password-fields';

/** A new password; the other devices are signed out by the API. */
@Component({
  selector: 'all-password-section',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    NewPasswordFields,
    TranslocoPipe,
    Notice,
  ],
  template: `
    <section aria-labelledby="account-password-title">
      <h2 id="account-password-title">{{ 'account.password.title' | transloco }}</h2>
      <div aria-live="polite">
        @if (errorKey(); as key) {
          <all-notice kind="error" data-testid="password-change-error">{{ key | transloco }}</all-notice>
        }
        @if (changed()) {
          <all-notice kind="success" data-testid="password-changed">{{ 'account.password.changed' | transloco }}</all-notice>
        }
      </div>
      <mat-card appearance="outlined"
        ><mat-card-content
          ><form class="account-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'account.password.current' | transloco }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="currentPassword"
                autocomplete="current-password"
                data-testid="password-current"
              />
              @if (form.controls.currentPassword.hasError('required')) {
                <mat-error>{{ 'validation.passwordRequired' | transloco }}</mat-error>
              }
            </mat-form-field>
            <all-new-password-fields labelKey="account.password.new" testId="password-new" confirmationTestId="password-confirmation" />
            <button matButton="filled" type="submit" [disabled]="pending()" data-testid="password-change-submit">
              {{ 'account.password.submit' | transloco }}
            </button>
          </form></mat-card-content
        ></mat-card
      >
    </section>
  `,
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordSection {
  private readonly api = inject(SecurityApi);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      password: ['', newPasswordValidators],
      confirmation: ['', Validators.required],
    },
    { validators: samePasswords },
  );
  protected readonly pending = signal(false);
  protected readonly changed = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected async submit(): Promise<void> {
    this.errorKey.set(null);
    this.changed.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    const { currentPassword, password } = this.form.getRawValue();
    try {
      await firstValueFrom(this.api.changePassword({ currentPassword, newPassword: password }));
      this.form.reset();
      this.changed.set(true);
    } catch (error) {
      if (!applyFieldErrors(this.form, error, { newPassword: 'password' })) this.errorKey.set(errorMessageKey(error));
    } finally {
      this.pending.set(false);
    }
  }
}
