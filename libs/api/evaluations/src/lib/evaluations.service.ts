import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AuditService,
  DomainException,
  InvalidInputException,
  MailService,
  NotFoundDomainException,
  type AppConfig,
  type AuthUser,
  returnedRows,
} from '@alliances/api/core';
import { AlliancePolicy, AlliancesReader, type AllianceAccess, notFoundUnlessClosed } from '@alliances/api/alliances';
import { ObjectivesReader } from '@alliances/api/objectives';
import { NotificationsService } from '@alliances/api/notifications';
import { OrganisationsReader } from '@alliances/api/organisations';
import {
  aggregateByOrganisation,
  COLLECTIVE_OBJECTIVES,
  distribution,
  EVALUATION_DIMENSIONS,
  mean,
  type AnswerInput,
  type CampaignSummary,
  type CollectiveObjective,
  type EvaluationAction,
  type EvaluationCampaign,
  type EvaluationQuestion,
  type EvaluationResults,
  type EvaluationTemplate,
  type CampaignTrend,
  type FieldError,
  type MyResponse,
  type OrganisationProfile,
  type TemplateQuestionInput,
} from '@alliances/shared/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DEFAULT_QUESTIONS, DEFAULT_TEMPLATE_ID } from './default-template';
import { campaignMeans, resultBreakdowns } from './result-breakdowns';
import { EvaluationSummaries } from './evaluation-summaries';
import { campaignQuestions, questionsFor, scoredQuestions } from './question-blocks';
import { squareServed } from './square-served';
import {
  EvaluationActionEntity,
  EvaluationCampaignEntity,
  EvaluationParticipantEntity,
  EvaluationResponseEntity,
  EvaluationTemplateEntity,
  EvaluationTemplateQuestionEntity,
} from './evaluation.entities';

const MAILS = {
  invitation: {
    fr: (a: string, t: string, d: string, link: string) => ({
      subject: `Évaluation partenariale : ${t}`,
      text: `Bonjour,\n\nL'alliance « ${a} » lance son évaluation partenariale « ${t} ». Vos réponses restent confidentielles : seuls des résultats agrégés seront montrés, après la clôture du ${d}.\n\nRépondre (quelques minutes) : ${link}\n`,
    }),
    en: (a: string, t: string, d: string, link: string) => ({
      subject: `Partnership evaluation: ${t}`,
      text: `Hello,\n\nThe alliance "${a}" is running its partnership evaluation "${t}". Your answers stay confidential: only aggregated results are shown, after it closes on ${d}.\n\nAnswer (a few minutes): ${link}\n`,
    }),
  },
  reminder: {
    fr: (a: string, t: string, d: string, link: string) => ({
      subject: `Rappel : évaluation « ${t} » close le ${d}`,
      text: `Bonjour,\n\nL'évaluation partenariale « ${t} » de l'alliance « ${a} » se termine le ${d}. Vous n'avez pas encore envoyé vos réponses.\n\n${link}\n`,
    }),
    en: (a: string, t: string, d: string, link: string) => ({
      subject: `Reminder: evaluation "${t}" closes on ${d}`,
      text: `Hello,\n\nThe partnership evaluation "${t}" of the alliance "${a}" ends on ${d}. You have not sent your answers yet.\n\n${link}\n`,
    }),
  },
};
const REMIND_BEFORE_MS = 48 * 3_600_000;
/** An action not done is recalled once, this many days before its due date (or when already overdue). */
const ACTION_DUE_WITHIN_DAYS = 3;

@Injectable()
export class EvaluationsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Evaluations');

  constructor(
    // The DataSource for the transactions of the template seed, a template copy or edit and a campaign launch.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly objectives: ObjectivesReader,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationsReader,
    private readonly notifications: NotificationsService,
    private readonly summaries: EvaluationSummaries,
  ) {}

  /** Seeds the default template once; several instances starting together insert it once. */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query(
        `INSERT INTO evaluation_templates (id, alliance_id, title) VALUES ($1, NULL, $2) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [DEFAULT_TEMPLATE_ID, 'Évaluation partenariale (modèle Le RAMEAU)'],
      );
      if (!inserted.length) return;
      await manager.insert(
        EvaluationTemplateQuestionEntity,
        DEFAULT_QUESTIONS.map((q, position) => ({
          templateId: DEFAULT_TEMPLATE_ID,
          position,
          dimension: q.dimension,
          focus: q.focus,
          textFr: q.fr,
          textEn: q.en,
        })),
      );
    });
  }

  // Templates ------------------------------------------------------------------------------------

  private async template(id: string): Promise<EvaluationTemplate | undefined> {
    const t = await this.dataSource.manager.findOne(EvaluationTemplateEntity, { where: { id } });
    if (!t) return undefined;
    const questions = await this.dataSource.manager.find(EvaluationTemplateQuestionEntity, {
      where: { templateId: id },
      order: { position: 'ASC' },
    });
    return {
      id: t.id,
      allianceId: t.allianceId,
      title: t.title,
      questions: questions.map((q) => ({
        id: q.id,
        position: q.position,
        dimension: q.dimension,
        focus: q.focus,
        text: { fr: q.textFr, en: q.textEn },
      })),
    };
  }

  /** Templates are how the partners prepare their evaluation: not part of a funder's view. */
  async templates(user: AuthUser, allianceId: string): Promise<EvaluationTemplate[]> {
    await this.policy.partnerReadable(user, allianceId);
    const own = await this.dataSource.manager.find(EvaluationTemplateEntity, {
      where: [{ allianceId }, { allianceId: IsNull() }],
      order: { createdAt: 'ASC' },
    });
    return (await Promise.all(own.map((t) => this.template(t.id)))).filter((t): t is EvaluationTemplate => !!t);
  }

  /** Copies a template (the default one unless said otherwise) into the alliance, to adapt it. */
  async copyTemplate(
    user: AuthUser,
    allianceId: string,
    input: { title: string; fromTemplateId?: string },
    ip: string | null,
  ): Promise<EvaluationTemplate> {
    const access = await this.policy.readable(user, allianceId);
    this.assertContributor(access);
    const source = await this.usableTemplate(allianceId, input.fromTemplateId ?? DEFAULT_TEMPLATE_ID);
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(EvaluationTemplateEntity, { allianceId, title: input.title.trim() }));
      await manager.insert(
        EvaluationTemplateQuestionEntity,
        source.questions.map((q, position) => ({
          templateId: saved.id,
          position,
          dimension: q.dimension,
          focus: q.focus,
          textFr: q.text.fr,
          textEn: q.text.en,
        })),
      );
      await this.audit.record(
        { actorId: user.id, action: 'evaluation.template_copied', objectType: 'evaluation_template', objectId: saved.id, allianceId, ip },
        manager,
      );
      return saved.id;
    });
    return (await this.template(id)) as EvaluationTemplate;
  }

  /** Replaces the questions of an alliance's own template: add, edit, drop and reorder in one go. */
  async setQuestions(
    user: AuthUser,
    templateId: string,
    questions: TemplateQuestionInput[],
    ip: string | null,
  ): Promise<EvaluationTemplate> {
    const t = await this.dataSource.manager.findOne(EvaluationTemplateEntity, { where: { id: templateId } });
    if (!t || !t.allianceId) throw new NotFoundDomainException('evaluation_template');
    const access = await this.policy.readable(user, t.allianceId).catch(notFoundUnlessClosed('evaluation_template'));
    this.assertContributor(access);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(EvaluationTemplateQuestionEntity, { templateId });
      await manager.insert(
        EvaluationTemplateQuestionEntity,
        questions.map((q, position) => ({
          templateId,
          position,
          dimension: q.dimension,
          focus: q.focus,
          textFr: q.text.fr.trim(),
          textEn: q.text.en.trim(),
        })),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'evaluation.template_edited',
          objectType: 'evaluation_template',
          objectId: templateId,
          allianceId: t.allianceId,
          ip,
          details: { questions: questions.length },
        },
        manager,
      );
    });
    return (await this.template(templateId)) as EvaluationTemplate;
  }

  private async usableTemplate(allianceId: string, templateId: string): Promise<EvaluationTemplate> {
    const t = await this.template(templateId);
    if (!t || (t.allianceId !== null && t.allianceId !== allianceId)) {
      throw new InvalidInputException([{ field: 'templateId', messages: ['unknown template'], codes: ['unknownTemplate'] }]);
    }
    return t;
  }

  private assertContributor(access: AllianceAccess): void {
    if (!access.canWriteCharter)
      throw new DomainException('evaluation.partner_required', 'Only the lead and partner organisations may prepare evaluations');
  }

  // Campaigns ------------------------------------------------------------------------------------

  /** The lead launches a campaign: questions frozen, every member of every lead/partner organisation invited. */
  async launch(
    user: AuthUser,
    allianceId: string,
    input: { title: string; templateId?: string; closesAt: string; blocks?: CollectiveObjective[] },
    ip: string | null,
  ): Promise<EvaluationCampaign> {
    await this.policy.editable(user, allianceId);
    const closesAt = new Date(input.closesAt);
    if (closesAt.getTime() <= Date.now() + 60_000)
      throw new InvalidInputException([{ field: 'closesAt', messages: ['closesAt must be in the future'], codes: ['closesAtInPast'] }]);
    const id = await this.startCampaign({
      allianceId,
      actorId: user.id,
      ip,
      title: input.title,
      templateId: input.templateId,
      closesAt,
      blocks: input.blocks,
    });
    return this.get(user, id as string);
  }

  /**
   * Launches a campaign (the lead's launch, or the evaluation schedule's): the template's questions, a
   * block per collective objective the alliance pursues (or those chosen), the magic-square question
   * when a partner has such an objective; every member of every lead/partner organisation invited and
   * notified. `claim` runs first in the same transaction: false (the schedule's due date already taken
   * by another run) launches nothing and returns null.
   */
  async startCampaign(input: {
    allianceId: string;
    actorId: string | null;
    ip: string | null;
    title: string;
    templateId?: string;
    closesAt: Date;
    blocks?: CollectiveObjective[];
    scheduledFor?: string;
    claim?: (manager: EntityManager) => Promise<boolean>;
  }): Promise<string | null> {
    const { allianceId, closesAt } = input;
    const profile = await this.alliances.evaluationProfile(allianceId);
    if (!profile) throw new NotFoundDomainException('alliance');
    const unknown = (input.blocks ?? []).filter((b) => !profile.collectiveObjectives.includes(b));
    if (unknown.length)
      throw new InvalidInputException([
        { field: 'blocks', messages: [`not a collective objective of this alliance: ${unknown.join(', ')}`], codes: ['notPursued'] },
      ]);
    const template = await this.usableTemplate(allianceId, input.templateId ?? DEFAULT_TEMPLATE_ID);
    if (!template.questions.length)
      throw new InvalidInputException([{ field: 'templateId', messages: ['the template has no question'], codes: ['emptyTemplate'] }]);
    const blocks = COLLECTIVE_OBJECTIVES.filter((o) => (input.blocks ?? profile.collectiveObjectives).includes(o));
    const squareObjectives = Object.fromEntries(profile.squares.map((s) => [s.organisationId, s.square]));
    const questions = campaignQuestions(template.questions, blocks, profile.squares.length > 0);
    const launched = await this.dataSource.transaction(async (manager) => {
      if (input.claim && !(await input.claim(manager))) return null;
      const saved = await manager.save(
        manager.create(EvaluationCampaignEntity, {
          allianceId,
          title: input.title.trim(),
          closesAt,
          minRespondents: this.config.evaluationMinRespondents,
          questions,
          templateId: template.id,
          launchedBy: input.actorId,
          squareObjectives: profile.squares.length ? squareObjectives : null,
          scheduledFor: input.scheduledFor ?? null,
        }),
      );
      // One seat per person: a person in two partner organisations answers once, for the first.
      const invitees: { user_id: string; organisation_id: string; email: string; locale: 'fr' | 'en' }[] = await manager.query(
        `SELECT DISTINCT ON (m.user_id) m.user_id, m.organisation_id, u.email, u.locale
           FROM alliance_members am JOIN memberships m ON m.organisation_id = am.organisation_id JOIN users u ON u.id = m.user_id
          WHERE am.alliance_id = $1 AND am.status = 'active' AND am.role IN ('lead', 'partner') AND u.deleted_at IS NULL AND u.disabled_at IS NULL
          ORDER BY m.user_id, am.role, m.organisation_id`,
        [allianceId],
      );
      if (invitees.length)
        await manager.insert(
          EvaluationParticipantEntity,
          invitees.map((i) => ({ campaignId: saved.id, userId: i.user_id, organisationId: i.organisation_id })),
        );
      const notified = await this.notifications.notify(
        {
          userIds: invitees.map((i) => i.user_id),
          type: 'evaluation_launched',
          allianceId,
          actorId: input.actorId,
          excerpt: saved.title,
          link: `/evaluations/${saved.id}`,
          mailedByCaller: true,
        },
        manager,
      );
      await this.audit.record(
        {
          actorId: input.actorId,
          action: 'evaluation.launched',
          objectType: 'evaluation',
          objectId: saved.id,
          allianceId,
          ip: input.ip,
          details: {
            invited: invitees.length,
            blocks,
            ...(input.scheduledFor ? { by: 'schedule', scheduledFor: input.scheduledFor } : {}),
          },
        },
        manager,
      );
      return { campaign: saved, invitees, notified };
    });
    if (!launched) return null;
    const { campaign, invitees, notified } = launched;
    this.notifications.changed(notified);
    // The invitation is this kind's mail: sent at once to those who chose so, with its unsubscribe link.
    const atOnce = await this.notifications.immediateRecipients(
      invitees.map((i) => i.user_id),
      'evaluation_launched',
    );
    const day = closesAt.toISOString().slice(0, 10);
    for (const invitee of invitees.filter((i) => atOnce.has(i.user_id))) {
      const content = MAILS.invitation[invitee.locale === 'en' ? 'en' : 'fr'](
        profile.name,
        campaign.title,
        day,
        `${this.config.publicUrl}/evaluations/${campaign.id}`,
      );
      await this.mail
        .send({
          to: invitee.email,
          ...content,
          text: content.text + this.notifications.mailFooter(invitee.user_id, 'evaluation_launched', invitee.locale),
          headers: this.notifications.unsubscribeHeaders(invitee.user_id, 'evaluation_launched'),
        })
        .catch((e: Error) => this.logger.warn(`invitation mail failed: ${e.message}`));
    }
    return campaign.id;
  }

  private async campaignFor(user: AuthUser, id: string): Promise<{ campaign: EvaluationCampaignEntity; access: AllianceAccess }> {
    const campaign = await this.dataSource.manager.findOne(EvaluationCampaignEntity, { where: { id } });
    if (!campaign) throw new NotFoundDomainException('evaluation');
    const access = await this.policy.readable(user, campaign.allianceId).catch(notFoundUnlessClosed('evaluation'));
    return { campaign, access };
  }

  private async counts(campaignIds: string[]): Promise<Map<string, { invited: number; submitted: number }>> {
    if (!campaignIds.length) return new Map();
    const rows: { campaign_id: string; invited: number; submitted: number }[] = await this.dataSource.query(
      `SELECT p.campaign_id, count(*)::int AS invited, count(r.submitted_at)::int AS submitted
         FROM evaluation_participants p LEFT JOIN evaluation_responses r ON r.campaign_id = p.campaign_id AND r.user_id = p.user_id
        WHERE p.campaign_id = ANY($1::uuid[]) GROUP BY p.campaign_id`,
      [campaignIds],
    );
    return new Map(rows.map((r) => [r.campaign_id, { invited: r.invited, submitted: r.submitted }]));
  }

  async list(user: AuthUser, allianceId: string): Promise<CampaignSummary[]> {
    await this.policy.readable(user, allianceId);
    const campaigns = await this.dataSource.manager.find(EvaluationCampaignEntity, { where: { allianceId }, order: { createdAt: 'DESC' } });
    const counts = await this.counts(campaigns.map((c) => c.id));
    return campaigns.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      closesAt: c.closesAt.toISOString(),
      closedAt: c.closedAt?.toISOString() ?? null,
      submittedCount: counts.get(c.id)?.submitted ?? 0,
      invitedCount: counts.get(c.id)?.invited ?? 0,
    }));
  }

  async get(user: AuthUser, id: string): Promise<EvaluationCampaign> {
    const { campaign, access } = await this.campaignFor(user, id);
    const counts = (await this.counts([id])).get(id);
    const participant = await this.dataSource.manager.findOne(EvaluationParticipantEntity, { where: { campaignId: id, userId: user.id } });
    return {
      id: campaign.id,
      allianceId: campaign.allianceId,
      title: campaign.title,
      status: campaign.status,
      closesAt: campaign.closesAt.toISOString(),
      closedAt: campaign.closedAt?.toISOString() ?? null,
      createdAt: campaign.createdAt.toISOString(),
      questions: participant ? this.askedOf(campaign, participant.organisationId) : campaign.questions,
      minRespondents: campaign.minRespondents,
      submittedCount: counts?.submitted ?? 0,
      invitedCount: counts?.invited ?? 0,
      canRespond: campaign.status === 'open' && !!participant,
      canClose: campaign.status === 'open' && access.canEdit,
    };
  }

  /** The questions one organisation's people answer: its square question names its own objective, none without one. */
  private askedOf(campaign: EvaluationCampaignEntity, organisationId: string): EvaluationQuestion[] {
    return questionsFor(campaign.questions, campaign.squareObjectives?.[organisationId]);
  }

  // Responses ------------------------------------------------------------------------------------

  async myResponse(user: AuthUser, id: string): Promise<MyResponse> {
    await this.campaignFor(user, id);
    const participant = await this.dataSource.manager.findOne(EvaluationParticipantEntity, { where: { campaignId: id, userId: user.id } });
    if (!participant) throw new DomainException('evaluation.not_invited', 'You are not among the respondents of this evaluation');
    const response = await this.dataSource.manager.findOne(EvaluationResponseEntity, { where: { campaignId: id, userId: user.id } });
    return {
      answers: response?.answers ?? [],
      submittedAt: response?.submittedAt?.toISOString() ?? null,
      updatedAt: response?.updatedAt.toISOString() ?? null,
      organisationId: participant.organisationId,
    };
  }

  /** Saves a draft or submits; a respondent may change their answers until the close. */
  async saveResponse(
    user: AuthUser,
    id: string,
    input: { answers: AnswerInput[]; submit?: boolean },
    ip: string | null,
  ): Promise<MyResponse> {
    const { campaign } = await this.campaignFor(user, id);
    const participant = await this.dataSource.manager.findOne(EvaluationParticipantEntity, { where: { campaignId: id, userId: user.id } });
    if (!participant) throw new DomainException('evaluation.not_invited', 'You are not among the respondents of this evaluation');
    if (campaign.status !== 'open' || campaign.closesAt.getTime() <= Date.now())
      throw new DomainException('evaluation.closed', 'This evaluation is closed');
    const asked = this.askedOf(campaign, participant.organisationId);
    const known = new Set(asked.map((q) => q.id));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.answers.forEach((a, i) => {
      if (!known.has(a.questionId))
        errors.push({ field: `answers.${i}.questionId`, messages: ['not a question of this evaluation'], codes: ['unknownQuestion'] });
      if (seen.has(a.questionId))
        errors.push({ field: `answers.${i}.questionId`, messages: ['answered twice'], codes: ['duplicateAnswer'] });
      seen.add(a.questionId);
    });
    // Once sent, answers stay complete: a later save must keep every question answered, so the
    // results never count a response that lost some of its answers.
    const previous = await this.dataSource.manager.findOne(EvaluationResponseEntity, { where: { campaignId: id, userId: user.id } });
    if (input.submit || previous?.submittedAt) {
      asked.forEach((q) => {
        if (!seen.has(q.id))
          errors.push({ field: `answers`, messages: [`question ${q.position + 1} is not answered`], codes: ['missingAnswer'] });
      });
    }
    if (errors.length) throw new InvalidInputException(errors);
    const answers = input.answers.map((a) => ({
      questionId: a.questionId,
      score: a.score,
      ...(a.comment?.trim() ? { comment: a.comment.trim() } : {}),
    }));
    await this.dataSource.query(
      `INSERT INTO evaluation_responses (campaign_id, user_id, organisation_id, answers, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END, now())
       ON CONFLICT (campaign_id, user_id) DO UPDATE SET answers = EXCLUDED.answers,
         submitted_at = CASE WHEN $5 THEN now() ELSE evaluation_responses.submitted_at END, updated_at = now()`,
      [id, user.id, participant.organisationId, JSON.stringify(answers), !!input.submit],
    );
    if (input.submit)
      await this.audit.record({
        actorId: user.id,
        action: 'evaluation.response_submitted',
        objectType: 'evaluation',
        objectId: id,
        allianceId: campaign.allianceId,
        ip,
      });
    return this.myResponse(user, id);
  }

  // Closing --------------------------------------------------------------------------------------

  async close(user: AuthUser, id: string, ip: string | null): Promise<EvaluationCampaign> {
    const { campaign, access } = await this.campaignFor(user, id);
    if (!access.canEdit) throw new DomainException('alliance.lead_required', 'Only the lead organisation may close an evaluation');
    // The observatory's summary is written with the close (issue 18).
    const result = await this.dataSource.transaction(async (manager) => {
      const updated = await manager.update(EvaluationCampaignEntity, { id, status: 'open' }, { status: 'closed', closedAt: new Date() });
      if (updated.affected) await this.summaries.write(manager, [id]);
      return updated;
    });
    if (!result.affected) throw new DomainException('evaluation.closed', 'This evaluation is already closed');
    await this.audit.record({
      actorId: user.id,
      action: 'evaluation.closed',
      objectType: 'evaluation',
      objectId: id,
      allianceId: campaign.allianceId,
      ip,
    });
    return this.get(user, id);
  }

  /** A scheduled job: closes the campaigns whose date has passed; returns how many. */
  async closeDue(): Promise<number> {
    const closed: { id: string; alliance_id: string }[] = await this.dataSource.transaction(async (manager) => {
      const rows: { id: string; alliance_id: string }[] = returnedRows(
        await manager.query(
          `UPDATE evaluation_campaigns SET status = 'closed', closed_at = now() WHERE status = 'open' AND closes_at <= now() RETURNING id, alliance_id`,
        ),
      );
      await this.summaries.write(
        manager,
        rows.map((r) => r.id),
      );
      return rows;
    });
    for (const c of closed)
      await this.audit.record({
        actorId: null,
        action: 'evaluation.closed',
        objectType: 'evaluation',
        objectId: c.id,
        allianceId: c.alliance_id,
        details: { by: 'schedule' },
      });
    return closed.length;
  }

  /** A scheduled job: reminds those who have not answered a campaign closing within REMIND_BEFORE_MS; returns how many mails. */
  async sendReminders(): Promise<number> {
    // Claim the reminders with a conditional UPDATE, so one run only sends them.
    const due: { id: string; title: string; closes_at: Date; alliance_name: string }[] = returnedRows(
      await this.dataSource.query(
        `UPDATE evaluation_campaigns c SET reminded_at = now() FROM alliances a
        WHERE a.id = c.alliance_id AND a.status <> 'closed' AND c.status = 'open' AND c.reminded_at IS NULL
          AND c.closes_at <= now() + ($1 || ' milliseconds')::interval
        RETURNING c.id, c.title, c.closes_at, a.name AS alliance_name`,
        [String(REMIND_BEFORE_MS)],
      ),
    );
    let reminded = 0;
    for (const c of due) {
      const invited: { user_id: string; email: string; locale: string; alliance_id: string; organisation_id: string }[] =
        await this.dataSource.query(
          `SELECT p.user_id, u.email, u.locale, c.alliance_id, p.organisation_id FROM evaluation_participants p JOIN users u ON u.id = p.user_id
           JOIN evaluation_campaigns c ON c.id = p.campaign_id
          LEFT JOIN evaluation_responses r ON r.campaign_id = p.campaign_id AND r.user_id = p.user_id
         WHERE p.campaign_id = $1 AND r.submitted_at IS NULL AND u.deleted_at IS NULL`,
          [c.id],
        );
      // Only the people of organisations still seated: one that left or was removed is not reminded.
      const seated = new Set(invited[0] ? (await this.alliances.activeMembers(invited[0].alliance_id)).map((m) => m.organisationId) : []);
      const people = invited.filter((p) => seated.has(p.organisation_id));
      // Those who have not answered see it in the app too (once per campaign, whatever the runs); the reminder is this kind's mail.
      const notified = await this.notifications.notify({
        userIds: people.map((p) => p.user_id),
        type: 'evaluation_closing',
        allianceId: people[0]?.alliance_id ?? null,
        excerpt: c.title,
        link: `/evaluations/${c.id}`,
        onceFor: c.id,
        mailedByCaller: true,
      });
      this.notifications.changed(notified);
      const atOnce = await this.notifications.immediateRecipients(
        people.map((p) => p.user_id),
        'evaluation_closing',
      );
      for (const p of people.filter((person) => atOnce.has(person.user_id))) {
        const content = MAILS.reminder[p.locale === 'en' ? 'en' : 'fr'](
          c.alliance_name,
          c.title,
          new Date(c.closes_at).toISOString().slice(0, 10),
          `${this.config.publicUrl}/evaluations/${c.id}`,
        );
        await this.mail
          .send({
            to: p.email,
            ...content,
            text: content.text + this.notifications.mailFooter(p.user_id, 'evaluation_closing', p.locale),
            headers: this.notifications.unsubscribeHeaders(p.user_id, 'evaluation_closing'),
          })
          .catch((e: Error) => this.logger.warn(`reminder failed: ${e.message}`));
        reminded++;
      }
    }
    return reminded;
  }

  /** A scheduled job: the people of an action's owner organisation are told, once, when it is due soon or overdue and not done; returns how many actions. */
  async remindDueActions(): Promise<number> {
    const due: { id: string; alliance_id: string; campaign_id: string; title: string; owner_organisation_id: string }[] =
      await this.dataSource.query(
        `SELECT id, alliance_id, campaign_id, title, owner_organisation_id FROM evaluation_actions
          WHERE done_at IS NULL AND due_date <= current_date + $1::int`,
        [ACTION_DUE_WITHIN_DAYS],
      );
    let reminded = 0;
    for (const action of due) {
      // Not for an organisation that left or was removed, nor in a closed (read-only) alliance.
      const lead = await this.alliances.leadOf(action.alliance_id);
      if (!lead || lead.status === 'closed') continue;
      if (!(await this.alliances.isActiveMember(action.alliance_id, action.owner_organisation_id))) continue;
      const people = await this.organisations.memberRoles([action.owner_organisation_id]);
      const notified = await this.notifications.notify({
        userIds: people.map((p) => p.user_id),
        type: 'action_due',
        allianceId: action.alliance_id,
        excerpt: action.title,
        link: `/evaluations/${action.campaign_id}`,
        onceFor: action.id,
      });
      this.notifications.changed(notified);
      if (notified.length) reminded++;
    }
    return reminded;
  }

  // Results --------------------------------------------------------------------------------------

  /** Aggregates only, and only after the close: blind until then, individual answers never shown. */
  async results(user: AuthUser, id: string): Promise<EvaluationResults> {
    const { campaign, access } = await this.campaignFor(user, id);
    if (campaign.status !== 'closed') throw new DomainException('evaluation.blind', 'Results are revealed when the evaluation closes');
    const results = await this.aggregate(campaign, true);
    // The respondents' comments are their own words: a funder reads the figures only.
    return access.funderOnly ? { ...results, questions: results.questions.map((q) => ({ ...q, comments: [] })) } : results;
  }

  private async aggregate(campaign: EvaluationCampaignEntity, withPrevious: boolean): Promise<EvaluationResults> {
    const responses: { user_id: string; organisation_id: string; answers: AnswerInput[] }[] = await this.dataSource.query(
      'SELECT user_id, organisation_id, answers FROM evaluation_responses WHERE campaign_id = $1 AND submitted_at IS NOT NULL',
      [campaign.id],
    );
    // The lead and partners by role, then name: the members from the alliances' reader, their names (ordered by name) from the organisations'.
    const members = await this.alliances.activeMembers(campaign.allianceId, ['lead', 'partner']);
    const roles = new Map(members.map((m) => [m.organisationId, m.role as string]));
    const organisations: { organisationId: string; organisationName: string }[] = (
      await this.organisations.names(members.map((m) => m.organisationId))
    )
      .sort((a, b) =>
        (roles.get(a.id) as string) < (roles.get(b.id) as string) ? -1 : (roles.get(a.id) as string) > (roles.get(b.id) as string) ? 1 : 0,
      )
      .map((r) => ({ organisationId: r.id, organisationName: r.name }));
    const rows = responses.flatMap((r) => r.answers.map((a) => ({ ...a, organisationId: r.organisation_id, respondentId: r.user_id })));
    const threshold = campaign.minRespondents;
    // The magic-square question is left out here: squareServed reports it, per organisation (issue 18).
    const scored = scoredQuestions(campaign.questions);
    const questions = scored.map((q) => {
      const own = rows.filter((r) => r.questionId === q.id);
      const scores = own.map((r) => r.score);
      return {
        questionId: q.id,
        dimension: q.dimension,
        focus: q.focus,
        text: q.text,
        mean: mean(scores),
        distribution: distribution(scores),
        ...aggregateByOrganisation(own, organisations, threshold),
        comments: own
          .map((r) => r.comment)
          .filter((c): c is string => !!c)
          .sort((a, b) => a.localeCompare(b, 'fr')),
      };
    });
    const dimensions = EVALUATION_DIMENSIONS.filter((d) => scored.some((q) => q.dimension === d)).map((key) => {
      const ids = new Set(scored.filter((q) => q.dimension === key).map((q) => q.id));
      const own = rows.filter((r) => ids.has(r.questionId));
      return {
        key,
        mean: mean(own.map((r) => r.score)),
        distribution: distribution(own.map((r) => r.score)),
        ...aggregateByOrganisation(own, organisations, threshold),
      };
    });
    // Actor profiles of the seated and the responding organisations, from their owner, for the means by profile.
    const profiles = new Map(
      (await this.organisations.profiles([...organisations.map((o) => o.organisationId), ...responses.map((r) => r.organisation_id)])).map(
        (o) => [o.id, o.profile as OrganisationProfile],
      ),
    );
    const results: EvaluationResults = {
      campaignId: campaign.id,
      respondents: responses.length,
      minRespondents: threshold,
      dimensions,
      questions,
      ...resultBreakdowns(scored, rows, organisations, profiles, threshold),
      squareServed: squareServed(campaign.questions, campaign.squareObjectives, responses, threshold),
    };
    if (withPrevious) {
      const previous = await this.dataSource.manager
        .createQueryBuilder(EvaluationCampaignEntity, 'c')
        .where('c.allianceId = :allianceId AND c.status = :closed AND c.id <> :id AND c.closedAt < :closedAt', {
          allianceId: campaign.allianceId,
          closed: 'closed',
          id: campaign.id,
          closedAt: campaign.closedAt,
        })
        .orderBy('c.closedAt', 'DESC')
        .getOne();
      if (previous) {
        const before = await this.aggregate(previous, false);
        results.previous = {
          campaignId: previous.id,
          title: previous.title,
          closedAt: (previous.closedAt as Date).toISOString(),
          dimensions: dimensions.map((d) => {
            const old = before.dimensions.find((b) => b.key === d.key)?.mean ?? null;
            return { key: d.key, mean: old, delta: old !== null && d.mean !== null ? d.mean - old : null };
          }),
        };
      }
    }
    return results;
  }

  /** Every closed campaign of the alliance, oldest first, with its dimension, group and focus means (one statement for the answers). */
  async trend(user: AuthUser, allianceId: string): Promise<CampaignTrend> {
    await this.policy.readable(user, allianceId);
    const campaigns = await this.dataSource.manager.find(EvaluationCampaignEntity, {
      where: { allianceId, status: 'closed' },
      order: { closedAt: 'ASC' },
    });
    const responses: { campaign_id: string; user_id: string; organisation_id: string; answers: AnswerInput[] }[] = campaigns.length
      ? await this.dataSource.query(
          'SELECT campaign_id, user_id, organisation_id, answers FROM evaluation_responses WHERE campaign_id = ANY($1::uuid[]) AND submitted_at IS NOT NULL',
          [campaigns.map((c) => c.id)],
        )
      : [];
    return {
      allianceId,
      campaigns: campaigns.map((c) => {
        const own = responses.filter((r) => r.campaign_id === c.id);
        const rows = own.flatMap((r) => r.answers.map((a) => ({ ...a, organisationId: r.organisation_id, respondentId: r.user_id })));
        return {
          campaignId: c.id,
          title: c.title,
          closedAt: (c.closedAt as Date).toISOString(),
          respondents: own.length,
          minRespondents: c.minRespondents,
          ...campaignMeans(scoredQuestions(c.questions), rows, own.length, c.minRespondents),
        };
      }),
    };
  }

  // Action plan ----------------------------------------------------------------------------------

  async actions(user: AuthUser, id: string): Promise<EvaluationAction[]> {
    await this.campaignFor(user, id);
    const rows = await this.dataSource.manager.find(EvaluationActionEntity, { where: { campaignId: id }, order: { dueDate: 'ASC' } });
    return rows.map((a) => this.toAction(a));
  }

  async addAction(
    user: AuthUser,
    id: string,
    input: { title: string; ownerOrganisationId: string; dueDate: string; objectiveId?: string; charterSection?: string },
    ip: string | null,
  ): Promise<EvaluationAction> {
    const { campaign, access } = await this.campaignFor(user, id);
    this.assertContributor(access);
    const errors: FieldError[] = [];
    if (!(await this.alliances.isActiveMember(campaign.allianceId, input.ownerOrganisationId)))
      errors.push({ field: 'ownerOrganisationId', messages: ['must be an organisation of this alliance'], codes: ['notInAlliance'] });
    if (input.objectiveId) {
      if (!(await this.objectives.objectiveExists(campaign.allianceId, input.objectiveId)))
        errors.push({ field: 'objectiveId', messages: ['not an objective of this alliance'], codes: ['unknownObjective'] });
    }
    if (errors.length) throw new InvalidInputException(errors);
    const saved = await this.dataSource.manager.save(
      this.dataSource.manager.create(EvaluationActionEntity, {
        campaignId: id,
        allianceId: campaign.allianceId,
        title: input.title.trim(),
        ownerOrganisationId: input.ownerOrganisationId,
        dueDate: input.dueDate,
        objectiveId: input.objectiveId ?? null,
        charterSection: input.charterSection ?? null,
      }),
    );
    await this.audit.record({
      actorId: user.id,
      action: 'evaluation.action_created',
      objectType: 'evaluation_action',
      objectId: saved.id,
      allianceId: campaign.allianceId,
      ip,
    });
    return this.toAction(saved);
  }

  async setActionDone(user: AuthUser, actionId: string, done: boolean): Promise<EvaluationAction> {
    const action = await this.dataSource.manager.findOne(EvaluationActionEntity, { where: { id: actionId } });
    if (!action) throw new NotFoundDomainException('evaluation_action');
    const access = await this.policy.readable(user, action.allianceId).catch(notFoundUnlessClosed('evaluation_action'));
    this.assertContributor(access);
    await this.dataSource.manager.update(EvaluationActionEntity, actionId, { doneAt: done ? new Date() : null });
    return this.toAction({ ...action, doneAt: done ? new Date() : null });
  }

  private toAction(a: EvaluationActionEntity): EvaluationAction {
    return {
      id: a.id,
      campaignId: a.campaignId,
      title: a.title,
      ownerOrganisationId: a.ownerOrganisationId,
      dueDate: String(a.dueDate).slice(0, 10),
      objectiveId: a.objectiveId,
      charterSection: a.charterSection,
      done: !!a.doneAt,
    };
  }

  questionsOf(campaign: EvaluationCampaignEntity): EvaluationQuestion[] {
    return campaign.questions;
  }
}
