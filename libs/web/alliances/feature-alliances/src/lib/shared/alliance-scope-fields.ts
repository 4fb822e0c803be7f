import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatChipGrid, MatChipInput, MatChipListbox, MatChipOption, MatChipRemove, MatChipRow } from '@angular/material/chips';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { OrganisationsApi } from '@alliances/web/identity/data-access';
import {
  DOMAINS,
  INNOVATION_STAGES,
  TERRITORIAL_SCALES,
  type InnovationStage,
  type TerritorialScale,
  type Territory,
} from '@alliances/shared/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { errorOf } from './field-error';

/** The controls an alliance's scope is made of, in the wizard's scope step as in the edit dialog. */
export interface AllianceScopeControls {
  domains: FormControl<string[]>;
  scale: FormControl<TerritorialScale>;
  territories: FormControl<Territory[]>;
  territoryQuery: FormControl<string>;
  innovationStage: FormControl<InnovationStage | ''>;
}

/** A form group that holds the scope controls, and maybe others (name, purpose… in the edit dialog). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AllianceScopeGroup = FormGroup<any> & { controls: AllianceScopeControls };

/**
 * An alliance's scope: domains, territorial scale, territories (chips with an autocomplete on the
 * territory referential) and innovation stage, bound to the parent's form group.
 * `testIdPrefix` keeps each form's ids (`edit-` in the edit dialog, none in the wizard).
 */
@Component({
  selector: 'all-alliance-scope-fields',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSelect,
    MatOption,
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
    <div class="fields" [formGroup]="group()">
      <fieldset>
        <legend [id]="testIdPrefix() + 'domains-legend'">{{ 'alliances.wizard.domainsLegend' | transloco }}</legend>
        <mat-chip-listbox
          multiple
          formControlName="domains"
          [attr.aria-labelledby]="testIdPrefix() + 'domains-legend'"
          [attr.data-testid]="testIdPrefix() + 'alliance-domains'"
        >
          @for (key of domainKeys; track key) {
            <mat-chip-option [value]="key" [attr.data-testid]="testIdPrefix() + 'domain-' + key">{{
              'alliances.domains.' + key | transloco
            }}</mat-chip-option>
          }
          @for (key of otherDomains(); track key) {
            <mat-chip-option [value]="key">{{ key }}</mat-chip-option>
          }
        </mat-chip-listbox>
      </fieldset>
      <mat-form-field>
        <mat-label>{{ 'alliances.wizard.scale' | transloco }}</mat-label>
        <mat-select formControlName="scale" required [attr.data-testid]="testIdPrefix() + 'alliance-scale'">
          @for (key of scales; track key) {
            <mat-option [value]="key">{{ 'alliances.scales.' + key | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'alliances.wizard.territories' | transloco }}</mat-label>
        <mat-chip-grid #territoryGrid [attr.aria-label]="'alliances.wizard.territories' | transloco">
          @for (territory of group().controls.territories.value; track territory.code) {
            <mat-chip-row (removed)="removeTerritory(territory)" [attr.data-testid]="testIdPrefix() + 'alliance-territory'">
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
          [attr.data-testid]="testIdPrefix() + 'alliance-territory-input'"
        />
        <mat-autocomplete #territoryAuto (optionSelected)="addTerritory($event, territoryInput)">
          @for (territory of territorySuggestions(); track territory.code) {
            <mat-option [value]="territory">{{ territory.name }} ({{ territory.code }})</mat-option>
          }
        </mat-autocomplete>
        <mat-hint>{{ 'alliances.wizard.territoriesHint' | transloco }}</mat-hint>
        @if (errorOf(group().controls.territoryQuery); as e) {
          <mat-error>{{ e.key | transloco: e.params }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'alliances.wizard.innovationStage' | transloco }}</mat-label>
        <mat-select formControlName="innovationStage" [attr.data-testid]="testIdPrefix() + 'alliance-stage'">
          <mat-option value="">{{ 'alliances.wizard.noStage' | transloco }}</mat-option>
          @for (key of stages; track key) {
            <mat-option [value]="key">{{ 'alliances.stages.' + key | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
  `,
  styles: `
    /* The fields take their place in the parent's layout (the wizard step's grid, the dialog's column). */
    :host,
    .fields {
      display: contents;
    }
    mat-form-field {
      display: block;
      width: 100%;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      margin-bottom: 0.5rem;
      font: var(--mat-sys-title-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllianceScopeFields {
  private readonly organisations = inject(OrganisationsApi);

  /** The parent's form group holding the scope controls (it may hold others). */
  readonly group = input.required<AllianceScopeGroup>();
  /** Put before every id of the fields (`edit-` in the edit dialog), so each form keeps its own. */
  readonly testIdPrefix = input('');
  /** Domains typed freely before (not in the list) that stay choosable. */
  readonly otherDomains = input<readonly string[]>([]);

  protected readonly domainKeys = DOMAINS;
  protected readonly scales = TERRITORIAL_SCALES;
  protected readonly stages = INNOVATION_STAGES;
  protected readonly errorOf = errorOf;

  protected readonly territorySuggestions = toSignal(
    toObservable(this.group).pipe(
      switchMap((group) => group.controls.territoryQuery.valueChanges),
      map((q) => (typeof q === 'string' ? q.trim() : '')),
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((q) => (q.length < 2 ? of([]) : this.organisations.territories(q).pipe(catchError(() => of([]))))),
    ),
    { initialValue: [] as Territory[] },
  );

  protected addTerritory(event: MatAutocompleteSelectedEvent, input: HTMLInputElement): void {
    const territory = event.option.value as Territory;
    const { territories, territoryQuery } = this.group().controls;
    if (!territories.value.some((t) => t.code === territory.code)) territories.setValue([...territories.value, territory]);
    territoryQuery.setValue('');
    input.value = '';
  }

  protected removeTerritory(territory: Territory): void {
    const { territories } = this.group().controls;
    territories.setValue(territories.value.filter((t) => t.code !== territory.code));
  }
}
