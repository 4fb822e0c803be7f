import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountApi, AuthStore, SecurityApi } from '@alliances/web/identity/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { LOCALES, type AccountSecurity, type Locale } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { DISPLAY_NAME_MAX_LENGTH } from './account-rules';
import { CalendarSection } from './calendar-section';
import { DeleteAccountDialog, type DeleteAccountDialogData } from './delete-account-dialog';
import { EmailSection } from './email-section';
import { PasswordSection } from './password-section';
import { SessionsSection } from './sessions-section';
import { TwoFactorSection } from './two-factor-section';

/**
 * "Mon compte": how the person appears and reads the product, how the account is protected (email,
 * password, two-step sign-in, signed-in devices, linked identities), a copy of their data, erasure.
 */
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
    LocalDatePipe,
    Notice,
    EmailSection,
    PasswordSection,
    TwoFactorSection,
    SessionsSection,
    RouterLink,
    CalendarSection,
  ],
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage implements OnInit {
  private readonly store = inject(AuthStore);
  private readonly securityApi = inject(SecurityApi);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Query parameters set by the guard of a restricted session: set up two-step sign-in, then go back there. */
  readonly twoFactorSetup = input<string>();
  readonly returnUrl = input<string>();

  protected readonly security = rxResource({ stream: () => this.securityApi.security() });
  /**
   * Until two-step sign-in is set up, the API answers nothing else: the page shows that section only.
   * Read once: the flag clears as soon as it is set up, while the recovery codes must stay on screen.
   */
  protected readonly restricted = signal(this.store.twoFactorSetupRequired()).asReadonly();
  /**
   * What the two-step section needs, also when the security summary cannot be read in a restricted
   * session: the setup itself only needs to know that it is off and required.
   */
  protected readonly twoFactorSecurity = computed<AccountSecurity | null>(() => {
    if (this.security.hasValue()) return this.security.value();
    if (!this.restricted() || !this.security.error()) return null;
    return {
      email: this.user()?.email ?? '',
      pendingEmail: null,
      hasPassword: true,
      twoFactor: {
        enabled: false,
        enabledAt: null,
        recoveryCodesLeft: 0,
        required: true,
        requiredBy: { platformAdmin: this.store.isPlatformAdmin(), organisations: [] },
      },
      linkedIdentities: [],
    };
  });
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

  ngOnInit(): void {
    if (this.twoFactorSetup() || this.restricted()) {
      afterNextRender(
        () => {
          const heading = this.host.nativeElement.querySelector<HTMLElement>('#account-two-step-title');
          heading?.scrollIntoView({ block: 'start' });
          heading?.focus();
        },
        { injector: this.injector },
      );
    }
  }

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
        .open<DeleteAccountDialog, DeleteAccountDialogData, boolean>(DeleteAccountDialog, {
          autoFocus: 'first-tabbable',
          restoreFocus: true,
          data: { hasPassword: this.security.value()?.hasPassword ?? true },
        })
        .afterClosed(),
    );
    if (deleted) {
      this.store.forget();
      await this.router.navigateByUrl('/');
    }
  }

  protected errorKeyOf(error: unknown): string {
    return errorMessageKey(error);
  }
}
