import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatOption } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatSelect } from '@angular/material/select';
import { MatStep, MatStepper, MatStepperNext, MatStepperPrevious } from '@angular/material/stepper';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AlliancesApi } from '@alliances/web/alliances/data-access';
import { DiagnosticsApi } from '@alliances/web/diagnostics/data-access';
import { OrganisationsApi } from '@alliances/web/identity/data-access';
import { fieldErrors } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import {
  COLLECTIVE_OBJECTIVES,
  DOMAINS,
  PARTNERSHIP_CATEGORIES,
  type Alliance,
  type CollectiveObjective,
  type CreateAllianceRequest,
  type Diagnostic,
  type InnovationStage,
  type PartnershipCategory,
  type TerritorialScale,
  type Territory,
} from '@alliances/shared/contracts';
import { catchError, distinctUntilChanged, firstValueFrom, map, of, switchMap, tap } from 'rxjs';
import { allianceErrorKey } from '../shared/alliance-errors';
import { atLeastOne, territoryOf } from '../shared/alliance-form';
import { AllianceScopeFields } from '../shared/alliance-scope-fields';
import { errorOf } from '../shared/field-error';

/** How the wizard opens: a new alliance (`/alliances/new`), or a draft one to set up (`/alliances/:id/setup`). */
export type WizardMode = 'create' | 'setup' | 'waiting';

/**
 * "Créer une alliance": five steps, then the alliance home. The chosen organisation becomes the lead.
 * The same steps set up a draft alliance born from an accepted proposal; its partners see what is
 * planned while the lead's admins fill it in.
 */
@Component({
  selector: 'all-create-alliance-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    Notice,
    MatStepper,
    MatStep,
    MatStepperNext,
    MatStepperPrevious,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    MatCheckbox,
    AllianceScopeFields,
  ],
  templateUrl: './create-alliance-page.html',
  styleUrl: './create-alliance-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateAlliancePage {
  private readonly api = inject(AlliancesApi);
  private readonly organisationsApi = inject(OrganisationsApi);
  private readonly diagnostics = inject(DiagnosticsApi);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly stepper = viewChild(MatStepper);

  /** Route parameter of `/alliances/:id/setup`: the draft alliance to set up; absent when creating one. */
  readonly id = input<string>();

  protected readonly categories = PARTNERSHIP_CATEGORIES;
  protected readonly objectiveKeys = COLLECTIVE_OBJECTIVES;
  protected readonly errorOf = errorOf;

  protected readonly identity = this.fb.group({
    name: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    purpose: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(4000)]],
    organisationId: ['', Validators.required],
  });
  protected readonly category = this.fb.group({
    category: this.fb.control<PartnershipCategory | ''>('', Validators.required),
  });
  protected readonly objectives = this.fb.group(
    Object.fromEntries(COLLECTIVE_OBJECTIVES.map((key) => [key, this.fb.control(false)])) as Record<
      CollectiveObjective,
      FormControl<boolean>
    >,
    { validators: atLeastOne },
  );
  protected readonly scope = this.fb.group({
    domains: this.fb.control<string[]>([]),
    scale: this.fb.control<TerritorialScale>('local', Validators.required),
    territories: this.fb.control<Territory[]>([]),
    territoryQuery: this.fb.control(''),
    innovationStage: this.fb.control<InnovationStage | ''>(''),
  });

  /** Only approved organisations the person belongs to may lead an alliance. */
  protected readonly leads = rxResource({
    stream: () =>
      this.organisationsApi.mine().pipe(
        map((list) => {
          const approved = list.filter((m) => m.organisationStatus === 'approved');
          if (approved.length === 1 && !this.identity.controls.organisationId.value) {
            this.identity.controls.organisationId.setValue(approved[0].organisationId);
          }
          return approved;
        }),
      ),
  });

  /**
   * Self-diagnostic pre-fill: the lead's latest diagnostic chooses the category and the collective objectives
   * while the person has touched neither step. True once pre-filled (the steps then say so).
   */
  protected readonly prefilled = toSignal(
    this.identity.controls.organisationId.valueChanges.pipe(
      distinctUntilChanged(),
      // A draft being set up keeps what its proposal already chose.
      switchMap((id) => (id && !this.id() ? this.diagnostics.latest(id).pipe(catchError(() => of(null))) : of(null))),
      map((diagnostic) => this.prefill(diagnostic)),
    ),
    { initialValue: false },
  );

  /** The draft alliance of `/alliances/:id/setup`, loaded into the steps when the caller may edit it. */
  protected readonly draft = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params).pipe(tap((alliance) => this.fillFromDraft(alliance))),
  });
  protected readonly mode = computed<WizardMode | null>(() => {
    if (!this.id()) return 'create';
    if (!this.draft.hasValue()) return null;
    return this.isEditableDraft(this.draft.value()) ? 'setup' : 'waiting';
  });
  protected readonly showSteps = computed(() => this.mode() === 'create' || this.mode() === 'setup');
  protected readonly submitLabel = computed(() => {
    const setup = this.mode() === 'setup';
    if (this.submitting()) return setup ? 'alliances.draft.saving' : 'alliances.wizard.creating';
    return setup ? 'alliances.draft.save' : 'alliances.wizard.create';
  });
  /** Who leads the draft, for the partners waiting for it. */
  protected readonly draftLead = computed(() =>
    this.draft.hasValue() ? (this.draft.value().members.find((m) => m.role === 'lead')?.organisationName ?? '') : '',
  );

  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected leadName(id: string): string {
    return (this.leads.hasValue() ? this.leads.value() : []).find((o) => o.organisationId === id)?.organisationName ?? '';
  }

  protected touch(group: AbstractControl): void {
    group.markAllAsTouched();
  }

  protected selectedObjectives(): CollectiveObjective[] {
    return COLLECTIVE_OBJECTIVES.filter((key) => this.objectives.controls[key].value);
  }

  /** Chosen domains in the order they are offered, whatever the order of the clicks. */
  protected chosenDomains(): string[] {
    const chosen = this.scope.controls.domains.value;
    return [...DOMAINS.filter((d) => chosen.includes(d)), ...chosen.filter((d) => !(DOMAINS as readonly string[]).includes(d))];
  }

  /** What the API receives. */
  payload(): CreateAllianceRequest {
    const identity = this.identity.getRawValue();
    const scope = this.scope.getRawValue();
    return {
      name: identity.name.trim(),
      purpose: identity.purpose.trim(),
      organisationId: identity.organisationId,
      category: this.category.getRawValue().category as PartnershipCategory,
      collectiveObjectives: this.selectedObjectives(),
      domains: this.chosenDomains(),
      scale: scope.scale,
      territoryCodes: scope.territories.map((t) => t.code),
      ...(scope.innovationStage ? { innovationStage: scope.innovationStage } : {}),
    };
  }

  async create(): Promise<void> {
    const groups = [this.identity, this.category, this.objectives, this.scope];
    const firstInvalid = groups.findIndex((g) => g.invalid);
    if (firstInvalid >= 0) {
      groups[firstInvalid].markAllAsTouched();
      this.goTo(firstInvalid);
      return;
    }
    if (this.mode() === 'setup') return this.saveDraft();
    this.submitting.set(true);
    this.error.set(null);
    try {
      const alliance = await firstValueFrom(this.api.create(this.payload()));
      await this.router.navigate(['/alliances', alliance.id]);
    } catch (error) {
      this.showServerErrors(error);
    } finally {
      this.submitting.set(false);
    }
  }

  // Draft mode --------------------------------------------------------------------------------------

  /** Only a draft, and only its lead's admins (the API's `can.edit`): partners wait for it. */
  private isEditableDraft(alliance: Alliance): boolean {
    return alliance.status === 'draft' && alliance.can.edit;
  }

  /** Puts what the draft already says into the steps; the lead is fixed (handing over is elsewhere). */
  private fillFromDraft(alliance: Alliance): void {
    if (!this.isEditableDraft(alliance)) return;
    const lead = alliance.members.find((m) => m.role === 'lead');
    this.identity.setValue({ name: alliance.name, purpose: alliance.purpose, organisationId: lead?.organisationId ?? '' });
    this.identity.controls.organisationId.disable();
    this.category.setValue({ category: alliance.category });
    for (const key of COLLECTIVE_OBJECTIVES) {
      this.objectives.controls[key].setValue(alliance.collectiveObjectives.includes(key));
    }
    this.scope.patchValue({
      domains: alliance.domains,
      scale: alliance.scale,
      territories: alliance.territories.map(territoryOf),
      innovationStage: alliance.innovationStage ?? '',
    });
  }

  /** Saves the (valid) steps into the draft (optimistic concurrency with its version), then opens its home. */
  private async saveDraft(): Promise<void> {
    const alliance = this.draft.value();
    if (!alliance) return;
    this.submitting.set(true);
    this.error.set(null);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { organisationId, ...changes } = this.payload();
    try {
      await firstValueFrom(this.api.update(alliance.id, { ...changes, version: alliance.version }));
      await this.router.navigate(['/alliances', alliance.id]);
    } catch (error) {
      this.showServerErrors(error);
    } finally {
      this.submitting.set(false);
    }
  }

  /** Puts the API's field errors under the fields, and opens the first step that has one. */
  private showServerErrors(error: unknown): void {
    const steps: { group: AbstractControl; controlOf: (field: string) => AbstractControl | null }[] = [
      { group: this.identity, controlOf: (f) => this.identity.get(f) },
      { group: this.category, controlOf: (f) => this.category.get(f) },
      { group: this.objectives, controlOf: (f) => (f === 'collectiveObjectives' ? this.objectives : null) },
      {
        group: this.scope,
        controlOf: (f) =>
          f.startsWith('territoryCodes')
            ? this.scope.controls.territoryQuery
            : this.scope.get(f === 'innovationStage' ? 'innovationStage' : f),
      },
    ];
    let firstStep = -1;
    for (const detail of fieldErrors(error)) {
      const index = steps.findIndex((s) => s.controlOf(detail.field) !== null);
      if (index < 0) continue;
      const control = steps[index].controlOf(detail.field) as AbstractControl;
      control.setErrors({ ...control.errors, ...Object.fromEntries(detail.codes.map((code) => [code, true])) });
      control.markAsTouched();
      if (firstStep < 0 || index < firstStep) firstStep = index;
    }
    if (firstStep >= 0) {
      this.error.set('alliances.wizard.errors.server');
      this.goTo(firstStep);
    } else {
      this.error.set(allianceErrorKey(error));
    }
  }

  private prefill(diagnostic: Diagnostic | null): boolean {
    if (!diagnostic || this.category.dirty || this.objectives.dirty) return false;
    this.category.patchValue({ category: diagnostic.suggestedCategories[0]?.category ?? '' });
    this.objectives.patchValue(Object.fromEntries(COLLECTIVE_OBJECTIVES.map((key) => [key, diagnostic.suggestedObjectives.includes(key)])));
    return true;
  }

  private goTo(index: number): void {
    const stepper = this.stepper();
    if (stepper) stepper.selectedIndex = index;
  }
}
