import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { LibraryApi } from '@alliances/web/library/data-access';
import { Notice } from '@alliances/web/ui';
import { CaseStudyFacts } from '../shared/case-study-facts';
import { CaseStudyResults } from '../shared/results-table';

/** One published case-study card (fiche d'expérience), as any signed-in person reads it. */
@Component({
  selector: 'all-case-study-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe, Notice, CaseStudyFacts, CaseStudyResults],
  template: `
    <p class="back">
      <a routerLink="/library">← {{ 'library.detail.back' | transloco }}</a>
    </p>
    @if (study.error(); as error) {
      <h1>{{ 'library.detail.pageTitle' | transloco }}</h1>
      <all-notice kind="error">{{ errorMessageKey(error) | transloco }}</all-notice>
    } @else if (study.hasValue()) {
      @let s = study.value();
      <article aria-labelledby="case-study-title">
        <h1 id="case-study-title" data-testid="case-study-title">{{ s.title }}</h1>
        @if (s.publishedAt) {
          <p class="published">{{ 'library.detail.publishedOn' | transloco: { date: (s.publishedAt | localDate) } }}</p>
        }
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{{ 'library.detail.summary' | transloco }}</h2>
          <p class="summary" data-testid="case-study-summary">{{ s.summary }}</p>
        </section>
        <section aria-labelledby="facts-title">
          <h2 id="facts-title">{{ 'library.detail.facts' | transloco }}</h2>
          <all-case-study-facts
            [category]="s.category"
            [collectiveObjectives]="s.collectiveObjectives"
            [domains]="s.domains"
            [scale]="s.scale"
            [territories]="territories.hasValue() ? territories.value() : fallbackTerritories()"
            [partnerProfiles]="s.partnerProfiles"
          />
        </section>
        <section aria-labelledby="partners-title">
          <h2 id="partners-title">{{ 'library.detail.partners' | transloco }}</h2>
          <ul class="partners">
            @for (c of s.consents; track c.organisationId) {
              <li>{{ c.organisationName }}</li>
            }
          </ul>
        </section>
        <section aria-labelledby="results-title">
          <h2 id="results-title">{{ 'library.detail.results' | transloco }}</h2>
          @if (s.results.length) {
            <all-case-study-results [results]="s.results" [caption]="'library.detail.results' | transloco" />
            <p class="note">{{ 'library.detail.resultsNote' | transloco }}</p>
          } @else {
            <p>{{ 'library.detail.noResults' | transloco }}</p>
          }
        </section>
      </article>
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styleUrl: '../shared/card-page.scss',
  styles: `
    .partners {
      margin: 0;
      padding-left: 1.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseStudyPage {
  private readonly api = inject(LibraryApi);

  /** The card's id, from the route. */
  readonly id = input.required<string>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly study = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  /** Codes until their names arrive (or if they cannot be named). */
  private readonly codes = computed(() => (this.study.hasValue() ? this.study.value().territoryCodes : undefined));
  protected readonly fallbackTerritories = computed(() => (this.codes() ?? []).map((code) => ({ code, name: code })));
  protected readonly territories = rxResource({
    params: () => this.codes(),
    stream: ({ params }) => this.api.territories(params),
  });
}
