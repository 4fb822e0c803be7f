import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CharterDiff } from '@alliances/shared/contracts';

/** What changed between two versions, section by section; added and removed lines say so in words, not only in colour. */
@Component({
  selector: 'all-charter-diff-view',
  imports: [TranslocoPipe],
  template: `
    @for (section of diff().sections; track section.key) {
      <section class="section" [attr.data-testid]="'diff-' + section.key">
        <h3>{{ section.title }}</h3>
        @if (!section.changed) {
          <p class="unchanged">{{ 'charter.diff.unchanged' | transloco }}</p>
        } @else {
          <div class="lines">
            @for (part of section.parts; track $index) {
              @switch (part.kind) {
                @case ('added') {
                  <ins class="line added"
                    ><span class="marker">{{ 'charter.diff.added' | transloco }}</span> {{ part.text }}</ins
                  >
                }
                @case ('removed') {
                  <del class="line removed"
                    ><span class="marker">{{ 'charter.diff.removed' | transloco }}</span> {{ part.text }}</del
                  >
                }
                @default {
                  <span class="line same">{{ part.text }}</span>
                }
              }
            }
          </div>
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h3 {
      margin: 1rem 0 0.25rem;
      font: var(--mat-sys-title-medium);
    }
    .unchanged {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
    .lines {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .line {
      display: block;
      padding: 0.15rem 0.5rem;
      white-space: pre-wrap;
      text-decoration: none;
    }
    .added {
      background: #e3f4e6;
      color: #14532d;
      border-left: 4px solid #15803d;
    }
    .removed {
      background: #fde8e8;
      color: #7f1d1d;
      border-left: 4px solid #b91c1c;
      text-decoration: line-through;
    }
    .marker {
      font-weight: 700;
      text-decoration: none;
      display: inline-block;
      margin-right: 0.25rem;
    }
    .marker::after {
      content: ' :';
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CharterDiffView {
  readonly diff = input.required<CharterDiff>();
}
