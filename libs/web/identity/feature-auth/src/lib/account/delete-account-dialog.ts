import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountApi } from '@alliances/web/identity/data-access';
import { apiErrorCode, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { IdentityErrorCode } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** What the account page knows: an account created by single sign-on may have no password. */
export interface DeleteAccountDialogData {
  hasPassword: boolean;
}

/**
 * Erasure is final: the password confirms it is really the person, or the typed email address for an
 * account without a password. Closes with true once done.
 */
@Component({
  selector: 'all-delete-account-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslocoPipe,
    Notice,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'account.delete.dialogTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()">
      <mat-dialog-content>
        @if (errorKey(); as key) {
          <all-notice kind="error" data-testid="delete-account-error">{{ key | transloco }}</all-notice>
        }
        @if (hasPassword) {
          <p>{{ 'account.delete.dialogText' | transloco }}</p>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'auth.password' | transloco }}</mat-label>
            <input matInput type="password" formControlName="secret" autocomplete="current-password" data-testid="delete-password" />
            @if (form.controls.secret.hasError('required')) {
              <mat-error>{{ 'validation.passwordRequired' | transloco }}</mat-error>
            } @else if (form.controls.secret.hasError('wrong')) {
              <mat-error>{{ 'account.delete.wrongPassword' | transloco }}</mat-error>
            }
          </mat-form-field>
        } @else {
          <p>{{ 'account.delete.dialogTextEmail' | transloco }}</p>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'account.delete.email' | transloco }}</mat-label>
            <input matInput type="email" formControlName="secret" autocomplete="email" data-testid="delete-confirm-email" />
            @if (form.controls.secret.hasError('required')) {
              <mat-error>{{ 'account.delete.emailRequired' | transloco }}</mat-error>
            } @else if (form.controls.secret.hasError('wrong')) {
              <mat-error>{{ 'account.delete.wrongEmail' | transloco }}</mat-error>
            }
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="false">{{ 'common.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" class="destructive" [disabled]="pending()" data-testid="delete-confirm">
          {{ 'account.delete.confirm' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    p {
      margin: 0 0 1rem;
    }
    mat-form-field {
      width: 100%;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeleteAccountDialog {
  private readonly accountApi = inject(AccountApi);
  private readonly dialogRef = inject<MatDialogRef<DeleteAccountDialog, boolean>>(MatDialogRef);

  protected readonly hasPassword = inject<DeleteAccountDialogData | null>(MAT_DIALOG_DATA, { optional: true })?.hasPassword ?? true;
  protected readonly form = inject(NonNullableFormBuilder).group({ secret: ['', Validators.required] });
  protected readonly pending = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected async confirm(): Promise<void> {
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    try {
      const secret = this.form.getRawValue().secret;
      await firstValueFrom(this.accountApi.deleteAccount(this.hasPassword ? { password: secret } : { confirmEmail: secret }));
      this.dialogRef.close(true);
    } catch (error) {
      if (apiErrorCode(error) === IdentityErrorCode.InvalidCredentials) {
        this.form.controls.secret.setErrors({ wrong: true });
      } else {
        this.errorKey.set(errorMessageKey(error));
      }
    } finally {
      this.pending.set(false);
    }
  }
}
