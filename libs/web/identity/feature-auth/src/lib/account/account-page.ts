import { ChangeDetectionStrategy, Component, DOCUMENT, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountApi, AuthStore } from '@alliances/web/identity/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { LOCALES, type Locale } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { DISPLAY_NAME_MAX_LENGTH } from './account-rules';
import { DeleteAccountDialog } from './delete-account-dialog';

/** "Mon compte": how the person appears and reads the product, a copy of their data, erasure. */
@Component({
  selector: 'all-account-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoPipe,
    Notice,
  ],
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage {
  private readonly store = inject(AuthStore);
  private readonly accountApi = inject(AccountApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  protected readonly user = this.store.user;
  protected readonly locales = LOCALES;
  protected readonly displayNameMaxLength = DISPLAY_NAME_MAX_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: [this.user()?.displayName ?? '', [Validators.required, Validators.maxLength(DISPLAY_NAME_MAX_LENGTH)]],
    locale: [this.user()?.locale ?? ('fr' as Locale), Validators.required],
  });

  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly saveErrorKey = signal<string | null>(null);
  protected readonly exporting = signal(false);
  protected readonly exportErrorKey = signal<string | null>(null);

  protected async save(): Promise<void> {
    this.saved.set(false);
    this.saveErrorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    const { displayName, locale } = this.form.getRawValue();
    try {
      await this.store.updateProfile({ displayName: displayName.trim(), locale });
      this.form.markAsPristine();
      this.saved.set(true);
    } catch (error) {
      this.saveErrorKey.set(errorMessageKey(error));
    } finally {
      this.saving.set(false);
    }
  }

  /** RGPD right of access: the JSON the API prepares, saved as a file. */
  protected async exportData(): Promise<void> {
    this.exportErrorKey.set(null);
    this.exporting.set(true);
    try {
      const blob = await firstValueFrom(this.accountApi.exportData());
      const url = URL.createObjectURL(blob);
      const link = this.document.createElement('a');
      link.href = url;
      link.download = 'alliances-my-data.json';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.exportErrorKey.set(errorMessageKey(error));
    } finally {
      this.exporting.set(false);
    }
  }

  protected async deleteAccount(): Promise<void> {
    const deleted = await firstValueFrom(
      this.dialog
        .open<DeleteAccountDialog, void, boolean>(DeleteAccountDialog, { autoFocus: 'first-tabbable', restoreFocus: true })
        .afterClosed(),
    );
    if (deleted) {
      this.store.forget();
      await this.router.navigateByUrl('/');
    }
  }
}
