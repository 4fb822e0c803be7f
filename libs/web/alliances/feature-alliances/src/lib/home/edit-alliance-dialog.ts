import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ALLIANCE_STATUSES,
  PARTNERSHIP_CATEGORIES,
  type Alliance,
  type AllianceStatus,
  type PartnershipCategory,
  type UpdateAllianceRequest,
} from '@alliances/shared/contracts';
import { errorOf } from '../shared/field-error';

/** The lead changes the name, purpose, category or status. Closes with the changes (the caller adds the version). */
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
    MatError,
    MatInput,
    MatSelect,
    MatOption,
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
          <mat-label>{{ 'alliances.home.category' | transloco }}</mat-label>
          <mat-select formControlName="category" data-testid="edit-alliance-category">
            @for (category of categories; track category) {
              <mat-option [value]="category">{{ 'alliances.categories.' + category + '.label' | transloco }}</mat-option>
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditAllianceDialog {
  private readonly alliance = inject<Alliance>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<EditAllianceDialog, Omit<UpdateAllianceRequest, 'version'>>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly statuses = ALLIANCE_STATUSES;
  protected readonly categories = PARTNERSHIP_CATEGORIES;
  protected readonly errorOf = errorOf;
  protected readonly form = this.fb.group({
    name: [this.alliance.name, [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    purpose: [this.alliance.purpose, [Validators.required, Validators.minLength(3), Validators.maxLength(4000)]],
    status: this.fb.control<AllianceStatus>(this.alliance.status),
    category: this.fb.control<PartnershipCategory>(this.alliance.category),
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, purpose, status, category } = this.form.getRawValue();
    this.ref.close({
      name: name.trim(),
      purpose: purpose.trim(),
      ...(status !== this.alliance.status ? { status } : {}),
      ...(category !== this.alliance.category ? { category } : {}),
    });
  }
}
