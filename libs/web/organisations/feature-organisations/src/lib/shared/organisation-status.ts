import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OrganisationStatus } from '@alliances/shared/contracts';

/** Where an organisation's application stands, as a coloured chip that also says it in words. */
@Component({
  selector: 'all-organisation-status',
  imports: [TranslocoPipe],
  template: `{{ 'organisations.status.' + status() | transloco }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 0.125rem 0.75rem;
      border: 1px solid currentColor;
      border-radius: 1rem;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    :host(.pending) {
      background: #fff4d6;
      color: #6b4500;
    }
    :host(.approved) {
      background: #e3f4e6;
      color: #14532d;
    }
    :host(.rejected) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  host: { '[class]': 'status()', 'data-testid': 'organisation-status' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationStatusChip {
  readonly status = input.required<OrganisationStatus>();
}
