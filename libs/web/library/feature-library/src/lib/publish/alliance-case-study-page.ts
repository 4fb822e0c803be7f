import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AlliancesApi } from '@alliances/web/alliances/data-access';
import { LocalDatePipe, applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import { LibraryApi } from '@alliances/web/library/data-access';
import { ObjectivesApi } from '@alliances/web/objectives/data-access';
import { Notice, confirmAction } from '@alliances/web/ui';
import { SDG_CODES, SIGNING_ROLES, sdgName, type Alliance, type CaseStudy } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { CaseStudyFacts } from '../shared/case-study-facts';
import { CaseStudyResults } from '../shared/results-table';
import { SdgChips } from '../shared/sdg-chips';

/** The API keeps at most this many results on a card. */
export const MAX_RESULTS = 20;

type Message = { kind: 'success' | 'error' | 'info'; key: string; params?: Record<string, unknown> };

/** Profiles of the organisations that take part as lead or partner: what the card will say about its partners. */
export function partnerProfiles(alliance: Pick<Alliance, 'members'>): string[] {
  const profiles = alliance.members
    .filter((m) => m.status === 'active' && SIGNING_ROLES.includes(m.role))
    .map((m) => m.organisationProfile);
  return [...new Set(profiles)].sort();
}

/**
 * An alliance's case-study card (fiche d'expérience): the lead prepares it from the alliance and its
 * indicators, each partner organisation's admin gives (or withdraws) its consent, and the card enters
 * the library once every one has consented.
 */
@Component({
  selector: 'all-alliance-case-study-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
    CaseStudyFacts,
    CaseStudyResults,
    SdgChips,
  ],
  templateUrl: './alliance-case-study-page.html',
  styleUrl: './alliance-case-study-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllianceCaseStudyPage {
  private readonly alliances = inject(AlliancesApi);
  private readonly library = inject(LibraryApi);
  private readonly objectivesApi = inject(ObjectivesApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);

  /** The alliance id, from the route. */
  readonly id = input.required<string>();

  protected readonly maxResults = MAX_RESULTS;
  protected readonly errorMessageKey = errorMessageKey;

  protected readonly alliance = rxResource({ params: () => this.id(), stream: ({ params }) => this.alliances.get(params) });
  protected readonly study = rxResource({ params: () => this.id(), stream: ({ params }) => this.library.ofAlliance(params) });

  /** The card as it stands: null when the alliance has none yet, undefined while loading or after an error. */
  protected readonly card = computed(() => (this.study.hasValue() ? this.study.value() : undefined));
  /** Anyone of the lead organisation prepares the card (the API's rule). */
  protected readonly isLead = computed(
    () => this.alliance.hasValue() && this.alliance.value().myRoles.some((r) => r.role === 'lead' && r.status === 'active'),
  );
  protected readonly objectives = rxResource({
    params: () => (this.isLead() ? this.id() : undefined),
    stream: ({ params }) => this.objectivesApi.list(params),
  });
  protected readonly indicatorCount = computed(() =>
    (this.objectives.hasValue() ? this.objectives.value() : []).reduce((n, o) => n + o.indicators.length, 0),
  );

  protected readonly profiles = computed(() => {
    return this.alliance.hasValue() ? partnerProfiles(this.alliance.value()) : [];
  });

  /** Organisations the signed-in person may give or withdraw consent for: those they administer. */
  private readonly administered = computed(
    () =>
      new Set(
        this.auth
          .memberships()
          .filter((m) => m.role === 'admin')
          .map((m) => m.organisationId),
      ),
  );
  protected readonly awaited = computed(() => (this.card()?.consents ?? []).filter((c) => !c.consentedAt));

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    summary: ['', [Validators.required, Validators.minLength(20), Validators.maxLength(8000)]],
    sdgs: [[] as string[]],
  });
  protected readonly sdgCodes = SDG_CODES;
  private readonly lang = toSignal(inject(TranslocoService).langChanges$, { initialValue: 'fr' });
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly saving = signal(false);
  protected readonly consenting = signal<string | null>(null);
  protected readonly message = signal<Message | null>(null);

  constructor() {
    // The form starts from the card as it stands, once, so an update changes only what the lead edits.
    let filled = false;
    effect(() => {
      const study = this.card();
      if (filled || study === undefined || !this.alliance.hasValue()) return;
      filled = true;
      if (study) {
        this.form.setValue({ title: study.title, summary: study.summary, sdgs: study.sdgs ?? [] });
        this.chosen.set(new Set(study.results.map((r) => r.indicatorId)));
      } else {
        // A new card starts from the alliance's SDG tags; the lead may change them here.
        this.form.controls.sdgs.setValue(this.alliance.value().sdgs ?? []);
      }
    });
  }

  /** The card's territories (as they were when it was prepared), named as the alliance names them. */
  protected territoriesOf(study: CaseStudy, alliance: Alliance): { code: string; name: string }[] {
    return study.territoryCodes.map((code) => alliance.territories.find((t) => t.code === code) ?? { code, name: code });
  }

  protected sdgLabel(code: string): string {
    return sdgName(code, this.lang() === 'en' ? 'en' : 'fr');
  }

  /** Opening the alliance's public page asks every partner again; closing it takes it offline at once. */
  protected async toggleAlliancePage(open: boolean): Promise<void> {
    if (open) {
      const confirmed = await confirmAction(this.dialog, {
        title: 'library.public.openTitle',
        message: 'library.public.openMessage',
        confirm: 'library.public.open',
      });
      if (!confirmed) return;
    }
    this.message.set(null);
    this.saving.set(true);
    try {
      this.study.set(await firstValueFrom(this.library.setAlliancePage(this.id(), open)));
      this.message.set({ kind: 'success', key: open ? 'library.public.opened' : 'library.public.closed' });
    } catch (error) {
      this.message.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.saving.set(false);
    }
  }

  protected canAnswerFor(organisationId: string): boolean {
    return this.administered().has(organisationId);
  }

  protected isChosen(indicatorId: string): boolean {
    return this.chosen().has(indicatorId);
  }

  protected toggleIndicator(indicatorId: string, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) next.add(indicatorId);
    else next.delete(indicatorId);
    this.chosen.set(next);
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const existing = this.card();
    // Consents given to the card as it was do not carry over to a new text.
    if (existing && existing.consents.some((c) => c.consentedAt)) {
      const confirmed = await confirmAction(this.dialog, {
        title: 'library.publish.updateTitle',
        message: existing.status === 'published' ? 'library.publish.updatePublished' : 'library.publish.updateAwaiting',
        confirm: 'library.publish.updateConfirm',
      });
      if (!confirmed) return;
    }
    this.message.set(null);
    this.saving.set(true);
    try {
      const { title, summary, sdgs } = this.form.getRawValue();
      const study = await firstValueFrom(
        this.library.prepare(this.id(), { title: title.trim(), summary: summary.trim(), indicatorIds: [...this.chosen()], sdgs }),
      );
      this.study.set(study);
      this.form.markAsPristine();
      this.message.set({ kind: 'success', key: existing ? 'library.publish.updated' : 'library.publish.prepared' });
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.message.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.saving.set(false);
    }
  }

  protected async consent(consent: CaseStudy['consents'][number], give: boolean): Promise<void> {
    const study = this.card();
    if (!study) return;
    const params = { organisation: consent.organisationName };
    if (!give) {
      const confirmed = await confirmAction(this.dialog, {
        title: 'library.consents.withdrawTitle',
        message: study.status === 'published' ? 'library.consents.withdrawPublished' : 'library.consents.withdrawAwaiting',
        confirm: 'library.consents.withdrawConfirm',
        params,
        destructive: study.status === 'published',
      });
      if (!confirmed) return;
    }
    this.message.set(null);
    this.consenting.set(consent.organisationId);
    try {
      const call = give ? this.library.consent(study.id, consent.organisationId) : this.library.withdraw(study.id, consent.organisationId);
      const updated = await firstValueFrom(call);
      this.study.set(updated);
      const key = !give
        ? 'library.consents.withdrawn'
        : updated.status === 'published'
          ? 'library.consents.published'
          : 'library.consents.given';
      this.message.set({ kind: 'success', key, params });
    } catch (error) {
      this.message.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.consenting.set(null);
    }
  }
}
