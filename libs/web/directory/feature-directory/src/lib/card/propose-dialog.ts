import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
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
import { MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { AlliancesApi } from '@alliances/web/alliances/data-access';
import { ProposalsApi } from '@alliances/web/directory/data-access';
import { Notice } from '@alliances/web/ui';
import { PARTNERSHIP_CATEGORIES, type CreateProposalRequest, type PartnershipCategory, type Proposal } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

export interface ProposeDialogData {
  to: { id: string; name: string };
  /** The organisations the caller administers and may propose from. */
  from: { id: string; name: string }[];
  /** Picked first when it is among them (the organisation the directory was searched as). */
  preferredFrom?: string;
}

const MESSAGE_MAX = 2000;

/** "Proposer une alliance": from one of the caller's organisations, with a message; closes with the proposal. */
@Component({
  selector: 'all-propose-dialog',
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
    MatOption,
    MatSelect,
    TranslocoPipe,
    Notice,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'directory.propose.title' | transloco: { name: data.to.name } }}</h2>
    <form [formGroup]="form" (ngSubmit)="send()" novalidate>
      <mat-dialog-content>
        @if (errorKey(); as key) {
          <all-notice kind="error" data-testid="propose-error">{{ key | transloco }}</all-notice>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'directory.propose.from' | transloco }}</mat-label>
          <mat-select formControlName="fromOrganisationId" required data-testid="propose-from">
            @for (org of data.from; track org.id) {
              <mat-option [value]="org.id">{{ org.name }}</mat-option>
            }
          </mat-select>
          @if (form.controls.fromOrganisationId.invalid) {
            <mat-error>{{ 'directory.propose.errors.from' | transloco }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'directory.propose.message' | transloco }}</mat-label>
          <textarea matInput formControlName="message" rows="6" required data-testid="propose-message"></textarea>
          <mat-hint>{{ 'directory.propose.messageHint' | transloco }}</mat-hint>
          @if (form.controls.message.hasError('required')) {
            <mat-error>{{ 'directory.propose.errors.messageRequired' | transloco }}</mat-error>
          } @else if (form.controls.message.hasError('maxlength')) {
            <mat-error>{{ 'directory.propose.errors.messageTooLong' | transloco: { max: messageMax } }}</mat-error>
          } @else if (form.controls.message.invalid) {
            <mat-error>{{ 'directory.propose.errors.invalid' | transloco }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'directory.propose.category' | transloco }}</mat-label>
          <mat-select formControlName="category" data-testid="propose-category">
            <mat-option [value]="null">{{ 'directory.propose.noCategory' | transloco }}</mat-option>
            @for (category of categories; track category) {
              <mat-option [value]="category">{{ 'alliances.categories.' + category + '.label' | transloco }}</mat-option>
            }
          </mat-select>
          @if (form.controls.category.invalid) {
            <mat-error>{{ 'directory.propose.errors.invalid' | transloco }}</mat-error>
          }
        </mat-form-field>

        @if (ledAlliances().length) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'directory.propose.alliance' | transloco }}</mat-label>
            <mat-select formControlName="allianceId" data-testid="propose-alliance">
              <mat-option [value]="null">{{ 'directory.propose.newAlliance' | transloco }}</mat-option>
              @for (alliance of ledAlliances(); track alliance.id) {
                <mat-option [value]="alliance.id">{{ alliance.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'directory.propose.allianceHint' | transloco }}</mat-hint>
            @if (form.controls.allianceId.invalid) {
              <mat-error>{{ 'directory.propose.errors.invalid' | transloco }}</mat-error>
            }
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="null">{{ 'common.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" [disabled]="pending()" data-testid="propose-send">
          {{ (pending() ? 'directory.propose.sending' : 'directory.propose.send') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    mat-form-field {
      width: 100%;
      min-width: min(28rem, 70vw);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposeDialog {
  protected readonly data = inject<ProposeDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ProposeDialog, Proposal>>(MatDialogRef);
  private readonly proposals = inject(ProposalsApi);
  private readonly alliances = inject(AlliancesApi);

  protected readonly categories = PARTNERSHIP_CATEGORIES;
  protected readonly messageMax = MESSAGE_MAX;

  protected readonly form = inject(NonNullableFormBuilder).group({
    fromOrganisationId: [this.firstFrom(), Validators.required],
    message: ['', [Validators.required, Validators.maxLength(MESSAGE_MAX)]],
    category: new FormControl<PartnershipCategory | null>(null),
    allianceId: new FormControl<string | null>(null),
  });

  private readonly from = toSignal(this.form.controls.fromOrganisationId.valueChanges, {
    initialValue: this.form.controls.fromOrganisationId.value,
  });
  private readonly myAlliances = rxResource({ stream: () => this.alliances.list() });
  /** Alliances the chosen organisation leads and has not closed: the recipient could join one of them. */
  protected readonly ledAlliances = computed(() => {
    const from = this.from();
    const page = this.myAlliances.hasValue() ? this.myAlliances.value().items : [];
    return page.filter((a) => a.status !== 'closed' && a.myRoles.some((r) => r.organisationId === from && r.role === 'lead'));
  });

  protected readonly pending = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  constructor() {
    // An alliance led by another of the caller's organisations no longer fits.
    this.form.controls.fromOrganisationId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.allianceId.setValue(null));
  }

  protected async send(): Promise<void> {
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreateProposalRequest = {
      fromOrganisationId: value.fromOrganisationId,
      toOrganisationId: this.data.to.id,
      message: value.message.trim(),
      ...(value.category ? { category: value.category } : {}),
      ...(value.allianceId ? { allianceId: value.allianceId } : {}),
    };
    this.pending.set(true);
    try {
      this.dialogRef.close(await firstValueFrom(this.proposals.create(request)));
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.errorKey.set(errorMessageKey(error));
    } finally {
      this.pending.set(false);
    }
  }

  private firstFrom(): string {
    const { from, preferredFrom } = this.data;
    return from.find((o) => o.id === preferredFrom)?.id ?? from[0]?.id ?? '';
  }
}
