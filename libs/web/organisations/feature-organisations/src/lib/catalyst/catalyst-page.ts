import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { FigureChart, type FigureEntry } from '@alliances/web/admin/feature-admin';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { AuthStore, CatalystApi, type CatalystOrganisation } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import {
  DOMAINS,
  PARTNERSHIP_CATEGORIES,
  type CatalystTerritoryView,
  type DirectoryCard,
  type PartnershipCategory,
} from '@alliances/shared/contracts';
import { catchError, debounceTime, distinctUntilChanged, firstValueFrom, map, of, switchMap } from 'rxjs';

/** Typed text is only a search: the organisation must be picked from the suggestions. */
const picked = (control: AbstractControl): ValidationErrors | null => (typeof control.value === 'string' ? { notChosen: true } : null);

const MESSAGE_MAX = 4000;

/** Counts to chart rows, largest first, labelled by translation keys. */
function rows(counts: Record<string, number>, keyOf: (key: string) => string): FigureEntry[] {
  return Object.entries(counts)
    .filter(([, value]) => value > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => ({ key: keyOf(key), value }));
}

const KNOWN_DOMAINS: readonly string[] = DOMAINS;

/**
 * A territorial catalyst's view of its territories: counts only (organisations by profile, alliances by
 * category, domain and status), and introducing two organisations of the territory to each other.
 */
@Component({
  selector: 'all-catalyst-page',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    TranslocoPipe,
    Notice,
    FigureChart,
  ],
  templateUrl: './catalyst-page.html',
  styleUrl: './catalyst-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CatalystPage {
  private readonly api = inject(CatalystApi);
  private readonly auth = inject(AuthStore);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly categories = PARTNERSHIP_CATEGORIES;
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly messageMax = MESSAGE_MAX;

  /** The caller's approved organisations that hold the catalyst role. */
  protected readonly catalysts = rxResource({
    params: () => this.auth.memberships(),
    stream: ({ params }) => this.api.catalystsAmong(params),
  });
  protected readonly catalystId = signal<string | null>(null);
  protected readonly catalyst = computed<CatalystOrganisation | null>(() => {
    const list = this.catalysts.hasValue() ? this.catalysts.value() : [];
    return list.find((c) => c.organisationId === this.catalystId()) ?? list[0] ?? null;
  });
  protected readonly territoryCode = signal<string | null>(null);
  protected readonly territory = computed<CatalystOrganisation['territories'][number] | null>(() => {
    const territories = this.catalyst()?.territories ?? [];
    return territories.find((t) => t.code === this.territoryCode()) ?? territories[0] ?? null;
  });

  protected readonly view = rxResource({
    params: () => {
      const catalyst = this.catalyst();
      const territory = this.territory();
      return catalyst && territory ? { organisationId: catalyst.organisationId, territory: territory.code } : undefined;
    },
    stream: ({ params }) => this.api.territory(params.organisationId, params.territory),
  });
  protected readonly figures = computed(() => (this.view.hasValue() ? this.figuresOf(this.view.value()) : null));

  // "Présenter deux organisations"
  protected readonly introduction = this.fb.group({
    first: new FormControl<DirectoryCard | string>('', { nonNullable: true, validators: [Validators.required, picked] }),
    second: new FormControl<DirectoryCard | string>('', { nonNullable: true, validators: [Validators.required, picked] }),
    message: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(MESSAGE_MAX)]],
    category: this.fb.control<PartnershipCategory | ''>(''),
  });
  protected readonly firstSuggestions = this.suggestionsFor(this.introduction.controls.first);
  protected readonly secondSuggestions = this.suggestionsFor(this.introduction.controls.second);
  protected readonly sending = signal(false);
  protected readonly introduced = signal<{ first: string; second: string } | null>(null);
  protected readonly introduceError = signal<string | null>(null);

  constructor() {
    // Another territory: the organisations picked may lie outside it.
    effect(() => {
      this.territory();
      this.introduction.patchValue({ first: '', second: '' });
    });
  }

  protected readonly displayOrganisation = (value: DirectoryCard | string | null): string =>
    !value ? '' : typeof value === 'string' ? value : value.name;

  protected chooseCatalyst(id: string): void {
    this.catalystId.set(id);
    this.territoryCode.set(null);
  }

  protected async introduce(form: FormGroupDirective): Promise<void> {
    this.introduced.set(null);
    this.introduceError.set(null);
    const catalyst = this.catalyst();
    const { first, second, message, category } = this.introduction.getRawValue();
    if (this.introduction.invalid || !catalyst || typeof first === 'string' || typeof second === 'string') {
      this.introduction.markAllAsTouched();
      return;
    }
    if (first.id === second.id) {
      this.introduction.controls.second.setErrors({ same: true });
      return;
    }
    this.sending.set(true);
    try {
      await firstValueFrom(
        this.api.introduce({
          catalystOrganisationId: catalyst.organisationId,
          organisationIds: [first.id, second.id],
          message: message.trim(),
          ...(category ? { category } : {}),
        }),
      );
      form.resetForm({ first: '', second: '', message: '', category: '' });
      this.introduced.set({ first: first.name, second: second.name });
    } catch (error) {
      if (!applyFieldErrors(this.introduction, error, { organisationIds: 'second' })) this.introduceError.set(errorMessageKey(error));
    } finally {
      this.sending.set(false);
    }
  }

  private figuresOf(view: CatalystTerritoryView) {
    const alliancesBy = (caption: string, labelHeader: string, testId: string, rowsOf: FigureEntry[]) => ({
      caption: `catalyst.figures.${caption}`,
      labelHeader: `catalyst.figures.${labelHeader}`,
      valueHeader: 'catalyst.figures.alliances',
      testId,
      rows: rowsOf,
    });
    return {
      organisations: view.organisations,
      alliances: view.alliances.total,
      charts: [
        {
          caption: 'catalyst.figures.byProfile',
          labelHeader: 'catalyst.figures.profile',
          valueHeader: 'catalyst.figures.organisations',
          testId: 'catalyst-profiles',
          rows: rows(view.organisations.byProfile, (k) => `organisations.profiles.${k}`),
        },
        alliancesBy(
          'byCategory',
          'category',
          'catalyst-categories',
          rows(view.alliances.byCategory, (k) => `alliances.categories.${k}.label`),
        ),
        alliancesBy(
          'byDomain',
          'domain',
          'catalyst-domains',
          rows(view.alliances.byDomain, (k) => (KNOWN_DOMAINS.includes(k) ? `alliances.domains.${k}` : k)),
        ),
        alliancesBy(
          'byStatus',
          'status',
          'catalyst-statuses',
          rows(view.alliances.byStatus, (k) => `alliances.status.${k}`),
        ),
      ],
    };
  }

  /** Listed organisations of the chosen territory whose name matches what is typed. */
  private suggestionsFor(control: FormControl<DirectoryCard | string>) {
    return toSignal(
      control.valueChanges.pipe(
        map((value) => (typeof value === 'string' ? value.trim() : '')),
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => {
          const territory = this.territory();
          if (q.length < 2 || !territory) return of([] as DirectoryCard[]);
          return this.api.organisationsIn(territory.code, q).pipe(
            map((page) => page.items),
            catchError(() => of([] as DirectoryCard[])),
          );
        }),
      ),
      { initialValue: [] as DirectoryCard[] },
    );
  }
}
