import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { LibraryApi, type LibraryFilters } from '@alliances/web/library/data-access';
import { Notice } from '@alliances/web/ui';
import {
  DOMAINS,
  ORGANISATION_PROFILES,
  PARTNERSHIP_CATEGORIES,
  SDG_CODES,
  TERRITORIAL_SCALES,
  sdgName,
} from '@alliances/shared/contracts';
import { map, type Observable } from 'rxjs';
import { SdgChips } from '../shared/sdg-chips';

type Filter = 'profile' | 'scale' | 'domain' | 'category' | 'sdg';

/** A card in the list, from the signed-in library or the public one. */
interface CardView {
  key: string;
  link: string[];
  title: string;
  summary: string;
  category: string;
  scale: string;
  publishedAt: string | null;
  domains: string[];
  partnerProfiles: string[];
  sdgs: string[];
}

/** The API answers at most this many cards, the most relevant first. */
const LIMIT = 50;

const KNOWN_DOMAINS: ReadonlySet<string> = new Set(DOMAINS);

/** Bibliothèque: published case-study cards, searched in French (accents and plurals alike) and filtered as in the research's database. */
@Component({
  selector: 'all-library-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
    SdgChips,
  ],
  templateUrl: './library-page.html',
  styleUrl: './library-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LibraryPage {
  private readonly api = inject(LibraryApi);
  private readonly router = inject(Router);

  /** The search and filters live in the address: a search can be shared, and the back button returns to it. */
  readonly q = input<string | undefined>();
  readonly profile = input<string | undefined>();
  readonly scale = input<string | undefined>();
  readonly domain = input<string | undefined>();
  readonly category = input<string | undefined>();
  readonly sdg = input<string | undefined>();
  /** Route data: the public library (`/public/library`), read without signing in. */
  readonly publicView = input(false);
  private readonly lang = toSignal(inject(TranslocoService).langChanges$, { initialValue: 'fr' });

  protected readonly text = new FormControl('', { nonNullable: true });
  protected readonly searchForm = new FormGroup({ text: this.text });
  protected readonly options: Record<Filter, readonly string[]> = {
    profile: ORGANISATION_PROFILES,
    scale: TERRITORIAL_SCALES,
    domain: DOMAINS,
    category: PARTNERSHIP_CATEGORIES,
    sdg: SDG_CODES,
  };
  protected readonly filterNames: Filter[] = ['sdg', 'profile', 'scale', 'domain', 'category'];
  protected readonly limit = LIMIT;
  protected readonly errorMessageKey = errorMessageKey;

  protected readonly filters = computed<LibraryFilters>(() => ({
    q: this.q() ?? null,
    profile: this.profile() ?? null,
    scale: this.scale() ?? null,
    domain: this.domain() ?? null,
    category: this.category() ?? null,
    sdg: this.sdg() ?? null,
  }));
  protected readonly isFiltered = computed(() => Object.values(this.filters()).some(Boolean));
  protected readonly results = rxResource({
    params: () => ({ filters: this.filters(), publicView: this.publicView() }),
    stream: ({ params }): Observable<CardView[]> =>
      params.publicView
        ? this.api
            .publicSearch(params.filters)
            .pipe(map((cards) => cards.map((c) => ({ ...c, key: c.slug, link: ['/public/library', c.slug] }))))
        : this.api
            .search(params.filters)
            .pipe(map((cards) => cards.map((c) => ({ ...c, key: c.id, link: ['/library', c.id], sdgs: c.sdgs ?? [] })))),
  });

  constructor() {
    effect(() => this.text.setValue(this.q() ?? '', { emitEvent: false }));
  }

  protected selected(filter: Filter): string {
    return this.filters()[filter] ?? '';
  }

  /** The translation key of an option of a filter. */
  protected optionKey(filter: Filter, value: string): string {
    switch (filter) {
      case 'profile':
        return `organisations.profiles.${value}`;
      case 'scale':
        return `alliances.scales.${value}`;
      case 'domain':
        return `alliances.domains.${value}`;
      case 'category':
        return `alliances.categories.${value}.label`;
      case 'sdg':
        return '';
    }
  }

  /** "ODD 17.17 — Encourager…": the official number and name (not a translation key: the names are the UN's). */
  protected sdgLabel(code: string, short: string): string {
    return `${short} ${code} — ${sdgName(code, this.lang() === 'en' ? 'en' : 'fr')}`;
  }

  protected isKnownDomain(value: string): boolean {
    return KNOWN_DOMAINS.has(value);
  }

  protected search(): void {
    this.navigate({ q: this.text.value.trim() || null });
  }

  protected choose(filter: Filter, value: string): void {
    this.navigate({ [filter]: value || null });
  }

  protected clear(): void {
    this.text.setValue('');
    this.navigate({ q: null, profile: null, scale: null, domain: null, category: null, sdg: null });
  }

  private navigate(changes: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams: changes, queryParamsHandling: 'merge' });
  }
}
