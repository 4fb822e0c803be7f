import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatSlideToggle, MatSlideToggleChange } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import { SecurityApi } from '@alliances/web/identity/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { firstValueFrom } from 'rxjs';

/** The organisation's rule: its admins and signatories must use two-step sign-in (org admins decide). */
@Component({
  selector: 'all-two-factor-rule',
  imports: [MatSlideToggle, TranslocoPipe, Notice],
  template: `
    <section aria-labelledby="two-factor-rule-title">
      <h2 id="two-factor-rule-title">{{ 'organisations.detail.twoFactor.title' | transloco }}</h2>
      <p id="two-factor-rule-text">{{ 'organisations.detail.twoFactor.text' | transloco }}</p>
      <mat-slide-toggle
        [checked]="required()"
        [disabled]="pending()"
        (change)="toggle($event)"
        aria-describedby="two-factor-rule-text"
        data-testid="org-require-2fa"
        >{{ 'organisations.detail.twoFactor.label' | transloco }}</mat-slide-toggle
      >
      <div aria-live="polite">
        @if (errorKey(); as key) {
          <all-notice kind="error" data-testid="org-require-2fa-error">{{ key | transloco }}</all-notice>
        }
        @if (messageKey(); as key) {
          <all-notice kind="success" data-testid="org-require-2fa-saved">{{ key | transloco }}</all-notice>
        }
      </div>
    </section>
  `,
  styles: `
    mat-slide-toggle {
      display: block;
      margin-bottom: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorRule {
  private readonly api = inject(SecurityApi);

  readonly organisationId = input.required<string>();
  readonly requireTwoFactor = input(false);

  protected readonly required = signal(false);
  protected readonly pending = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly messageKey = signal<string | null>(null);

  constructor() {
    effect(() => this.required.set(this.requireTwoFactor()));
  }

  protected async toggle(change: MatSlideToggleChange): Promise<void> {
    this.errorKey.set(null);
    this.messageKey.set(null);
    this.pending.set(true);
    try {
      await firstValueFrom(this.api.setOrganisationTwoFactorRule(this.organisationId(), { requireTwoFactor: change.checked }));
      this.required.set(change.checked);
      this.messageKey.set(change.checked ? 'organisations.detail.twoFactor.on' : 'organisations.detail.twoFactor.off');
    } catch (error) {
      change.source.checked = this.required();
      this.errorKey.set(errorMessageKey(error));
    } finally {
      this.pending.set(false);
    }
  }
}
