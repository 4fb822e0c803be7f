import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatCheckbox, MatCheckboxChange } from '@angular/material/checkbox';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import { OrganisationProfileApi } from '@alliances/web/directory/data-access';
import { OrganisationLogo } from '../shared/organisation-logo';
import { DomainKeyPipe } from '../shared/domain-key.pipe';
import { DOMAIN_SLUG } from '../shared/partnering-labels';
import { TerritoryField, territoryChosen, territoryCode, type TerritoryValue } from '../shared/territory-field';
import { Notice } from '@alliances/web/ui';
import {
  DOMAINS,
  LOGO_MAX_BYTES,
  LOGO_TYPES,
  MAGIC_SQUARE,
  PARTNER_CONTRIBUTIONS,
  type OrganisationWithProfile,
  type PartnerNeed,
  type SocioEconomicProfile,
  type UpdateOrganisationProfileRequest,
} from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

const DESCRIPTION_MAX = 4000;
const NOTE_MAX = 1000;
const WEBSITE = /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i;

function domainSlug(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value && !DOMAIN_SLUG.test(value) ? { domainSlug: true } : null;
}

type NeedList = 'seeks' | 'offers';

/** An organisation's admins edit what the directory shows of it, and whether it is listed at all. */
@Component({
  selector: 'all-profile-edit-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCard,
    MatCardContent,
    MatCheckbox,
    MatChipListbox,
    MatChipOption,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatSlideToggle,
    MatSuffix,
    TranslocoPipe,
    Notice,
    TerritoryField,
    OrganisationLogo,
    DomainKeyPipe,
  ],
  templateUrl: './profile-edit-page.html',
  styleUrl: './profile-edit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileEditPage {
  private readonly api = inject(OrganisationProfileApi);
  private readonly store = inject(AuthStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly square = MAGIC_SQUARE;
  protected readonly contributions = PARTNER_CONTRIBUTIONS;
  protected readonly needLists: readonly NeedList[] = ['seeks', 'offers'];
  protected readonly limits = { descriptionMax: DESCRIPTION_MAX, noteMax: NOTE_MAX, logoKb: LOGO_MAX_BYTES / 1024 };

  protected readonly organisation = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly isAdmin = computed(() => this.store.memberships().some((m) => m.organisationId === this.id() && m.role === 'admin'));

  protected readonly form = this.fb.group({
    description: ['', Validators.maxLength(DESCRIPTION_MAX)],
    website: ['', Validators.pattern(WEBSITE)],
    territory: new FormControl<TerritoryValue>(null, territoryChosen),
    domains: this.fb.control<string[]>([]),
    seeks: this.fb.control<PartnerNeed[]>([]),
    offers: this.fb.control<PartnerNeed[]>([]),
    openToAlliances: false,
    listed: false,
    houseModel: this.fb.group({
      humanResources: this.fb.group({
        staff: new FormControl<number | null>(null, Validators.min(0)),
        volunteers: new FormControl<number | null>(null, Validators.min(0)),
        note: ['', Validators.maxLength(NOTE_MAX)],
      }),
      financialResources: this.fb.group({
        annualBudgetEur: new FormControl<number | null>(null, Validators.min(0)),
        mix: ['', Validators.maxLength(NOTE_MAX)],
      }),
      alliances: this.fb.group({
        count: new FormControl<number | null>(null, Validators.min(0)),
        kinds: ['', Validators.maxLength(NOTE_MAX)],
      }),
    }),
  });
  protected readonly otherDomain = this.fb.control('', domainSlug);

  /** The listed domains, then the organisation's own ones. */
  protected readonly domainChoices = signal<string[]>([...DOMAINS]);

  protected readonly logoFile = signal<File | null>(null);
  protected readonly logoPreview = signal<string | null>(null);
  protected readonly logoError = signal<string | null>(null);
  protected readonly removeLogo = signal(false);
  protected readonly logoVersion = signal(0);

  protected readonly pending = signal(false);
  protected readonly feedback = signal<{ kind: 'success' | 'error'; key: string } | null>(null);

  constructor() {
    effect(() => {
      if (this.organisation.hasValue()) this.fill(this.organisation.value());
    });
    inject(DestroyRef).onDestroy(() => this.setPreview(null));
  }

  protected hasNeed(list: NeedList, need: PartnerNeed): boolean {
    return this.form.controls[list].value.includes(need);
  }

  protected toggleNeed(list: NeedList, need: PartnerNeed, change: MatCheckboxChange): void {
    const control = this.form.controls[list];
    const others = control.value.filter((n) => n !== need);
    control.setValue(change.checked ? [...others, need] : others);
    control.markAsDirty();
  }

  protected addDomain(): void {
    const slug = this.otherDomain.value.trim();
    if (!slug || this.otherDomain.invalid) {
      this.otherDomain.markAsTouched();
      return;
    }
    if (!this.domainChoices().includes(slug)) this.domainChoices.update((list) => [...list, slug]);
    const chosen = this.form.controls.domains.value;
    if (!chosen.includes(slug)) this.form.controls.domains.setValue([...chosen, slug]);
    this.otherDomain.reset('');
  }

  protected chooseLogo(event: Event): void {
    const inputElement = event.target as HTMLInputElement;
    const file = inputElement.files?.[0] ?? null;
    this.logoError.set(null);
    if (!file) return;
    if (!(LOGO_TYPES as readonly string[]).includes(file.type)) {
      this.logoError.set('organisations.profile.logo.wrongType');
    } else if (file.size > LOGO_MAX_BYTES) {
      this.logoError.set('organisations.profile.logo.tooLarge');
    }
    if (this.logoError()) {
      inputElement.value = '';
      this.logoFile.set(null);
      this.setPreview(null);
      return;
    }
    this.logoFile.set(file);
    this.removeLogo.set(false);
    this.setPreview(URL.createObjectURL(file));
  }

  protected dropLogo(): void {
    this.logoFile.set(null);
    this.setPreview(null);
    this.removeLogo.set(true);
  }

  protected async save(): Promise<void> {
    this.feedback.set(null);
    if (this.form.invalid || this.logoError()) {
      this.form.markAllAsTouched();
      this.focusFirstInvalidField();
      return;
    }
    this.pending.set(true);
    try {
      const saved = await firstValueFrom(this.api.update(this.id(), this.request()));
      const logoSaved = await this.saveLogo();
      const hasLogo = logoSaved === 'uploaded' ? true : logoSaved === 'removed' ? false : saved.hasLogo;
      this.organisation.set({ ...saved, hasLogo });
      if (logoSaved !== 'failed') {
        this.feedback.set({ kind: 'success', key: saved.listed ? 'organisations.profile.savedListed' : 'organisations.profile.saved' });
      }
    } catch (error) {
      if (applyFieldErrors(this.form, error, { territoryCode: 'territory' })) {
        this.feedback.set({ kind: 'error', key: 'organisations.profile.fixFields' });
        this.focusFirstInvalidField();
      } else {
        this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
      }
    } finally {
      this.pending.set(false);
    }
  }

  /** The logo goes in its own request once the profile is saved; its failure is told beside it. */
  private async saveLogo(): Promise<'uploaded' | 'removed' | 'unchanged' | 'failed'> {
    const file = this.logoFile();
    try {
      if (file) {
        await firstValueFrom(this.api.uploadLogo(this.id(), file));
      } else if (this.removeLogo()) {
        await firstValueFrom(this.api.deleteLogo(this.id()));
      } else {
        return 'unchanged';
      }
    } catch (error) {
      this.logoError.set(errorMessageKey(error));
      this.feedback.set({ kind: 'error', key: 'organisations.profile.logo.notSaved' });
      return 'failed';
    }
    this.logoFile.set(null);
    this.removeLogo.set(false);
    this.setPreview(null);
    this.logoVersion.update((v) => v + 1);
    return file ? 'uploaded' : 'removed';
  }

  private fill(org: OrganisationWithProfile): void {
    const house = org.socioEconomicProfile ?? {};
    const own = (org.domains ?? []).filter((d) => !(DOMAINS as readonly string[]).includes(d));
    this.domainChoices.set([...DOMAINS, ...own]);
    this.form.reset({
      description: org.description ?? '',
      website: org.website ?? '',
      territory: org.territoryCode ? { code: org.territoryCode, name: org.territoryName ?? org.territoryCode, kind: 'commune' } : null,
      domains: org.domains ?? [],
      seeks: org.seeks ?? [],
      offers: org.offers ?? [],
      openToAlliances: org.openToAlliances ?? false,
      listed: org.listed ?? false,
      houseModel: {
        humanResources: {
          staff: house.humanResources?.staff ?? null,
          volunteers: house.humanResources?.volunteers ?? null,
          note: house.humanResources?.note ?? '',
        },
        financialResources: {
          annualBudgetEur: house.financialResources?.annualBudgetEur ?? null,
          mix: house.financialResources?.mix ?? '',
        },
        alliances: { count: house.alliances?.count ?? null, kinds: house.alliances?.kinds ?? '' },
      },
    });
  }

  private request(): UpdateOrganisationProfileRequest {
    const value = this.form.getRawValue();
    const text = (s: string) => (s.trim() ? s.trim() : undefined);
    const number = (n: number | null) => (n === null || (n as unknown) === '' ? undefined : Number(n));
    const { humanResources, financialResources, alliances } = value.houseModel;
    const houseModel: SocioEconomicProfile = {
      humanResources: {
        staff: number(humanResources.staff),
        volunteers: number(humanResources.volunteers),
        note: text(humanResources.note),
      },
      financialResources: { annualBudgetEur: number(financialResources.annualBudgetEur), mix: text(financialResources.mix) },
      alliances: { count: number(alliances.count), kinds: text(alliances.kinds) },
    };
    return {
      description: text(value.description) ?? null,
      website: text(value.website) ?? null,
      territoryCode: territoryCode(value.territory) ?? null,
      domains: value.domains,
      seeks: value.seeks,
      offers: value.offers,
      openToAlliances: value.openToAlliances,
      listed: value.listed,
      houseModel: withoutEmpty(houseModel),
    };
  }

  private setPreview(url: string | null): void {
    const previous = this.logoPreview();
    if (previous) URL.revokeObjectURL(previous);
    this.logoPreview.set(url);
  }

  /** After a failed save, keyboard and screen-reader users land on the first field to fix. */
  private focusFirstInvalidField(): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), {
      injector: this.injector,
    });
  }
}

/** Drops unanswered questions, and whole levers left blank: `null` when nothing was said. */
function withoutEmpty(house: SocioEconomicProfile): SocioEconomicProfile | null {
  const levers = Object.entries(house)
    .map(([lever, answers]) => [lever, Object.fromEntries(Object.entries(answers as object).filter(([, v]) => v !== undefined))] as const)
    .filter(([, answers]) => Object.keys(answers).length > 0);
  return levers.length ? (Object.fromEntries(levers) as SocioEconomicProfile) : null;
}
