import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short status word on a tinted pill; the word carries the meaning, the colour (AA contrast) only repeats it. */
@Component({
  selector: 'all-funding-badge',
  template: `<ng-content />`,
  styles: `
    :host {
      display: inline-block;
      padding: 0.05rem 0.55rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    :host(.neutral) {
      background: #f1f5f9;
      color: #334155;
    }
    :host(.info) {
      background: #dbeafe;
      color: #1e3a8a;
    }
    :host(.success) {
      background: #dcfce7;
      color: #14532d;
    }
    :host(.warning) {
      background: #fef3c7;
      color: #713f12;
    }
    :host(.danger) {
      background: #b91c1c;
      color: #fff;
      border-color: #b91c1c;
    }
  `,
  host: { '[class]': 'tone()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FundingBadge {
  readonly tone = input<BadgeTone>('neutral');
}
