import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { IndicatorStatus } from '@alliances/shared/contracts';

/** A shape per status, so the chip never relies on colour alone (the text says it too). */
const SYMBOL: Record<IndicatorStatus, string> = { achieved: '✔', on_track: '↗', at_risk: '!', off_track: '✖', no_data: '○' };

/** The status of an objective or indicator: text, symbol and an AA-contrast colour. */
@Component({
  selector: 'all-status-chip',
  imports: [TranslocoPipe],
  template: `<span aria-hidden="true" class="symbol">{{ symbol[status()] }}</span
    >{{ 'objectives.status.' + status() | transloco }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      padding: 0.15rem 0.6rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    .symbol {
      font-weight: 700;
    }
    :host(.achieved) {
      background: #dbeafe;
      color: #1e3a8a;
    }
    :host(.on_track) {
      background: #dcfce7;
      color: #14532d;
    }
    :host(.at_risk) {
      background: #fef3c7;
      color: #713f12;
    }
    :host(.off_track) {
      background: #fee2e2;
      color: #7f1d1d;
    }
    :host(.no_data) {
      background: #f1f5f9;
      color: #334155;
    }
  `,
  host: { '[class]': 'status()', 'data-testid': 'status-chip', '[attr.data-status]': 'status()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChip {
  readonly status = input.required<IndicatorStatus>();
  protected readonly symbol = SYMBOL;
}
