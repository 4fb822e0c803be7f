import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SDG_GOALS, sdgGoalOf, sdgName } from '@alliances/shared/contracts';

/** The official number and name of each UN Sustainable Development Goal or target, in the goal's colour. */
@Component({
  selector: 'all-sdg-chips',
  imports: [TranslocoPipe],
  template: `
    @if (codes().length) {
      <ul class="sdgs" [attr.aria-label]="'library.sdg.label' | transloco" data-testid="sdg-chips">
        @for (code of codes(); track code) {
          <li class="sdg" [style.background]="colour(code)">
            <abbr [attr.title]="'library.sdg.long' | transloco">{{ 'library.sdg.short' | transloco }}</abbr> {{ code }} — {{ name(code) }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .sdgs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .sdg {
      padding: 0.125rem 0.5rem;
      border-radius: 0.25rem;
      color: #fff;
      font: var(--mat-sys-label-medium);
    }
    abbr {
      text-decoration: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SdgChips {
  readonly codes = input.required<readonly string[]>();
  private readonly lang = toSignal(inject(TranslocoService).langChanges$, { initialValue: 'fr' });

  protected name(code: string): string {
    return sdgName(code, this.lang() === 'en' ? 'en' : 'fr');
  }

  protected colour(code: string): string {
    return SDG_GOALS.find((g) => g.code === sdgGoalOf(code))?.colour ?? '#333333';
  }
}
