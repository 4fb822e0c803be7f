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
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { applyFieldErrors } from '@alliances/web/core';
import { AllianceInvitationsApi } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import type { ExternalInvitation } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { allianceErrorKey } from '../shared/alliance-errors';

export interface InviteExternalDialogData {
  allianceId: string;
}

/** "Inviter une organisation absente de la plateforme": a mail leads it to sign up and apply. Closes with the invitation sent. */
@Component({
  selector: 'all-invite-external-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslocoPipe,
    Notice,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'alliances.invitations.dialog.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="send()">
      <mat-dialog-content>
        <p>{{ 'alliances.invitations.dialog.intro' | transloco }}</p>
        @if (error(); as key) {
          <all-notice kind="error" data-testid="external-invite-error">{{ key | transloco }}</all-notice>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'alliances.invitations.dialog.organisationName' | transloco }}</mat-label>
          <input matInput formControlName="organisationName" required maxlength="200" data-testid="external-invite-name" />
          @if (form.controls.organisationName.invalid) {
            <mat-error>{{ 'alliances.invitations.dialog.nameRequired' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'alliances.invitations.dialog.email' | transloco }}</mat-label>
          <input matInput type="email" formControlName="email" required autocomplete="off" data-testid="external-invite-email" />
          <mat-hint>{{ 'alliances.invitations.dialog.emailHint' | transloco }}</mat-hint>
          @if (form.controls.email.invalid) {
            <mat-error>{{ 'alliances.invitations.dialog.emailInvalid' | transloco }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="null">{{ 'common.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" [disabled]="sending()" data-testid="external-invite-send">
          {{ 'alliances.invitations.dialog.send' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      display: block;
      width: 100%;
      min-width: min(28rem, 70vw);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteExternalDialog {
  private readonly data = inject<InviteExternalDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(AllianceInvitationsApi);
  private readonly dialogRef = inject<MatDialogRef<InviteExternalDialog, ExternalInvitation | null>>(MatDialogRef);

  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    organisationName: ['', [Validators.required, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email]],
  });

  protected async send(): Promise<void> {
    this.error.set(null);
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.organisationName.trim()) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    try {
      const invitation = await firstValueFrom(
        this.api.invite(this.data.allianceId, { email: value.email.trim(), organisationName: value.organisationName.trim() }),
      );
      this.dialogRef.close(invitation);
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.error.set(allianceErrorKey(error));
    } finally {
      this.sending.set(false);
    }
  }
}
