import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { SecurityApi } from '@alliances/web/identity/data-access';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import type { AccountSecurity } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** Changing the address: a link to the new one confirms it; until then the old one stays. */
@Component({
  selector: 'all-email-section',
  imports: [ReactiveFormsModule, MatButton, MatCard, MatCardContent, MatFormField, MatLabel, MatError, MatInput, TranslocoPipe, Notice],
  template: `
    <section aria-labelledby="account-email-title">
      <h2 id="account-email-title">{{ 'account.email.title' | transloco }}</h2>
      @if (security().pendingEmail; as pendingEmail) {
        <all-notice kind="info" data-testid="account-pending-email">{{
          'account.email.pending' | transloco: { email: pendingEmail }
        }}</all-notice>
      }
      <div aria-live="polite">
        @if (errorKey(); as key) {
          <all-notice kind="error" data-testid="email-change-error">{{ key | transloco }}</all-notice>
        }
        @if (sent()) {
          <all-notice kind="success" data-testid="email-change-sent">{{ 'account.email.sent' | transloco }}</all-notice>
        }
      </div>
      <mat-card appearance="outlined"
        ><mat-card-content
          ><form class="account-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'account.email.newEmail' | transloco }}</mat-label>
              <input matInput type="email" formControlName="newEmail" autocomplete="email" data-testid="email-change-new" />
              @if (form.controls.newEmail.hasError('required')) {
                <mat-error>{{ 'validation.emailRequired' | transloco }}</mat-error>
              } @else if (form.controls.newEmail.hasError('email') || form.controls.newEmail.hasError('isEmail')) {
                <mat-error>{{ 'validation.emailInvalid' | transloco }}</mat-error>
              }
            </mat-form-field>
            @if (security().hasPassword) {
              <mat-form-field appearance="outline">
                <mat-label>{{ 'account.email.password' | transloco }}</mat-label>
                <input
                  matInput
                  type="password"
                  formControlName="password"
                  autocomplete="current-password"
                  data-testid="email-change-password"
                />
                @if (form.controls.password.hasError('required')) {
                  <mat-error>{{ 'validation.passwordRequired' | transloco }}</mat-error>
                }
              </mat-form-field>
            }
            <button matButton="filled" type="submit" [disabled]="pending()" data-testid="email-change-submit">
              {{ 'account.email.submit' | transloco }}
            </button>
          </form></mat-card-content
        ></mat-card
      >
    </section>
  `,
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailSection {
  private readonly api = inject(SecurityApi);

  readonly security = input.required<AccountSecurity>();
  readonly changed = output<void>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    newEmail: ['', [Validators.required, Validators.email]],
    password: [''],
  });
  protected readonly pending = signal(false);
  protected readonly sent = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected async submit(): Promise<void> {
    this.errorKey.set(null);
    this.sent.set(false);
    const hasPassword = this.security().hasPassword;
    if (hasPassword && !this.form.controls.password.value) {
      this.form.controls.password.setErrors({ required: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    const { newEmail, password } = this.form.getRawValue();
    try {
      await firstValueFrom(this.api.changeEmail({ newEmail: newEmail.trim(), ...(hasPassword ? { password } : {}) }));
      this.form.reset();
      this.sent.set(true);
      this.changed.emit();
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.errorKey.set(errorMessageKey(error));
    } finally {
      this.pending.set(false);
    }
  }
}
