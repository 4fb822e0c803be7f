import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { errorMessageKey } from '@alliances/web/core';
import { AuthStore, OrganisationsApi } from '@alliances/web/identity/data-access';
import { DirectoryApi, type DirectoryFilters, type DirectorySearch } from '@alliances/web/directory/data-access';
import { Notice } from '@alliances/web/ui';
import {
  DOMAINS,
  ORGANISATION_PROFILES,
  PARTNER_NEEDS,
  type DirectoryCard,
  type OrganisationProfile,
  type PartnerNeed,
} from '@alliances/shared/contracts';
import { debounceTime, firstValueFrom, map } from 'rxjs';
import { DirectoryMapView, type PickedDepartement } from '../map/directory-map';
import { TerritoryField, territoryChosen, territoryCode, type TerritoryValue } from '../shared/territory-field';
import { DirectoryResultCard } from './directory-result-card';
import { queryFromUrl, urlFromQuery } from './directory-filters';

const PAGE_SIZE = 20;

/** Partner finder: listed organisations by territory, profile, domain and needs, on a list and a map. */
@Component({
  selector: 'all-directory-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCard,
    MatCardContent,
    MatCheckbox,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    TranslocoPipe,
    Notice,
    TerritoryField,
    DirectoryMapView,
    DirectoryResultCard,
  ],
  templateUrl: './directory-page.html',
  styleUrl: './directory-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryPage {
  private readonly api = inject(DirectoryApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly store = inject(AuthStore);

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly profiles = ORGANISATION_PROFILES;
  protected readonly domains = DOMAINS;
  protected readonly needs = PARTNER_NEEDS;

  /** The caller's approved organisations, to measure complementarity against. */
  protected readonly myOrganisations = computed(() => this.store.memberships().filter((m) => m.organisationStatus === 'approved'));

  /** The search as the URL says: the single source of what is shown. */
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(queryFromUrl)), { requireSync: true });

  protected readonly filters = this.fb.group({
    q: '',
    territory: new FormControl<TerritoryValue>(null, territoryChosen),
    profile: new FormControl<OrganisationProfile | null>(null),
    domain: this.fb.control<string[]>([]),
    seeks: new FormControl<PartnerNeed | null>(null),
    offers: new FormControl<PartnerNeed | null>(null),
    open: false,
    as: new FormControl<string | null>(null),
    sort: this.fb.control<'name' | 'match'>('name'),
  });

  private readonly firstPage = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.search({ ...params, limit: PAGE_SIZE }),
  });
  protected readonly items = linkedSignal<DirectoryCard[]>(() => (this.firstPage.hasValue() ? this.firstPage.value().items : []));
  protected readonly nextCursor = linkedSignal<string | null>(() => (this.firstPage.hasValue() ? this.firstPage.value().nextCursor : null));
  protected readonly loading = computed(() => this.firstPage.isLoading());
  protected readonly error = computed(() => this.firstPage.error());
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<string | null>(null);

  /** The map counts what the list finds (the organisation compared with is left out of both), whatever the order. */
  protected readonly map = rxResource({
    params: () => withoutOrder(this.query()),
    stream: ({ params }) => this.api.map(params),
  });

  constructor() {
    this.fillFilters(this.query());
    this.filters.valueChanges.pipe(debounceTime(300), takeUntilDestroyed()).subscribe(() => this.applyFilters());
  }

  protected async loadMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    try {
      const page = await firstValueFrom(this.api.search({ ...this.query(), limit: PAGE_SIZE, cursor }));
      this.items.update((items) => [...items, ...page.items]);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.moreError.set(errorMessageKey(error));
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected pickDepartement(departement: PickedDepartement): void {
    this.filters.controls.territory.setValue({ code: departement.code, name: departement.name, kind: 'departement' });
  }

  protected reset(): void {
    this.filters.reset({
      q: '',
      territory: null,
      profile: null,
      domain: [],
      seeks: null,
      offers: null,
      open: false,
      as: this.filters.value.as ?? null,
      sort: 'name',
    });
  }

  /** The form goes to the URL; a territory still being typed waits until one is picked. */
  private applyFilters(): void {
    const value = this.filters.getRawValue();
    if (this.filters.controls.territory.invalid) return;
    const query: DirectorySearch = {
      q: value.q.trim() || undefined,
      territory: territoryCode(value.territory),
      profile: value.profile ?? undefined,
      domain: value.domain,
      seeks: value.seeks ?? undefined,
      offers: value.offers ?? undefined,
      open: value.open || undefined,
      as: value.as ?? undefined,
      sort: value.as ? value.sort : undefined,
    };
    void this.router.navigate([], { relativeTo: this.route, queryParams: urlFromQuery(query), replaceUrl: true });
  }

  /** The form starts from the URL; a territory code is named once the territories API answers. */
  private fillFilters(query: DirectorySearch): void {
    this.filters.setValue(
      {
        q: query.q ?? '',
        territory: query.territory ? { code: query.territory, name: query.territory, kind: 'commune' } : null,
        profile: query.profile ?? null,
        domain: query.domain ?? [],
        seeks: query.seeks ?? null,
        offers: query.offers ?? null,
        open: query.open ?? false,
        as: query.as ?? null,
        sort: query.sort ?? 'name',
      },
      { emitEvent: false },
    );
    const code = query.territory;
    if (code) {
      this.organisations.territories(code).subscribe({
        next: (found) => {
          const territory = found.find((t) => t.code === code);
          const control = this.filters.controls.territory;
          if (territory && territoryCode(control.value) === code) control.setValue(territory, { emitEvent: false });
        },
        error: () => undefined,
      });
    }
  }
}

function withoutOrder(query: DirectorySearch): DirectoryFilters {
  const filters: DirectorySearch = { ...query };
  delete filters.sort;
  return filters;
}
