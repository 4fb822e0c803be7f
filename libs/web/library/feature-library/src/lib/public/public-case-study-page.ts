import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { LibraryApi } from '@alliances/web/library/data-access';
import { Notice } from '@alliances/web/ui';
import { CaseStudyFacts } from '../shared/case-study-facts';
import { CaseStudyResults } from '../shared/results-table';
import { SdgChips } from '../shared/sdg-chips';
import { describe, PublicPageMeta } from './public-meta';

/** A published case study as anyone reads it, without signing in (`/public/library/:slug`). */
@Component({
  selector: 'all-public-case-study-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe, Notice, CaseStudyFacts, CaseStudyResults, SdgChips],
  template: `
    <p class="back">
      <a routerLink="/public/library">← {{ 'library.detail.back' | transloco }}</a>
    </p>
    @if (study.error(); as error) {
      <h1>{{ 'library.detail.pageTitle' | transloco }}</h1>
      <all-notice kind="error">{{ errorMessageKey(error) | transloco }}</all-notice>
    } @else if (study.hasValue()) {
      @let s = study.value();
      <article aria-labelledby="case-study-title">
        <h1 id="case-study-title" data-testid="case-study-title">{{ s.title }}</h1>
        <p class="published">{{ 'library.detail.publishedOn' | transloco: { date: (s.publishedAt | localDate) } }}</p>
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
            [territories]="s.territories"
            [partnerProfiles]="s.partnerProfiles"
          />
        </section>
        @if (s.sdgs.length) {
          <section aria-labelledby="sdgs-title">
            <h2 id="sdgs-title">{{ 'library.sdg.title' | transloco }}</h2>
            <all-sdg-chips [codes]="s.sdgs" />
          </section>
        }
        <section aria-labelledby="results-title">
          <h2 id="results-title">{{ 'library.detail.results' | transloco }}</h2>
          @if (results().length) {
            <all-case-study-results [results]="results()" [caption]="'library.detail.results' | transloco" />
            <p class="note">{{ 'library.detail.resultsNote' | transloco }}</p>
          } @else {
            <p>{{ 'library.detail.noResults' | transloco }}</p>
          }
        </section>
        @if (s.alliancePageSlug) {
          <p>
            <a [routerLink]="['/public/alliances', s.alliancePageSlug]" data-testid="alliance-page-link">{{
              'library.public.alliancePage' | transloco
            }}</a>
          </p>
        }
      </article>
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styleUrl: '../shared/card-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicCaseStudyPage {
  private readonly api = inject(LibraryApi);
  private readonly meta = inject(PublicPageMeta);
  private readonly transloco = inject(TranslocoService);

  /** The card's public address, from the route. */
  readonly slug = input.required<string>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly study = rxResource({ params: () => this.slug(), stream: ({ params }) => this.api.publicGet(params) });
  /** The results table's rows (the public card carries no indicator ids: the name stands for it). */
  protected readonly results = computed(() =>
    this.study.hasValue() ? this.study.value().results.map((r) => ({ ...r, indicatorId: r.name })) : [],
  );

  constructor() {
    effect(() => {
      if (!this.study.hasValue()) return;
      const s = this.study.value();
      this.meta.set({
        title: `${s.title} · ${this.transloco.translate('library.search.title')}`,
        description: describe(s.summary),
        path: `/public/library/${s.slug}`,
        type: 'article',
      });
    });
  }
}
