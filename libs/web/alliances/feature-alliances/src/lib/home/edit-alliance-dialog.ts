import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChipGrid, MatChipInput, MatChipListbox, MatChipOption, MatChipRemove, MatChipRow } from '@angular/material/chips';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { OrganisationsApi } from '@alliances/web/identity/data-access';
import {
  ALLIANCE_STATUSES,
  COLLECTIVE_OBJECTIVES,
  DOMAINS,
  INNOVATION_STAGES,
  PARTNERSHIP_CATEGORIES,
  TERRITORIAL_SCALES,
  type Alliance,
  type AllianceStatus,
  type CollectiveObjective,
  type InnovationStage,
  type PartnershipCategory,
  type TerritorialScale,
  type Territory,
  type UpdateAllianceRequest,
} from '@alliances/shared/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { errorOf } from '../shared/field-error';

const atLeastOne = (group: AbstractControl): ValidationErrors | null =>
  Object.values((group as FormGroup).controls).some((c) => c.value === true) ? null : { objectives: true };

const territoryOf = ({ code, name }: { code: string; name: string }): Territory => ({
  code,
  name,
  kind: code.length === 5 ? 'commune' : code.startsWith('R') ? 'region' : 'departement',
});

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The lead changes the alliance's profile: name, purpose, category, collective objectives, domains,
 * scale, territories, innovation stage and status (closing has its own dialog, with a final note).
 * Closes with the fields that changed only (the caller adds the version); each is journaled.
 */
@Component({
  selector: 'all-edit-alliance-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatChipListbox,
    MatChipOption,
    MatChipGrid,
    MatChipRow,
    MatChipRemove,
    MatChipInput,
    MatAutocomplete,
    MatAutocompleteTrigger,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'alliances.edit.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <mat-form-field>
          <mat-label>{{ 'alliances.wizard.name' | transloco }}</mat-label>
          <input matInput formControlName="name" required maxlength="200" data-testid="edit-alliance-name" />
          @if (errorOf(form.controls.name); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'alliances.wizard.purpose' | transloco }}</mat-label>
          <textarea matInput formControlName="purpose" required rows="4" maxlength="4000" data-testid="edit-alliance-purpose"></textarea>
          @if (errorOf(form.controls.purpose); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'alliances.wizard.categoryLegend' | transloco }}</mat-label>
          <mat-select formControlName="category" required data-testid="edit-alliance-category">
            @for (key of categories; track key) {
              <mat-option [value]="key">{{ 'alliances.categories.' + key + '.label' | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <fieldset [formGroup]="objectives" aria-describedby="edit-objectives-error" data-testid="edit-alliance-objectives">
          <legend>{{ 'alliances.wizard.objectivesLegend' | transloco }}</legend>
          @for (key of objectiveKeys; track key) {
            <mat-checkbox [formControlName]="key" [attr.data-testid]="'edit-objective-' + key">
              {{ 'alliances.objectiveOptions.' + key + '.label' | transloco }}
            </mat-checkbox>
          }
          <p id="edit-objectives-error" class="field-error" role="alert">
            @if (objectives.invalid) {
              {{ 'alliances.wizard.errors.objectives' | transloco }}
            }
          </p>
        </fieldset>
        <fieldset>
          <legend id="edit-domains-legend">{{ 'alliances.wizard.domainsLegend' | transloco }}</legend>
          <mat-chip-listbox multiple formControlName="domains" aria-labelledby="edit-domains-legend" data-testid="edit-alliance-domains">
            @for (key of domainKeys; track key) {
              <mat-chip-option [value]="key" [attr.data-testid]="'edit-domain-' + key">{{
                'alliances.domains.' + key | transloco
              }}</mat-chip-option>
            }
            @for (key of otherDomains; track key) {
              <mat-chip-option [value]="key">{{ key }}</mat-chip-option>
            }
          </mat-chip-listbox>
        </fieldset>
        <mat-form-field>
          <mat-label>{{ 'alliances.wizard.scale' | transloco }}</mat-label>
          <mat-select formControlName="scale" required data-testid="edit-alliance-scale">
            @for (key of scales; track key) {
              <mat-option [value]="key">{{ 'alliances.scales.' + key | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'alliances.wizard.territories' | transloco }}</mat-label>
          <mat-chip-grid #territoryGrid [attr.aria-label]="'alliances.wizard.territories' | transloco">
            @for (territory of form.controls.territories.value; track territory.code) {
              <mat-chip-row (removed)="removeTerritory(territory)" data-testid="edit-alliance-territory">
                {{ territory.name }} ({{ territory.code }})
                <button
                  matChipRemove
                  type="button"
                  [attr.aria-label]="'alliances.wizard.removeTerritory' | transloco: { name: territory.name }"
                >
                  <span aria-hidden="true">×</span>
                </button>
              </mat-chip-row>
            }
          </mat-chip-grid>
          <input
            #territoryInput
            formControlName="territoryQuery"
            [matChipInputFor]="territoryGrid"
            [matAutocomplete]="territoryAuto"
            autocomplete="off"
            data-testid="edit-alliance-territory-input"
          />
          <mat-autocomplete #territoryAuto (optionSelected)="addTerritory($event, territoryInput)">
            @for (territory of territorySuggestions(); track territory.code) {
              <mat-option [value]="territory">{{ territory.name }} ({{ territory.code }})</mat-option>
            }
          </mat-autocomplete>
          <mat-hint>{{ 'alliances.wizard.territoriesHint' | transloco }}</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'alliances.wizard.innovationStage' | transloco }}</mat-label>
          <mat-select formControlName="innovationStage" data-testid="edit-alliance-stage">
            <mat-option value="">{{ 'alliances.wizard.noStage' | transloco }}</mat-option>
            @for (key of stages; track key) {
              <mat-option [value]="key">{{ 'alliances.stages.' + key | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'alliances.edit.status' | transloco }}</mat-label>
          <mat-select formControlName="status" data-testid="edit-alliance-status">
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ 'alliances.status.' + status | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" data-testid="edit-alliance-save">{{ 'alliances.edit.save' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      display: block;
      width: 100%;
    }
    fieldset {
      border: 0;
      margin: 0 0 1rem;
      padding: 0;
      display: flex;
      flex-direction: column;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 0.25rem;
    }
    .field-error {
      color: var(--mat-sys-error);
      margin: 0;
      min-height: 1em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditAllianceDialog {
  private readonly alliance = inject<Alliance>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<EditAllianceDialog, Omit<UpdateAllianceRequest, 'version'>>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly organisations = inject(OrganisationsApi);

  /** Closing has its own dialog, with a final note. */
  protected readonly statuses = ALLIANCE_STATUSES.filter((s) => s !== 'closed');
  protected readonly categories = PARTNERSHIP_CATEGORIES;
  protected readonly objectiveKeys = COLLECTIVE_OBJECTIVES;
  protected readonly domainKeys = DOMAINS;
  /** Domains typed freely at creation (not in the list) stay choosable. */
  protected readonly otherDomains = this.alliance.domains.filter((d) => !(DOMAINS as readonly string[]).includes(d));
  protected readonly scales = TERRITORIAL_SCALES;
  protected readonly stages = INNOVATION_STAGES;
  protected readonly errorOf = errorOf;

  protected readonly objectives = this.fb.group(
    Object.fromEntries(
      COLLECTIVE_OBJECTIVES.map((key) => [key, this.fb.control(this.alliance.collectiveObjectives.includes(key))]),
    ) as Record<CollectiveObjective, FormControl<boolean>>,
    { validators: atLeastOne },
  );
  protected readonly form = this.fb.group({
    name: [this.alliance.name, [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    purpose: [this.alliance.purpose, [Validators.required, Validators.minLength(3), Validators.maxLength(4000)]],
    category: this.fb.control<PartnershipCategory>(this.alliance.category, Validators.required),
    objectives: this.objectives,
    domains: this.fb.control<string[]>([...this.alliance.domains]),
    scale: this.fb.control<TerritorialScale>(this.alliance.scale, Validators.required),
    territories: this.fb.control<Territory[]>(this.alliance.territories.map(territoryOf)),
    territoryQuery: this.fb.control(''),
    innovationStage: this.fb.control<InnovationStage | ''>(this.alliance.innovationStage ?? ''),
    status: this.fb.control<AllianceStatus>(this.alliance.status),
  });

  protected readonly territorySuggestions = toSignal(
    this.form.controls.territoryQuery.valueChanges.pipe(
      map((q) => (typeof q === 'string' ? q.trim() : '')),
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((q) => (q.length < 2 ? of([]) : this.organisations.territories(q).pipe(catchError(() => of([]))))),
    ),
    { initialValue: [] as Territory[] },
  );

  protected addTerritory(event: MatAutocompleteSelectedEvent, input: HTMLInputElement): void {
    const territory = event.option.value as Territory;
    const current = this.form.controls.territories.value;
    if (!current.some((t) => t.code === territory.code)) this.form.controls.territories.setValue([...current, territory]);
    input.value = '';
    this.form.controls.territoryQuery.setValue('');
  }

  protected removeTerritory(territory: Territory): void {
    this.form.controls.territories.setValue(this.form.controls.territories.value.filter((t) => t.code !== territory.code));
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const chosen = v.domains;
    // The alliance's domains keep their order; newly chosen ones follow in the order they are offered.
    const kept = this.alliance.domains.filter((d) => chosen.includes(d));
    const domains = [...kept, ...DOMAINS.filter((d) => chosen.includes(d) && !kept.includes(d))];
    const next: Omit<UpdateAllianceRequest, 'version'> = {
      name: v.name.trim(),
      purpose: v.purpose.trim(),
      category: v.category,
      collectiveObjectives: COLLECTIVE_OBJECTIVES.filter((key) => v.objectives[key]),
      domains,
      scale: v.scale,
      territoryCodes: v.territories.map((t) => t.code),
      ...(v.innovationStage ? { innovationStage: v.innovationStage } : {}),
      status: v.status,
    };
    const a = this.alliance;
    const before: Record<string, unknown> = {
      name: a.name,
      purpose: a.purpose,
      category: a.category,
      collectiveObjectives: a.collectiveObjectives,
      domains: a.domains,
      scale: a.scale,
      territoryCodes: a.territoryCodes,
      innovationStage: a.innovationStage ?? undefined,
      status: a.status,
    };
    // Name and purpose always travel (as before); the other fields only when they changed.
    const changes = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => key === 'name' || key === 'purpose' || !same(value, before[key])),
    ) as Omit<UpdateAllianceRequest, 'version'>;
    this.ref.close(changes);
  }
}
