import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { errorMessageKey } from '@alliances/web/core';
import { LibraryApi } from '@alliances/web/library/data-access';
import { Notice } from '@alliances/web/ui';
import { SdgChips } from '../shared/sdg-chips';
import { describe, PublicPageMeta } from './public-meta';

/** An alliance's opt-in public page (`/public/alliances/:slug`), without signing in. */
@Component({
  selector: 'all-public-alliance-page',
  imports: [RouterLink, TranslocoPipe, Notice, SdgChips],
  template: `
    <p class="back">
      <a routerLink="/public/library">← {{ 'library.detail.back' | transloco }}</a>
    </p>
    @if (page.error(); as error) {
      <h1>{{ 'library.public.alliancePage' | transloco }}</h1>
      <all-notice kind="error">{{ errorMessageKey(error) | transloco }}</all-notice>
    } @else if (page.hasValue()) {
      @let a = page.value();
      <article aria-labelledby="alliance-title">
        <h1 id="alliance-title" data-testid="alliance-name">{{ a.name }}</h1>
        <p class="category">{{ 'alliances.categories.' + a.category + '.label' | transloco }}</p>
        <section aria-labelledby="purpose-title">
          <h2 id="purpose-title">{{ 'library.public.purpose' | transloco }}</h2>
          <p class="purpose">{{ a.purpose }}</p>
        </section>
        @if (a.territories.length) {
          <section aria-labelledby="territories-title">
            <h2 id="territories-title">{{ 'library.facts.territories' | transloco }}</h2>
            <p>
              @for (t of a.territories; track t.code; let last = $last) {
                {{ t.name === t.code ? t.code : t.name + ' (' + t.code + ')' }}{{ last ? '' : ', ' }}
              }
            </p>
          </section>
        }
        <section aria-labelledby="partners-title">
          <h2 id="partners-title">{{ 'library.detail.partners' | transloco }}</h2>
          <ul data-testid="alliance-partners">
            @for (p of a.partners; track p.name) {
              <li>{{ p.name }} — {{ 'organisations.profiles.' + p.profile | transloco }}</li>
            }
          </ul>
        </section>
        @if (a.sdgs.length) {
          <section aria-labelledby="sdgs-title">
            <h2 id="sdgs-title">{{ 'library.sdg.title' | transloco }}</h2>
            <all-sdg-chips [codes]="a.sdgs" />
          </section>
        }
        <section aria-labelledby="card-title">
          <h2 id="card-title">{{ 'library.detail.pageTitle' | transloco }}</h2>
          <p>
            <a [routerLink]="['/public/library', a.caseStudy.slug]">{{ a.caseStudy.title }}</a>
          </p>
        </section>
      </article>
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styleUrl: '../shared/card-page.scss',
  styles: `
    .category {
      color: var(--mat-sys-on-surface-variant);
    }
    .purpose {
      max-width: 48rem;
      white-space: pre-line;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicAlliancePage {
  private readonly api = inject(LibraryApi);
  private readonly meta = inject(PublicPageMeta);
  private readonly transloco = inject(TranslocoService);

  readonly slug = input.required<string>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly page = rxResource({ params: () => this.slug(), stream: ({ params }) => this.api.publicAlliance(params) });

  constructor() {
    effect(() => {
      if (!this.page.hasValue()) return;
      const a = this.page.value();
      this.meta.set({
        title: `${a.name} · ${this.transloco.translate('library.search.title')}`,
        description: describe(a.purpose),
        path: `/public/alliances/${a.slug}`,
        type: 'article',
      });
    });
  }
}
