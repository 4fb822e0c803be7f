import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AuditService,
  decodeCursor,
  encodeCursor,
  exactInstant,
  InvalidInputException,
  NotFoundDomainException,
  type AuthUser,
} from '@alliances/api/core';
import { UsersReader } from '@alliances/api/identity';
import { OrganisationPolicy } from '@alliances/api/organisations';
import type { Diagnostic, DiagnosticAnswer, DiagnosticQuestionnaire, Locale, OrganisationProfile, Page } from '@alliances/shared/contracts';
import { Repository } from 'typeorm';
import { DiagnosticEntity } from './diagnostic.entity';
import { diagnosticToPdf } from './diagnostic-export';
import { presentQuestionnaire, questionnaireFor } from './questionnaires';
import { answerErrors, categoryReason, scoreDiagnostic } from './scoring';

/**
 * The self-diagnostic (docs/domain.md "Self-diagnostic"): an organisation's members answer the
 * questionnaire of its profile; the levels and suggestions are computed here and kept with the answers.
 */
@Injectable()
export class DiagnosticsService {
  constructor(
    @InjectRepository(DiagnosticEntity) private readonly diagnostics: Repository<DiagnosticEntity>,
    private readonly organisations: OrganisationPolicy,
    private readonly users: UsersReader,
    private readonly audit: AuditService,
  ) {}

  questionnaire(profile: OrganisationProfile | 'generic', locale: Locale): DiagnosticQuestionnaire {
    return presentQuestionnaire(questionnaireFor(profile), locale);
  }

  /** Any member answers for the organisation; a complete, valid set of answers or nothing is stored. */
  async submit(
    user: AuthUser,
    organisationId: string,
    answers: DiagnosticAnswer[],
    ip: string | null,
    locale: Locale,
  ): Promise<Diagnostic> {
    const { organisation } = await this.organisations.member(user, organisationId);
    const questionnaire = questionnaireFor(organisation.profile);
    const errors = answerErrors(questionnaire, answers);
    if (errors.length) throw new InvalidInputException(errors, 'Every question must be answered once, with one of its options');
    const outcome = scoreDiagnostic(questionnaire, answers);
    const byQuestion = new Map(answers.map((a) => [a.questionId, a.optionId]));
    const saved = await this.diagnostics.manager.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(DiagnosticEntity, {
          organisationId,
          profile: questionnaire.profile,
          questionnaireVersion: questionnaire.version,
          // In the questionnaire's order, whatever order they came in.
          answers: questionnaire.questions.map((q) => ({ questionId: q.id, optionId: byQuestion.get(q.id) ?? '' })),
          axes: outcome.axes,
          suggested: { categories: outcome.categories, square: outcome.square, objectives: outcome.objectives },
          createdBy: user.id,
        }),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'diagnostic.created',
          objectType: 'diagnostic',
          objectId: row.id,
          organisationId,
          ip,
          details: {
            profile: questionnaire.profile,
            version: questionnaire.version,
            levels: Object.fromEntries(outcome.axes.map((a) => [a.key, a.level])),
          },
        },
        manager,
      );
      return row;
    });
    return (await this.present([saved], locale))[0];
  }

  /** The organisation's diagnostics, newest first (keyset on the creation instant). */
  async list(user: AuthUser, organisationId: string, locale: Locale, limit = 20, cursor?: string): Promise<Page<Diagnostic>> {
    await this.organisations.member(user, organisationId);
    const after = cursor ? decodeCursor(cursor) : undefined;
    const qb = this.diagnostics
      .createQueryBuilder('d')
      .addSelect(exactInstant('d.created_at'), 'at_exact')
      .where('d.organisationId = :organisationId', { organisationId })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit + 1);
    if (after) qb.andWhere('(d.createdAt, d.id) < (:at, :id)', { at: after.at, id: after.id });
    const { entities, raw } = await qb.getRawAndEntities();
    const shown = entities.slice(0, limit);
    const last = shown.length - 1;
    return {
      items: await this.present(shown, locale),
      nextCursor: entities.length > limit ? encodeCursor((raw[last] as { at_exact: string }).at_exact, shown[last].id) : null,
    };
  }

  async get(user: AuthUser, organisationId: string, diagnosticId: string, locale: Locale): Promise<Diagnostic> {
    await this.organisations.member(user, organisationId);
    return (await this.present([await this.find(organisationId, diagnosticId)], locale))[0];
  }

  /** The PDF of a diagnostic, compared with the one taken just before it. */
  async pdf(user: AuthUser, organisationId: string, diagnosticId: string, locale: Locale): Promise<{ pdf: Buffer; fileName: string }> {
    const { organisation } = await this.organisations.member(user, organisationId);
    const row = await this.find(organisationId, diagnosticId);
    const before = await this.diagnostics
      .createQueryBuilder('d')
      .where('d.organisationId = :organisationId', { organisationId })
      .andWhere('(d.createdAt, d.id) < (SELECT c.created_at, c.id FROM diagnostics c WHERE c.id = :id)', { id: row.id })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .getOne();
    const [diagnostic, previous] = await this.present(before ? [row, before] : [row], locale);
    const slug = organisation.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\w-]+/g, '-')
      .replace(/-+/g, '-')
      .toLowerCase();
    return {
      pdf: await diagnosticToPdf(organisation.name, diagnostic, previous ?? null, locale),
      fileName: `autodiagnostic-${slug}-${diagnostic.createdAt.slice(0, 10)}.pdf`,
    };
  }

  private async find(organisationId: string, id: string): Promise<DiagnosticEntity> {
    const row = await this.diagnostics.findOne({ where: { id, organisationId } });
    if (!row) throw new NotFoundDomainException('diagnostic');
    return row;
  }

  /** Rows as the contract has them, with the author's name (one statement for all) and the reasons in `locale`. */
  private async present(rows: DiagnosticEntity[], locale: Locale): Promise<Diagnostic[]> {
    const names = await this.users.displayNames(rows.map((r) => r.createdBy));
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisationId,
      profile: r.profile,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy && names.has(r.createdBy) ? { userId: r.createdBy, displayName: names.get(r.createdBy) ?? '' } : null,
      axes: r.axes,
      suggestedCategories: r.suggested.categories.map((category) => ({ category, reason: categoryReason(category, r.axes, locale) })),
      suggestedSquare: r.suggested.square,
      suggestedObjectives: r.suggested.objectives,
      answers: r.answers,
    }));
  }
}
