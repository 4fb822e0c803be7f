import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AllianceStatus } from '@alliances/shared/contracts';

/** Where an alliance stands in its life: draft → chartering → active → closed. */
@Component({
  selector: 'all-alliance-status',
  imports: [TranslocoPipe],
  template: `<span class="chip" [class]="status()" data-testid="alliance-status">{{ 'alliances.status.' + status() | transloco }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 0.125rem 0.75rem;
      border-radius: 1rem;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .chip.chartering {
      background: #fff3cd;
      color: #5c3d00;
    }
    .chip.active {
      background: #e3f4e6;
      color: #14532d;
    }
    .chip.closed {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllianceStatusChip {
  readonly status = input.required<AllianceStatus>();
}
