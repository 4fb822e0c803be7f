import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, ControlContainer, ReactiveFormsModule, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { IdentityErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@alliances/shared/contracts';

/** The rules of registration, checked again by the API (which also refuses common passwords). */
export const newPasswordValidators: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
];

/** Group validator: the two password fields must agree (the error sits on `confirmation`). */
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

/** The message under a new password, in the order a person fixes them (the API's own refusals included). */
function passwordErrorKey(control: AbstractControl): string | null {
  if (control.hasError('required')) return 'validation.passwordRequired';
  if (control.hasError('minlength') || control.hasError(IdentityErrorCode.WeakPassword)) return 'validation.passwordTooShort';
  if (control.hasError('maxlength')) return 'validation.passwordTooLong';
  if (control.hasError(IdentityErrorCode.CommonPassword)) return 'validation.passwordTooCommon';
  return null;
}

function confirmationErrorKey(control: AbstractControl): string | null {
  if (control.hasError('required')) return 'validation.passwordRequired';
  if (control.hasError('mismatch')) return 'validation.passwordMismatch';
  return null;
}

/**
 * A new password (registration, reset, change) and, when `confirmationTestId` is given, its
 * confirmation: the fields join the form of the page (its `password` and `confirmation` controls), with
 * the same hint and messages everywhere.
 */
@Component({
  selector: 'all-new-password-fields',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, TranslocoPipe],
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ labelKey() | transloco }}</mat-label>
      <input matInput type="password" formControlName="password" autocomplete="new-password" [attr.data-testid]="testId()" />
      <mat-hint>{{ 'auth.passwordHint' | transloco: { min: minLength } }}</mat-hint>
      @if (passwordError(); as key) {
        <mat-error>{{ key | transloco: { min: minLength } }}</mat-error>
      }
    </mat-form-field>
    @if (confirmationTestId(); as confirmationId) {
      <mat-form-field appearance="outline">
        <mat-label>{{ 'resetPassword.confirmation' | transloco }}</mat-label>
        <input matInput type="password" formControlName="confirmation" autocomplete="new-password" [attr.data-testid]="confirmationId" />
        @if (confirmationError(); as key) {
          <mat-error>{{ key | transloco }}</mat-error>
        }
      </mat-form-field>
    }
  `,
  // The fields lay out as the form's own children.
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordFields implements OnInit {
  private readonly container = inject(ControlContainer);
  private readonly destroyRef = inject(DestroyRef);

  readonly labelKey = input('auth.password');
  readonly testId = input.required<string>();
  readonly confirmationTestId = input<string>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly passwordError = signal<string | null>(null);
  protected readonly confirmationError = signal<string | null>(null);

  ngOnInit(): void {
    // Errors also come from the API after a submit (applyFieldErrors): followed through the controls' events.
    this.follow('password', this.passwordError, passwordErrorKey);
    this.follow('confirmation', this.confirmationError, confirmationErrorKey);
  }

  private follow(name: string, target: ReturnType<typeof signal<string | null>>, keyOf: (control: AbstractControl) => string | null): void {
    const control = this.container.control?.get(name);
    if (!control) return;
    target.set(keyOf(control));
    control.events.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => target.set(keyOf(control)));
  }
}
