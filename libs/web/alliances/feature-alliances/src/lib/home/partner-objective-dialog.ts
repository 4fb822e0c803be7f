import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { DiagnosticsApi } from '@alliances/web/diagnostics/data-access';
import { catchError, of } from 'rxjs';
import { MAGIC_SQUARE, type Contributions, type MagicSquare, type PartnerObjective } from '@alliances/shared/contracts';

export interface PartnerObjectiveDialogData {
  organisationName: string;
  objective: PartnerObjective | null;
  /** Pre-fills an empty square from this organisation's latest self-diagnostic. */
  organisationId?: string;
}

const CONTRIBUTION_KINDS = ['human', 'financial', 'material', 'skills'] as const;

/** A partner describes what it seeks (carré magique), expects and brings (apports). Closes with the objective. */
@Component({
  selector: 'all-partner-objective-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatInput,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'alliances.objectiveForm.title' | transloco: { organisation: data.organisationName } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <fieldset>
          <legend>{{ 'alliances.objectiveForm.squareLegend' | transloco }}</legend>
          @if (prefilled()) {
            <p data-testid="diagnostic-prefill">{{ 'diagnostics.prefilled' | transloco }}</p>
          }
          <div class="square" formGroupName="square">
            @for (key of squareKeys; track key) {
              <mat-checkbox [formControlName]="key" [attr.data-testid]="'objective-square-' + key">{{
                'alliances.square.' + key | transloco
              }}</mat-checkbox>
            }
          </div>
        </fieldset>
        <mat-form-field>
          <mat-label>{{ 'alliances.objectiveForm.expectations' | transloco }}</mat-label>
          <textarea matInput formControlName="expectations" rows="3" maxlength="4000" data-testid="objective-expectations"></textarea>
        </mat-form-field>
        <fieldset formGroupName="contributions">
          <legend>{{ 'alliances.objectiveForm.contributionsLegend' | transloco }}</legend>
          @for (kind of contributionKinds; track kind) {
            <mat-form-field>
              <mat-label>{{ 'alliances.contributions.' + kind | transloco }}</mat-label>
              <textarea
                matInput
                [formControlName]="kind"
                rows="2"
                maxlength="2000"
                [attr.data-testid]="'objective-contribution-' + kind"
              ></textarea>
            </mat-form-field>
          }
        </fieldset>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" data-testid="objective-save">{{ 'alliances.objectiveForm.save' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    fieldset {
      margin: 0 0 1rem;
      padding: 0;
      border: 0;
    }
    legend {
      margin-bottom: 0.5rem;
      font: var(--mat-sys-title-small);
    }
    .square {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    }
    mat-form-field {
      display: block;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerObjectiveDialog {
  protected readonly data = inject<PartnerObjectiveDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<PartnerObjectiveDialog, PartnerObjective>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly squareKeys = MAGIC_SQUARE;
  protected readonly contributionKinds = CONTRIBUTION_KINDS;

  protected readonly form = this.fb.group({
    square: this.fb.group(
      Object.fromEntries(MAGIC_SQUARE.map((key) => [key, this.fb.control(this.data.objective?.square.includes(key) ?? false)])) as Record<
        MagicSquare,
        FormControl<boolean>
      >,
    ),
    expectations: [this.data.objective?.expectations ?? '', Validators.maxLength(4000)],
    contributions: this.fb.group(
      Object.fromEntries(
        CONTRIBUTION_KINDS.map((kind) => [
          kind,
          this.fb.control(this.data.objective?.contributions[kind] ?? '', Validators.maxLength(2000)),
        ]),
      ) as Record<keyof Contributions, FormControl<string>>,
    ),
  });

  protected readonly prefilled = signal(false);

  constructor() {
    const organisationId = this.data.organisationId;
    if (!organisationId || this.data.objective?.square.length) return;
    inject(DiagnosticsApi)
      .latest(organisationId)
      .pipe(
        catchError(() => of(null)),
        takeUntilDestroyed(),
      )
      .subscribe((diagnostic) => {
        const square = this.form.controls.square;
        if (!diagnostic?.suggestedSquare.length || square.dirty) return;
        square.patchValue(Object.fromEntries(MAGIC_SQUARE.map((key) => [key, diagnostic.suggestedSquare.includes(key)])));
        this.prefilled.set(true);
      });
  }

  protected save(): void {
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    const contributions: Contributions = {};
    for (const kind of CONTRIBUTION_KINDS) {
      const text = value.contributions[kind].trim();
      if (text) contributions[kind] = text;
    }
    this.ref.close({
      square: MAGIC_SQUARE.filter((key) => value.square[key]),
      expectations: value.expectations.trim(),
      contributions,
    });
  }
}
