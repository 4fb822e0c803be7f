import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
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
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ALLIANCE_STATUSES,
  COLLECTIVE_OBJECTIVES,
  DOMAINS,
  PARTNERSHIP_CATEGORIES,
  SDG_CODES,
  sdgName,
  type Alliance,
  type AllianceStatus,
  type CollectiveObjective,
  type InnovationStage,
  type PartnershipCategory,
  type TerritorialScale,
  type Territory,
  type UpdateAllianceRequest,
} from '@alliances/shared/contracts';
import { atLeastOne, territoryOf } from '../shared/alliance-form';
import { AllianceScopeFields } from '../shared/alliance-scope-fields';
import { errorOf } from '../shared/field-error';

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
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    TranslocoPipe,
    AllianceScopeFields,
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
        <all-alliance-scope-fields [group]="form" testIdPrefix="edit-" [otherDomains]="otherDomains" />
        <mat-form-field>
          <mat-label>{{ 'alliances.edit.sdgs' | transloco }}</mat-label>
          <mat-select formControlName="sdgs" multiple data-testid="edit-alliance-sdgs">
            @for (code of sdgCodes; track code) {
              <mat-option [value]="code">{{ 'alliances.edit.sdgShort' | transloco }} {{ code }} — {{ sdgLabel(code) }}</mat-option>
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

  /** Closing has its own dialog, with a final note. */
  protected readonly statuses = ALLIANCE_STATUSES.filter((s) => s !== 'closed');
  protected readonly categories = PARTNERSHIP_CATEGORIES;
  protected readonly objectiveKeys = COLLECTIVE_OBJECTIVES;
  /** Domains typed freely at creation (not in the list) stay choosable. */
  protected readonly otherDomains = this.alliance.domains.filter((d) => !(DOMAINS as readonly string[]).includes(d));
  protected readonly errorOf = errorOf;
  /** UN Sustainable Development Goals and the partnership targets (17.x), by their official names. */
  protected readonly sdgCodes = SDG_CODES;
  private readonly lang = inject(TranslocoService).getActiveLang();

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
    sdgs: this.fb.control<string[]>([...(this.alliance.sdgs ?? [])]),
  });

  protected sdgLabel(code: string): string {
    return sdgName(code, this.lang === 'en' ? 'en' : 'fr');
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
      sdgs: v.sdgs,
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
      sdgs: a.sdgs ?? [],
    };
    // Name and purpose always travel (as before); the other fields only when they changed.
    const changes = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => key === 'name' || key === 'purpose' || !same(value, before[key])),
    ) as Omit<UpdateAllianceRequest, 'version'>;
    this.ref.close(changes);
  }
}
