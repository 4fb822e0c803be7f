import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { EvaluationsApi } from '@alliances/web/evaluations/data-access';
import { Notice } from '@alliances/web/ui';
import type { EvaluationCampaign, EvaluationTemplate } from '@alliances/shared/contracts';
import { firstValueFrom, of } from 'rxjs';
import { LaunchForm } from './launch-form';
import { SchedulePanel } from './schedule-panel';
import { TemplateEditor } from './template-editor';
import { ValueCreatedPanel } from './value-created-panel';

/** An alliance's evaluation campaigns; the lead launches one and adapts the questionnaire. */
@Component({
  selector: 'all-campaigns-page',
  imports: [MatButton, RouterLink, TranslocoPipe, LocalDatePipe, Notice, LaunchForm, SchedulePanel, TemplateEditor, ValueCreatedPanel],
  templateUrl: './campaigns-page.html',
  styleUrl: '../evaluations.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignsPage {
  private readonly api = inject(EvaluationsApi);
  private readonly transloco = inject(TranslocoService);

  /** Route parameter: the alliance. */
  readonly id = input.required<string>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly alliance = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.alliance(params) });
  protected readonly campaigns = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.campaigns(params) });
  protected readonly isLead = computed(() => this.alliance.hasValue() && this.alliance.value().can.edit);
  /** The lead and partners read the evaluation schedule; a funder does not. */
  protected readonly isPartner = computed(
    () =>
      this.alliance.hasValue() &&
      this.alliance.value().myRoles.some((r) => r.status === 'active' && (r.role === 'lead' || r.role === 'partner')),
  );
  protected readonly templates = rxResource({
    params: () => (this.isLead() ? this.id() : undefined),
    stream: ({ params }) => (params ? this.api.templates(params) : of([] as EvaluationTemplate[])),
  });

  protected readonly launching = signal(false);
  protected readonly editing = signal<EvaluationTemplate | null>(null);
  protected readonly editingList = computed(() => {
    const t = this.editing();
    return t ? [t] : [];
  });
  protected readonly feedback = signal<{ kind: 'success' | 'error'; key: string; params?: Record<string, string> } | null>(null);
  protected readonly defaultTitle = computed(() =>
    this.transloco.translate('evaluations.launch.defaultName', { year: new Date().getFullYear() }),
  );

  protected launched(campaign: EvaluationCampaign): void {
    this.launching.set(false);
    this.campaigns.reload();
    this.feedback.set({ kind: 'success', key: 'evaluations.launch.done', params: { title: campaign.title } });
  }

  protected templateLabel(t: EvaluationTemplate): string {
    return t.allianceId ? t.title : this.transloco.translate('evaluations.templates.default');
  }

  /** A copy of the chosen questionnaire for this alliance, opened in the editor. */
  protected async adapt(from: EvaluationTemplate): Promise<void> {
    this.feedback.set(null);
    try {
      const title = this.transloco.translate('evaluations.templates.copyName', { title: this.templateLabel(from) });
      const copy = await firstValueFrom(this.api.copyTemplate(this.id(), { title, fromTemplateId: from.id }));
      this.templates.update((list) => [...(list ?? []), copy]);
      this.editing.set(copy);
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }

  protected saved(template: EvaluationTemplate): void {
    this.templates.update((list) => list?.map((t) => (t.id === template.id ? template : t)));
  }
}
