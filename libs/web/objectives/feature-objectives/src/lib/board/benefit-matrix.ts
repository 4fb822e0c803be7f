import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatOption } from '@angular/material/core';
import { MatSelect, MatSelectChange } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { MAGIC_SQUARE, type BenefitMatrix, type MagicSquare } from '@alliances/shared/contracts';
import { ObjectivesApi } from '@alliances/web/objectives/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';

/**
 * Matrice des bénéfices mutuels: partners × objectives, with the magic-square parts each objective
 * serves. A partner edits only the cells of its own organisations; those served by nothing stand out.
 */
@Component({
  selector: 'all-benefit-matrix',
  imports: [MatSelect, MatOption, TranslocoPipe, Notice],
  template: `
    <p>{{ 'objectives.matrix.intro' | transloco }}</p>
    @if (feedback(); as f) {
      <all-notice [kind]="f.kind" data-testid="matrix-feedback">{{ f.key | transloco: f.params }}</all-notice>
    }
    @if (!matrix().objectives.length) {
      <p>{{ 'objectives.matrix.noObjective' | transloco }}</p>
    } @else {
      <div class="scroll" tabindex="0" role="region" [attr.aria-label]="'objectives.board.tabMatrix' | transloco">
        <table data-testid="benefit-matrix">
          <caption class="cdk-visually-hidden">
            {{
              'objectives.board.tabMatrix' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'objectives.matrix.partner' | transloco }}</th>
              @for (o of matrix().objectives; track o.id) {
                <th scope="col">{{ o.title }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (p of matrix().partners; track p.organisationId) {
              <tr [class.without]="without().has(p.organisationId)" data-testid="matrix-row">
                <th scope="row">
                  {{ p.organisationName }}
                  @if (without().has(p.organisationId)) {
                    <span class="flag" data-testid="without-benefit">{{ 'objectives.matrix.withoutBenefit' | transloco }}</span>
                  }
                </th>
                @for (o of matrix().objectives; track o.id) {
                  <td>
                    @if (editable().has(p.organisationId)) {
                      <mat-select
                        multiple
                        [value]="cell(o.id, p.organisationId)"
                        (selectionChange)="save(o.id, p.organisationId, p.organisationName, $event)"
                        [aria-label]="'objectives.matrix.cellLabel' | transloco: { organisation: p.organisationName, objective: o.title }"
                        [placeholder]="'objectives.matrix.nothing' | transloco"
                        data-testid="matrix-cell-edit"
                      >
                        @for (s of squares; track s) {
                          <mat-option [value]="s">{{ 'objectives.square.' + s | transloco }}</mat-option>
                        }
                      </mat-select>
                    } @else {
                      @if (cell(o.id, p.organisationId).length) {
                        {{ cellText(o.id, p.organisationId) }}
                      } @else {
                        <span aria-hidden="true">{{ 'objectives.matrix.nothing' | transloco }}</span>
                      }
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      min-width: 100%;
    }
    th,
    td {
      border: 1px solid var(--mat-sys-outline-variant);
      padding: 0.5rem;
      text-align: left;
      vertical-align: top;
      min-width: 10rem;
    }
    tr.without th {
      background: #fef3c7;
      color: #713f12;
    }
    .flag {
      display: block;
      font-weight: 600;
      font-style: italic;
    }
    mat-select {
      min-width: 9rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BenefitMatrixView {
  private readonly api = inject(ObjectivesApi);
  private readonly transloco = inject(TranslocoService);

  readonly matrix = input.required<BenefitMatrix>();
  /** Organisations of the signed-in person in this alliance: the only cells they may edit. */
  readonly ownOrganisations = input<string[]>([]);
  readonly changed = output<void>();

  protected readonly squares = MAGIC_SQUARE;
  protected readonly without = computed(() => new Set(this.matrix().partnersWithoutBenefit));
  protected readonly editable = computed(() => new Set(this.ownOrganisations()));
  protected readonly feedback = signal<{ kind: 'success' | 'error'; key: string; params?: Record<string, string> } | null>(null);

  protected cell(objectiveId: string, organisationId: string): MagicSquare[] {
    return this.matrix().cells[objectiveId]?.[organisationId] ?? [];
  }

  protected cellText(objectiveId: string, organisationId: string): string {
    return this.cell(objectiveId, organisationId)
      .map((s) => this.transloco.translate(`objectives.square.${s}`))
      .join(', ');
  }

  protected async save(
    objectiveId: string,
    organisationId: string,
    organisation: string,
    change: MatSelectChange<MagicSquare[]>,
  ): Promise<void> {
    this.feedback.set(null);
    try {
      await firstValueFrom(this.api.setBenefit(objectiveId, organisationId, change.value));
      this.feedback.set({ kind: 'success', key: 'objectives.matrix.saved', params: { organisation } });
      this.changed.emit();
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }
}
