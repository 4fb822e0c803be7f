import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SecurityApi } from '@alliances/web/identity/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { firstValueFrom } from 'rxjs';

/** Asks for a reset link. The answer never tells whether the address has an account. */
@Component({
  selector: 'all-forgot-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslocoPipe,
    Notice,
  ],
  template: `
    <div class="auth-page">
      <h1>{{ 'forgotPassword.title' | transloco }}</h1>
      <mat-card appearance="outlined">
        <mat-card-content>
          <div aria-live="polite">
            @if (sent()) {
              <all-notice kind="success" tabindex="-1" #sentNotice data-testid="forgot-sent">{{
                'forgotPassword.sent' | transloco
              }}</all-notice>
            }
            @if (errorKey(); as key) {
              <all-notice kind="error" data-testid="forgot-error">{{ key | transloco }}</all-notice>
            }
          </div>
          @if (!sent()) {
            <form class="auth-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
              <p class="auth-text">{{ 'forgotPassword.text' | transloco }}</p>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'auth.email' | transloco }}</mat-label>
                <input matInput type="email" formControlName="email" autocomplete="email" data-testid="forgot-email" />
                @if (form.controls.email.hasError('required')) {
                  <mat-error>{{ 'validation.emailRequired' | transloco }}</mat-error>
                } @else if (form.controls.email.hasError('email')) {
                  <mat-error>{{ 'validation.emailInvalid' | transloco }}</mat-error>
                }
              </mat-form-field>
              <button matButton="filled" type="submit" [disabled]="pending()" data-testid="forgot-submit">
                {{ 'forgotPassword.submit' | transloco }}
              </button>
            </form>
          }
        </mat-card-content>
      </mat-card>
      <p class="auth-switch">
        <a routerLink="/sign-in">{{ 'forgotPassword.back' | transloco }}</a>
      </p>
    </div>
  `,
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage implements OnInit {
  private readonly api = inject(SecurityApi);
  private readonly injector = inject(Injector);
  private readonly sentNotice = viewChild('sentNotice', { read: ElementRef });

  /** Query parameter: the address typed on the sign-in page. */
  readonly email = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly pending = signal(false);
  protected readonly sent = signal(false);
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
    try {
      await firstValueFrom(this.api.forgotPassword(this.form.controls.email.value.trim()));
      this.sent.set(true);
      // The form is gone: the keyboard and screen reader land on what replaced it.
      afterNextRender(() => (this.sentNotice()?.nativeElement as HTMLElement | undefined)?.focus(), { injector: this.injector });
    } catch (error) {
      this.errorKey.set(errorMessageKey(error));
    } finally {
      this.pending.set(false);
    }
  }
}
