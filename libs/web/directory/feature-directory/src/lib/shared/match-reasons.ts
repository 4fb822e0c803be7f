import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DirectoryMatch } from '@alliances/shared/contracts';

/** Why two organisations complement each other: what each seeks that the other offers. */
@Component({
  selector: 'all-match-reasons',
  imports: [TranslocoPipe],
  template: `
    @let m = match();
    @for (reason of reasons; track reason.key) {
      @if (m[reason.key].length) {
        <p>
          {{ reason.label | transloco }}
          @for (need of m[reason.key]; track need; let last = $last) {
            <strong>{{ 'directory.needs.' + need | transloco }}</strong>{{ last ? '' : ', ' }}
          }
        </p>
      }
    }
  `,
  styles: `
    p {
      margin: 0.25rem 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatchReasons {
  readonly match = input.required<DirectoryMatch>();

  protected readonly reasons = [
    { key: 'theySeekYouOffer', label: 'directory.card.theySeekYouOffer' },
    { key: 'youSeekTheyOffer', label: 'directory.card.youSeekTheyOffer' },
  ] as const;
}
