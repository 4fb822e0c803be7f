import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger, MatOption } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatChipGrid, MatChipInput, MatChipRemove, MatChipRow } from '@angular/material/chips';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { TranslocoPipe } from '@jsverse/transloco';
import { errorMessageKey } from '@alliances/web/core';
import { CatalystApi, OrganisationsApi } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import type { Territory } from '@alliances/shared/contracts';
import { catchError, debounceTime, distinctUntilChanged, firstValueFrom, map, of, switchMap } from 'rxjs';

export interface CatalystGrantDialogData {
  organisationId: string;
  organisationName: string;
}

type GrantedTerritory = Pick<Territory, 'code' | 'name'>;

/** "Catalyseur territorial": the départements and régions an organisation animates. Closes with the codes saved. */
@Component({
  selector: 'all-catalyst-grant-dialog',
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
    MatChipGrid,
    MatChipRow,
    MatChipRemove,
    MatChipInput,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
    TranslocoPipe,
    Notice,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'catalyst.grant.title' | transloco: { name: data.organisationName } }}</h2>
    <mat-dialog-content>
      <p>{{ 'catalyst.grant.intro' | transloco }}</p>
      @if (error(); as key) {
        <all-notice kind="error" data-testid="catalyst-grant-error">{{ key | transloco }}</all-notice>
      }
      <mat-form-field appearance="outline">
        <mat-label>{{ 'catalyst.grant.territories' | transloco }}</mat-label>
        <mat-chip-grid #grid [attr.aria-label]="'catalyst.grant.territories' | transloco">
          @for (t of chosen(); track t.code) {
            <mat-chip-row (removed)="remove(t)" data-testid="catalyst-territory">
              {{ t.name }} ({{ t.code }})
              <button matChipRemove type="button" [attr.aria-label]="'catalyst.grant.remove' | transloco: { name: t.name }">
                <span aria-hidden="true">×</span>
              </button>
            </mat-chip-row>
          }
        </mat-chip-grid>
        <input
          #input
          [formControl]="query"
          [matChipInputFor]="grid"
          [matAutocomplete]="auto"
          autocomplete="off"
          data-testid="catalyst-territory-input"
        />
        <mat-autocomplete #auto (optionSelected)="add($event, input)">
          @for (t of suggestions(); track t.code) {
            <mat-option [value]="t">{{ t.name }} ({{ t.code }})</mat-option>
          }
        </mat-autocomplete>
        <mat-hint>{{ 'catalyst.grant.hint' | transloco }}</mat-hint>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="null">{{ 'common.cancel' | transloco }}</button>
      <button matButton type="button" [disabled]="saving() || current.isLoading()" (click)="save([])" data-testid="catalyst-revoke">
        {{ 'catalyst.grant.revoke' | transloco }}
      </button>
      <button
        matButton="filled"
        type="button"
        [disabled]="saving() || !chosen().length"
        (click)="save(chosen())"
        data-testid="catalyst-save"
      >
        {{ 'catalyst.grant.save' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-form-field {
      display: block;
      width: 100%;
      min-width: min(30rem, 70vw);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CatalystGrantDialog {
  protected readonly data = inject<CatalystGrantDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(CatalystApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly dialogRef = inject<MatDialogRef<CatalystGrantDialog, string[] | null>>(MatDialogRef);

  protected readonly query = new FormControl<string | Territory>('', { nonNullable: true });
  protected readonly chosen = signal<GrantedTerritory[]>([]);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  /** The territories granted so far (none when the organisation is not a catalyst yet). */
  protected readonly current = rxResource({
    stream: () =>
      this.api.adminGrant(this.data.organisationId).pipe(
        map((grant) => {
          const list = grant.territories.map(({ code, name }) => ({ code, name }));
          this.chosen.set(list);
          return list;
        }),
        catchError((error) => {
          this.error.set(errorMessageKey(error));
          return of([] as GrantedTerritory[]);
        }),
      ),
  });

  /** Départements and régions only: a catalyst animates a whole territory, not a commune. */
  protected readonly suggestions = toSignal(
    this.query.valueChanges.pipe(
      map((q) => (typeof q === 'string' ? q.trim() : '')),
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((q) =>
        q.length < 2
          ? of([])
          : this.organisations.territories(q).pipe(
              map((list) => list.filter((t) => t.kind !== 'commune')),
              catchError(() => of([])),
            ),
      ),
    ),
    { initialValue: [] as Territory[] },
  );

  protected add(event: MatAutocompleteSelectedEvent, input: HTMLInputElement): void {
    const territory = event.option.value as Territory;
    if (!this.chosen().some((t) => t.code === territory.code)) {
      this.chosen.update((list) => [...list, { code: territory.code, name: territory.name }]);
    }
    this.query.setValue('');
    input.value = '';
  }

  protected remove(territory: GrantedTerritory): void {
    this.chosen.update((list) => list.filter((t) => t.code !== territory.code));
  }

  protected async save(territories: GrantedTerritory[]): Promise<void> {
    this.error.set(null);
    this.saving.set(true);
    const territoryCodes = territories.map((t) => t.code);
    try {
      await firstValueFrom(this.api.setGrant(this.data.organisationId, { territoryCodes }));
      this.dialogRef.close(territoryCodes);
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.saving.set(false);
    }
  }
}
