import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger, MatOption } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChipGrid, MatChipInput, MatChipListbox, MatChipOption, MatChipRemove, MatChipRow } from '@angular/material/chips';
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
  INNOVATION_STAGES,
  PARTNERSHIP_CATEGORIES,
  TERRITORIAL_SCALES,
  type CollectiveObjective,
  type CreateAllianceRequest,
  type Diagnostic,
  type InnovationStage,
  type PartnershipCategory,
  type TerritorialScale,
  type Territory,
} from '@alliances/shared/contracts';
import { catchError, debounceTime, distinctUntilChanged, firstValueFrom, map, of, switchMap } from 'rxjs';
import { allianceErrorKey } from '../shared/alliance-errors';
import { errorOf } from '../shared/field-error';

const atLeastOne = (group: AbstractControl): ValidationErrors | null =>
  Object.values((group as FormGroup).controls).some((c) => c.value === true) ? null : { objectives: true };

/** "Créer une alliance": five steps, then the alliance home. The chosen organisation becomes the lead. */
@Component({
  selector: 'all-create-alliance-page',
  imports: [
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
    MatChipListbox,
    MatChipOption,
    MatChipGrid,
    MatChipRow,
    MatChipRemove,
    MatChipInput,
    MatAutocomplete,
    MatAutocompleteTrigger,
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

  protected readonly categories = PARTNERSHIP_CATEGORIES;
  protected readonly objectiveKeys = COLLECTIVE_OBJECTIVES;
  protected readonly domainKeys = DOMAINS;
  protected readonly scales = TERRITORIAL_SCALES;
  protected readonly stages = INNOVATION_STAGES;
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
      switchMap((id) => (id ? this.diagnostics.latest(id).pipe(catchError(() => of(null))) : of(null))),
      map((diagnostic) => this.prefill(diagnostic)),
    ),
    { initialValue: false },
  );

  protected readonly territorySuggestions = toSignal(
    this.scope.controls.territoryQuery.valueChanges.pipe(
      map((q) => (typeof q === 'string' ? q.trim() : '')),
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((q) => (q.length < 2 ? of([]) : this.organisationsApi.territories(q).pipe(catchError(() => of([]))))),
    ),
    { initialValue: [] as Territory[] },
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

  protected addTerritory(event: MatAutocompleteSelectedEvent, input: HTMLInputElement): void {
    const territory = event.option.value as Territory;
    const current = this.scope.controls.territories.value;
    if (!current.some((t) => t.code === territory.code)) {
      this.scope.controls.territories.setValue([...current, territory]);
    }
    this.scope.controls.territoryQuery.setValue('');
    input.value = '';
  }

  protected removeTerritory(territory: Territory): void {
    this.scope.controls.territories.setValue(this.scope.controls.territories.value.filter((t) => t.code !== territory.code));
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
