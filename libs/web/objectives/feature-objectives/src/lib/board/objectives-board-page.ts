import { ChangeDetectionStrategy, Component, OnDestroy, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCheckbox, MatCheckboxChange } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Milestone, Objective } from '@alliances/shared/contracts';
import { LiveComments } from '@alliances/web/comments/data-access';
import { CommentsPanel } from '@alliances/web/comments/feature-comments';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { ObjectivesApi } from '@alliances/web/objectives/data-access';
import { Notice } from '@alliances/web/ui';
import { clampedPercent, percent } from '../shared/format';
import { StatusChip } from '../shared/status-chip';
import { BenefitMatrixView } from './benefit-matrix';
import type { ChildDialogData, ObjectiveDialogData, OrganisationOption } from './dialog-data';
import { groupObjectives } from './group-objectives';
import { IndicatorDialog } from './indicator-dialog';
import { MilestoneDialog } from './milestone-dialog';
import { ObjectiveDialog } from './objective-dialog';

interface Feedback {
  kind: 'success' | 'error';
  key: string;
  params?: Record<string, string>;
}

/** The objectives board of an alliance, grouped by collective objective, and its benefit matrix. */
@Component({
  selector: 'all-objectives-board-page',
  imports: [
    MatButton,
    MatCheckbox,
    MatProgressBar,
    MatTabGroup,
    MatTab,
    RouterLink,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
    StatusChip,
    BenefitMatrixView,
    CommentsPanel,
  ],
  templateUrl: './objectives-board-page.html',
  styleUrl: './objectives-board-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ObjectivesBoardPage implements OnDestroy {
  private readonly api = inject(ObjectivesApi);
  private readonly dialog = inject(MatDialog);
  private readonly comments = inject(LiveComments);
  private joined: string | null = null;

  /** Route parameter: the alliance. */
  readonly id = input.required<string>();

  protected readonly percent = percent;
  protected readonly clampedPercent = clampedPercent;
  protected readonly alliance = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.alliance(params) });
  protected readonly objectives = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.list(params) });
  protected readonly matrix = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.matrix(params) });

  /** The objective whose discussion is open under its card. */
  protected readonly discussing = signal<string | null>(null);
  /** Partners discuss objectives; funders follow them without the partners' conversation. */
  protected readonly canDiscuss = computed(() => !this.comments.isRefused(this.id()));
  protected readonly commentCount = (objectiveId: string) =>
    this.comments.forTarget(this.id(), { type: 'objective', id: objectiveId }).filter((c) => !c.deletedAt).length;

  constructor() {
    // Joined for the whole board so each card shows its live comment count.
    effect(() => {
      const id = this.id();
      untracked(() => {
        if (this.joined === id) return;
        if (this.joined) this.comments.leave(this.joined);
        this.joined = id;
        this.comments.join(id);
      });
    });
  }

  ngOnDestroy(): void {
    if (this.joined) this.comments.leave(this.joined);
  }

  protected toggleDiscussion(objectiveId: string): void {
    this.discussing.update((open) => (open === objectiveId ? null : objectiveId));
  }

  /** Lead and partners change objectives and record check-ins; funders and observers read. */
  protected readonly canWrite = computed(() => this.alliance.value()?.can.writeCharter ?? false);
  protected readonly groups = computed(() =>
    this.objectives.hasValue() ? groupObjectives(this.objectives.value(), this.alliance.value()?.collectiveObjectives ?? []) : [],
  );
  protected readonly owners = computed<OrganisationOption[]>(() =>
    (this.alliance.value()?.members ?? [])
      .filter((m) => m.status === 'active')
      .map(({ organisationId, organisationName }) => ({ organisationId, organisationName })),
  );
  protected readonly ownOrganisations = computed(() =>
    (this.alliance.value()?.myRoles ?? []).filter((r) => r.status === 'active').map((r) => r.organisationId),
  );
  protected readonly feedback = signal<Feedback | null>(null);
  protected readonly exporting = signal(false);

  protected addObjective(): void {
    const ref = this.dialog.open<ObjectiveDialog, ObjectiveDialogData, Objective>(ObjectiveDialog, {
      data: { allianceId: this.id() },
      width: '36rem',
    });
    ref.afterClosed().subscribe((created) => {
      if (!created) return;
      this.feedback.set({ kind: 'success', key: 'objectives.board.created', params: { title: created.title } });
      this.refresh();
    });
  }

  protected addIndicator(objective: Objective): void {
    const ref = this.dialog.open<IndicatorDialog, ChildDialogData>(IndicatorDialog, {
      data: { objective, owners: this.owners() },
      width: '40rem',
    });
    ref.afterClosed().subscribe((created?: { name: string }) => {
      if (!created) return;
      this.feedback.set({ kind: 'success', key: 'objectives.board.indicatorCreated', params: { name: created.name } });
      this.objectives.reload();
    });
  }

  protected addMilestone(objective: Objective): void {
    const ref = this.dialog.open<MilestoneDialog, ChildDialogData>(MilestoneDialog, {
      data: { objective, owners: this.owners() },
      width: '36rem',
    });
    ref.afterClosed().subscribe((created?: { title: string }) => {
      if (!created) return;
      this.feedback.set({ kind: 'success', key: 'objectives.board.milestoneCreated', params: { title: created.title } });
      this.objectives.reload();
    });
  }

  protected async toggleMilestone(milestone: Milestone, change: MatCheckboxChange): Promise<void> {
    this.feedback.set(null);
    try {
      await firstValueFrom(this.api.setMilestoneDone(milestone.id, change.checked));
      this.objectives.reload();
    } catch (error) {
      change.source.checked = milestone.done;
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }

  protected async exportCsv(): Promise<void> {
    this.feedback.set(null);
    this.exporting.set(true);
    try {
      const blob = await this.api.exportCsv(this.id());
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'objectifs-indicateurs.csv';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      this.feedback.set({ kind: 'error', key: 'objectives.board.exportFailed' });
    } finally {
      this.exporting.set(false);
    }
  }

  protected errorKey(error: unknown): string {
    return errorMessageKey(error);
  }

  protected refresh(): void {
    this.objectives.reload();
    this.matrix.reload();
  }
}
