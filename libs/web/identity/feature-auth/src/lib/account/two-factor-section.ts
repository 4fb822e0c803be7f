import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore, SecurityApi, safeReturnUrl } from '@alliances/web/identity/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { TOTP_DIGITS, type AccountSecurity, type TotpSetupResponse } from '@alliances/shared/contracts';
import { toDataURL } from 'qrcode';
import { firstValueFrom } from 'rxjs';
import { normaliseCode, totpOrRecoveryCode } from '../shared/code-validators';

type Step = 'idle' | 'setup' | 'codes';

/**
 * Two-step sign-in with an authenticator app: turning it on (QR code or the secret typed by hand,
 * then a first code), the recovery codes shown once, new codes, turning it off.
 */
@Component({
  selector: 'all-two-factor-section',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
  ],
  templateUrl: './two-factor-section.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorSection {
  private readonly api = inject(SecurityApi);
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly security = input.required<AccountSecurity>();
  /** The session is restricted until this is done; where to go afterwards. */
  readonly setupRequired = input(false);
  readonly returnUrl = input<string>();
  readonly changed = output<void>();

  protected readonly digits = TOTP_DIGITS;
  protected readonly step = signal<Step>('idle');
  protected readonly setup = signal<TotpSetupResponse | null>(null);
  protected readonly qrCode = signal<string | null>(null);
  protected readonly recoveryCodes = signal<string[]>([]);
  protected readonly pending = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly messageKey = signal<string | null>(null);
  protected readonly copied = signal(false);
  /** Set once a restricted session became a full one: the person may go on. */
  protected readonly continueUrl = signal<string | null>(null);

  protected readonly confirmForm = this.fb.group({ code: ['', [Validators.required, totpOrRecoveryCode(false)]] });
  protected readonly manageForm = this.fb.group({ code: ['', [Validators.required, totpOrRecoveryCode(false)]] });

  private readonly setupCode = viewChild<ElementRef<HTMLInputElement>>('setupCode');
  private readonly codesHeading = viewChild<ElementRef<HTMLElement>>('codesHeading');
  private readonly statusHeading = viewChild<ElementRef<HTMLElement>>('statusHeading');

  protected async start(): Promise<void> {
    await this.run(async () => {
      const setup = await firstValueFrom(this.api.startTotp());
      this.setup.set(setup);
      this.qrCode.set(await toDataURL(setup.otpauthUrl, { margin: 1, width: 200, errorCorrectionLevel: 'M' }));
      this.confirmForm.reset();
      this.step.set('setup');
      this.focus(this.setupCode);
    });
  }

  protected cancel(): void {
    this.step.set('idle');
    this.setup.set(null);
    this.qrCode.set(null);
    this.errorKey.set(null);
    this.focus(this.statusHeading);
  }

  protected async confirm(): Promise<void> {
    if (this.confirmForm.invalid) {
      this.confirmForm.markAllAsTouched();
      return;
    }
    await this.run(async () => {
      const { recoveryCodes } = await firstValueFrom(this.api.confirmTotp(normaliseCode(this.confirmForm.controls.code.value)));
      this.showCodes(recoveryCodes);
      this.setup.set(null);
      this.qrCode.set(null);
      this.messageKey.set('account.twoFactor.enabled');
      if (this.setupRequired() || this.store.twoFactorSetupRequired()) {
        // A fresh access token without the restriction.
        await this.store.refresh();
        await this.store.reloadMe();
        this.continueUrl.set(safeReturnUrl(this.returnUrl()) ?? '/');
      }
      this.changed.emit();
    }, this.confirmForm);
  }

  protected async regenerate(): Promise<void> {
    if (this.manageForm.invalid) {
      this.manageForm.markAllAsTouched();
      return;
    }
    await this.run(async () => {
      const { recoveryCodes } = await firstValueFrom(this.api.regenerateRecoveryCodes(normaliseCode(this.manageForm.controls.code.value)));
      this.manageForm.reset();
      this.messageKey.set('account.twoFactor.regenerated');
      this.showCodes(recoveryCodes);
      this.changed.emit();
    }, this.manageForm);
  }

  protected async disable(): Promise<void> {
    if (this.manageForm.invalid) {
      this.manageForm.markAllAsTouched();
      return;
    }
    await this.run(async () => {
      await firstValueFrom(this.api.disableTotp(normaliseCode(this.manageForm.controls.code.value)));
      this.manageForm.reset();
      this.messageKey.set('account.twoFactor.disabled');
      this.changed.emit();
      this.focus(this.statusHeading);
    }, this.manageForm);
  }

  protected doneWithCodes(): void {
    this.recoveryCodes.set([]);
    this.step.set('idle');
    this.focus(this.statusHeading);
  }

  protected async copyCodes(): Promise<void> {
    await this.document.defaultView?.navigator.clipboard?.writeText(this.recoveryCodes().join('\n')).catch(() => undefined);
    this.copied.set(true);
  }

  protected downloadCodes(): void {
    const blob = new Blob([this.recoveryCodes().join('\n') + '\n'], { type: 'text/plain' });
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = 'alliances-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  protected async goOn(): Promise<void> {
    await this.router.navigateByUrl(this.continueUrl() ?? '/');
  }

  private showCodes(codes: string[]): void {
    this.recoveryCodes.set(codes);
    this.copied.set(false);
    this.step.set('codes');
    this.focus(this.codesHeading);
  }

  private async run(task: () => Promise<void>, form?: { controls: { code: { setValue(v: string): void } } }): Promise<void> {
    this.errorKey.set(null);
    this.messageKey.set(null);
    this.pending.set(true);
    try {
      await task();
    } catch (error) {
      this.errorKey.set(errorMessageKey(error));
      form?.controls.code.setValue('');
    } finally {
      this.pending.set(false);
    }
  }

  /** After a step change, the keyboard and the screen reader follow the new content. */
  private focus(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }
}
