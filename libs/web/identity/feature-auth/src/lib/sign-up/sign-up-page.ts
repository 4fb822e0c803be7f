import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService, apiErrorCode, applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { AllianceInvitationsApi, AuthStore, safeReturnUrl } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import { IdentityErrorCode } from '@alliances/shared/contracts';
import { catchError, of, tap } from 'rxjs';
import { DISPLAY_NAME_MAX_LENGTH } from '../account/account-rules';
import { NewPasswordFields, newPasswordValidators } from '../shared/new-password-fields';

@Component({
  selector: 'all-sign-up-page',
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
    NewPasswordFields,
  ],
  templateUrl: './sign-up-page.html',
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignUpPage implements OnInit {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly allianceInvitations = inject(AllianceInvitationsApi);

  /** Query parameters: where to go afterwards, and the invited email address. */
  readonly returnUrl = input<string>();
  readonly email = input<string>();
  /** Query parameter from an alliance's invitation mail to an organisation not yet on the platform. */
  readonly allianceInvitation = input<string>();

  protected readonly displayNameMaxLength = DISPLAY_NAME_MAX_LENGTH;
  protected readonly emailTaken = IdentityErrorCode.EmailTaken;

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(DISPLAY_NAME_MAX_LENGTH)]],
    email: ['', [Validators.required, Validators.email]],
    password: ['', newPasswordValidators],
  });
  /** Who invites whom, shown above the form; its e-mail pre-fills the field. An unknown token just signs up. */
  protected readonly invitation = rxResource({
    params: () => this.allianceInvitation(),
    stream: ({ params }) =>
      this.allianceInvitations.preview(params).pipe(
        tap((preview) => {
          if (preview.status === 'valid' && !this.form.controls.email.value) this.form.controls.email.setValue(preview.email);
        }),
        catchError(() => of(null)),
      ),
  });
  protected readonly pending = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  ngOnInit(): void {
    const email = this.email();
    if (email) this.form.controls.email.setValue(email);
  }

  protected async submit(): Promise<void> {
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    const { displayName, email, password } = this.form.getRawValue();
    try {
      await this.store.register({ displayName: displayName.trim(), email, password, locale: this.language.lang() });
      await this.router.navigateByUrl(this.nextUrl());
    } catch (error) {
      if (apiErrorCode(error) === IdentityErrorCode.EmailTaken) {
        this.form.controls.email.setErrors({ [IdentityErrorCode.EmailTaken]: true });
        this.form.controls.email.markAsTouched();
      } else if (!applyFieldErrors(this.form, error)) {
        this.errorKey.set(errorMessageKey(error));
      }
    } finally {
      this.pending.set(false);
    }
  }

  /** An invited organisation goes on to its application, which carries the invitation. */
  private nextUrl(): string {
    const token = this.allianceInvitation();
    if (token && this.invitation.value()?.status === 'valid')
      return this.router.serializeUrl(this.router.createUrlTree(['/organisations/apply'], { queryParams: { allianceInvitation: token } }));
    return safeReturnUrl(this.returnUrl()) ?? '/organisations';
  }
}
