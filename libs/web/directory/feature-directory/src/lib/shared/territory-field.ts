import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { OrganisationsApi } from '@alliances/web/identity/data-access';
import type { Territory } from '@alliances/shared/contracts';
import { debounceTime, distinctUntilChanged, map, startWith, switchMap } from 'rxjs';

/** A territory field holds the picked territory, or the text typed while searching. */
export type TerritoryValue = Territory | string | null;

/** Text typed in the territory field but no territory picked from the list. */
export function territoryChosen(control: AbstractControl<TerritoryValue>): ValidationErrors | null {
  const value = control.value;
  return typeof value === 'string' && value.trim() !== '' ? { territoryNotChosen: true } : null;
}

/** The code of the picked territory, if any. */
export function territoryCode(value: TerritoryValue): string | undefined {
  return value && typeof value !== 'string' ? value.code : undefined;
}

/** INSEE communes, départements and régions found by name or code, picked from a list. */
@Component({
  selector: 'all-territory-field',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    TranslocoPipe,
  ],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() | transloco }}</mat-label>
      <input
        matInput
        type="text"
        [formControl]="control()"
        autocomplete="off"
        [matAutocomplete]="territoryList"
        [attr.data-testid]="testId()"
      />
      <mat-autocomplete #territoryList="matAutocomplete" [displayWith]="display" (optionSelected)="picked()">
        @for (territory of options(); track territory.code) {
          <mat-option [value]="territory" [attr.data-testid]="'territory-' + territory.code">
            {{ territory.name }}
            <span class="territory-kind">{{ 'organisations.territoryKinds.' + territory.kind | transloco }} · {{ territory.code }}</span>
          </mat-option>
        }
      </mat-autocomplete>
      @if (hint(); as hint) {
        <mat-hint>{{ hint | transloco }}</mat-hint>
      }
      @if (control().invalid) {
        <mat-error>{{ 'organisations.apply.errors.invalidTerritory' | transloco }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
    .territory-kind {
      margin-left: 0.5rem;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TerritoryField {
  private readonly api = inject(OrganisationsApi);

  readonly control = input.required<FormControl<TerritoryValue>>();
  readonly label = input('organisations.apply.territory');
  readonly hint = input<string | null>('organisations.apply.territoryHint');
  readonly testId = input('territory-input');

  private readonly query = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) => control.valueChanges.pipe(startWith(control.value))),
      map((value) => (typeof value === 'string' ? value.trim() : '')),
      debounceTime(250),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  private readonly territories = rxResource({
    params: () => (this.query().length >= 2 ? this.query() : undefined),
    stream: ({ params }) => this.api.territories(params),
  });
  protected readonly options = computed(() => (this.territories.hasValue() ? this.territories.value() : []));

  protected readonly display = (value: TerritoryValue): string => {
    if (!value) return '';
    return typeof value === 'string' ? value : `${value.name} · ${value.code}`;
  };

  /** The autocomplete sets the value itself; marking it dirty lets forms tell a change from the initial value. */
  protected picked(): void {
    this.control().markAsDirty();
  }
}
