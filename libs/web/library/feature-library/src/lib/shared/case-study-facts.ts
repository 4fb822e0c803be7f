import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { DOMAINS } from '@alliances/shared/contracts';

const KNOWN_DOMAINS: ReadonlySet<string> = new Set(DOMAINS);

/** What a case-study card says about its alliance: category, collective objectives, domains, territory and partner profiles. */
@Component({
  selector: 'all-case-study-facts',
  imports: [TranslocoPipe],
  template: `
    <dl class="facts">
      <div>
        <dt>{{ 'library.facts.category' | transloco }}</dt>
        <dd>{{ 'alliances.categories.' + category() + '.label' | transloco }}</dd>
      </div>
      <div>
        <dt>{{ 'library.facts.objectives' | transloco }}</dt>
        <dd class="inline-list">
          @for (key of collectiveObjectives(); track key) {
            <span>{{ 'alliances.objectiveOptions.' + key + '.label' | transloco }}</span>
          }
        </dd>
      </div>
      <div>
        <dt>{{ 'library.facts.domains' | transloco }}</dt>
        <dd class="inline-list">
          @for (key of domains(); track key) {
            <span>{{ isKnownDomain(key) ? ('alliances.domains.' + key | transloco) : key }}</span>
          } @empty {
            {{ 'library.facts.none' | transloco }}
          }
        </dd>
      </div>
      <div>
        <dt>{{ 'library.facts.scale' | transloco }}</dt>
        <dd>{{ 'alliances.scales.' + scale() | transloco }}</dd>
      </div>
      <div>
        <dt>{{ 'library.facts.territories' | transloco }}</dt>
        <dd class="inline-list" data-testid="facts-territories">
          @for (t of territories(); track t.code) {
            <span>{{ t.name === t.code ? t.code : t.name + ' (' + t.code + ')' }}</span>
          } @empty {
            {{ 'library.facts.none' | transloco }}
          }
        </dd>
      </div>
      <div>
        <dt>{{ 'library.facts.profiles' | transloco }}</dt>
        <dd class="inline-list" data-testid="facts-profiles">
          @for (p of partnerProfiles(); track p) {
            <span>{{ 'organisations.profiles.' + p | transloco }}</span>
          }
        </dd>
      </div>
    </dl>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0.75rem 1.5rem;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    dd {
      margin: 0.125rem 0 0;
    }
    .inline-list span:not(:last-child)::after {
      content: ', ';
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseStudyFacts {
  readonly category = input.required<string>();
  readonly collectiveObjectives = input.required<readonly string[]>();
  readonly domains = input.required<readonly string[]>();
  readonly scale = input.required<string>();
  readonly territories = input.required<readonly { code: string; name: string }[]>();
  readonly partnerProfiles = input.required<readonly string[]>();

  protected isKnownDomain(key: string): boolean {
    return KNOWN_DOMAINS.has(key);
  }
}
