import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore, SecurityApi, safeReturnUrl, twoFactorSetupUrl } from '@alliances/web/identity/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { ERRORS, isErrorCode, TOTP_DIGITS } from '@alliances/shared/contracts';
import { catchError, of } from 'rxjs';
import { normaliseCode, totpOrRecoveryCode } from '../shared/code-validators';

@Component({
  selector: 'all-sign-in-page',
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
  templateUrl: './sign-in-page.html',
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage implements OnInit {
  private readonly store = inject(AuthStore);
  private readonly securityApi = inject(SecurityApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  /** Query parameters: where to go afterwards, and an email to fill in (from an invitation). */
  readonly returnUrl = input<string>();
  readonly email = input<string>();
  /** Query parameters set by the single sign-on callback: a second step to take, or why it failed. */
  readonly mfaToken = input<string>();
  readonly ssoError = input<string>();

  protected readonly digits = TOTP_DIGITS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly mfaForm = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required]],
  });
  protected readonly pending = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  /** The challenge of the second step, once the password (or the identity provider) said yes. */
  protected readonly challenge = signal<string | null>(null);
  protected readonly useRecoveryCode = signal(false);

  private readonly mfaCode = viewChild<ElementRef<HTMLInputElement>>('mfaCode');

  /** The single sign-on button, when the platform has an identity provider. */
  protected readonly providers = rxResource({
    stream: () => this.securityApi.providers().pipe(catchError(() => of({ oidc: null }))),
  });
  protected readonly ssoHref = computed(() => {
    const oidc = this.providers.value()?.oidc;
    if (!oidc) return null;
    const returnUrl = safeReturnUrl(this.returnUrl());
    if (!returnUrl) return oidc.loginUrl;
    const separator = oidc.loginUrl.includes('?') ? '&' : '?';
    return `${oidc.loginUrl}${separator}returnUrl=${encodeURIComponent(returnUrl)}`;
  });

  ngOnInit(): void {
    const email = this.email();
    if (email) this.form.controls.email.setValue(email);
    const ssoError = this.ssoError();
    if (ssoError) this.errorKey.set(isErrorCode(ssoError) ? ERRORS[ssoError].key : 'errors.oidc.failed');
    const mfaToken = this.mfaToken();
    if (mfaToken) {
      this.openSecondStep(mfaToken);
      // The challenge is a bearer secret for five minutes: out of the address bar and the history.
      void this.router.navigate([], { queryParams: { mfaToken: null }, queryParamsHandling: 'merge', replaceUrl: true });
    }
  }

  protected async submit(): Promise<void> {
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    try {
      const outcome = await this.store.signIn(this.form.getRawValue());
      if (outcome.kind === 'mfa') {
        this.openSecondStep(outcome.challenge.mfaToken);
      } else {
        await this.goOn();
      }
    } catch (error) {
      this.errorKey.set(errorMessageKey(error));
    } finally {
      this.pending.set(false);
    }
  }

  protected async submitCode(): Promise<void> {
    this.errorKey.set(null);
    const mfaToken = this.challenge();
    if (this.mfaForm.invalid || !mfaToken) {
      this.mfaForm.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    try {
      await this.store.completeMfa({ mfaToken, code: normaliseCode(this.mfaForm.controls.code.value) });
      await this.goOn();
    } catch (error) {
      this.errorKey.set(errorMessageKey(error));
      this.mfaForm.controls.code.setValue('');
      this.focusCode();
    } finally {
      this.pending.set(false);
    }
  }

  protected toggleRecoveryCode(): void {
    this.useRecoveryCode.update((value) => !value);
    this.mfaForm.controls.code.setValue('');
    this.mfaForm.controls.code.setValidators([Validators.required, totpOrRecoveryCode(this.useRecoveryCode())]);
    this.mfaForm.controls.code.updateValueAndValidity();
    this.mfaForm.markAsUntouched();
    this.focusCode();
  }

  /** Back to the password: a challenge lasts five minutes. */
  protected restart(): void {
    this.challenge.set(null);
    this.errorKey.set(null);
    this.useRecoveryCode.set(false);
    this.mfaForm.reset();
  }

  private openSecondStep(mfaToken: string): void {
    this.challenge.set(mfaToken);
    this.mfaForm.controls.code.setValidators([Validators.required, totpOrRecoveryCode(false)]);
    this.mfaForm.controls.code.updateValueAndValidity();
    this.focusCode();
  }

  /** The step changed under the person's eyes: the keyboard follows it. */
  private focusCode(): void {
    afterNextRender(() => this.mfaCode()?.nativeElement.focus(), { injector: this.injector });
  }

  private async goOn(): Promise<void> {
    const target = safeReturnUrl(this.returnUrl()) ?? '/';
    // A restricted session goes to set up two-step sign-in first, wherever it was heading.
    await this.router.navigateByUrl(this.store.twoFactorSetupRequired() ? twoFactorSetupUrl(this.router, target) : target);
  }
}
