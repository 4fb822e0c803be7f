import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type NoticeKind = 'error' | 'success' | 'info';

/**
 * A message about what just happened, announced by screen readers: errors interrupt (`alert`),
 * the rest waits for a pause (`status`). Rendered only while there is something to say.
 */
@Component({
  selector: 'all-notice',
  template: `<ng-content />`,
  styles: `
    :host {
      display: block;
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid currentColor;
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-body-large);
    }
    :host(.error) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.success) {
      background: #e3f4e6;
      color: #14532d;
    }
    :host(.info) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
  host: {
    '[class]': 'kind()',
    '[attr.role]': "kind() === 'error' ? 'alert' : 'status'",
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Notice {
  readonly kind = input<NoticeKind>('info');
}
