import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatChip, MatChipRemove, MatChipSet } from '@angular/material/chips';
import { TranslocoPipe } from '@jsverse/transloco';
import { GovernanceApi } from '@alliances/web/governance/data-access';

/** "Réunion : <title> ✕": the register or the actions filtered on one meeting; the cross clears the filter. */
@Component({
  selector: 'all-meeting-filter-chip',
  imports: [MatChipSet, MatChip, MatChipRemove, TranslocoPipe],
  template: `
    <mat-chip-set [attr.aria-label]="'governance.meetingFilter.label' | transloco">
      <mat-chip data-testid="meeting-filter" (removed)="cleared.emit()">
        {{ 'governance.meetingFilter.chip' | transloco: { title: meeting.value()?.title ?? '…' } }}
        <button
          matChipRemove
          type="button"
          [attr.aria-label]="'governance.meetingFilter.clear' | transloco"
          data-testid="meeting-filter-clear"
        >
          <span aria-hidden="true">✕</span>
        </button>
      </mat-chip>
    </mat-chip-set>
  `,
  styles: `
    :host {
      display: block;
      margin: 0 0 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingFilterChip {
  private readonly api = inject(GovernanceApi);

  readonly meetingId = input.required<string>();
  readonly cleared = output<void>();

  protected readonly meeting = rxResource({ params: () => this.meetingId(), stream: ({ params }) => this.api.meeting(params) });
}
