import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainException, NotFoundDomainException, runAsSystem, type AuthUser } from '@alliances/api/core';
import { AlliancePolicy, AlliancesReader, notFoundUnlessClosed, runAsRead } from '@alliances/api/alliances';
import { ObjectivesReader } from '@alliances/api/objectives';
import { OrganisationsReader } from '@alliances/api/organisations';
import { sortSdgs, type AlliancePageContent, type CaseStudy } from '@alliances/shared/contracts';
import { DataSource, EntityNotFoundError, In } from 'typeorm';
import { CaseStudyConsentEntity, CaseStudyEntity } from './case-study.entities';
import type { LibraryQuery, PublishCaseStudyDto } from './library.dto';
import { firstFreeSlug, slugify } from './slug';

const notAPartner = () => new DomainException('case_study.not_a_partner', 'This organisation is not asked to consent');

@Injectable()
export class LibraryService {
  constructor(
    // The DataSource for the transactions of a card, its consents and their audit entries.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly audit: AuditService,
    private readonly objectives: ObjectivesReader,
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationsReader,
  ) {}

  /** The lead prepares (or updates) the card; every lead/partner organisation must consent again. */
  async prepare(user: AuthUser, allianceId: string, input: PublishCaseStudyDto, ip: string | null): Promise<CaseStudy> {
    const access = await this.policy.readable(user, allianceId);
    if (!access.active.some((s) => s.allianceRole === 'lead'))
      throw new DomainException('alliance.lead_required', 'Only the lead organisation may publish a case study');
    const a = access.alliance;
    // The lead and partners from the alliances' reader, their profiles from the organisations' (an organisation not visible drops, as the join did).
    const members = await this.alliances.activeMembers(allianceId, ['lead', 'partner']);
    const profiles = new Map((await this.organisations.profiles(members.map((m) => m.organisationId))).map((o) => [o.id, o.profile]));
    const partners: { organisation_id: string; profile: string }[] = members
      .filter((m) => profiles.has(m.organisationId))
      .map((m) => ({ organisation_id: m.organisationId, profile: profiles.get(m.organisationId) as string }));
    const results: CaseStudy['results'] = await this.objectives.latestValues(allianceId, input.indicatorIds);
    // The address is made once, from the first title: links shared since stay valid when the title changes.
    const current = await this.dataSource.manager.findOne(CaseStudyEntity, { select: { id: true, slug: true }, where: { allianceId } });
    const slug = current?.slug ?? (await this.freeSlug('slug', slugify(input.title)));
    const id = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(CaseStudyEntity, { where: { allianceId } });
      const values = {
        allianceId,
        title: input.title.trim(),
        summary: input.summary.trim(),
        category: a.category,
        collectiveObjectives: a.collectiveObjectives,
        domains: a.domains,
        scale: a.scale,
        territoryCodes: a.territoryCodes,
        partnerProfiles: [...new Set(partners.map((p) => p.profile))].sort(),
        results,
        sdgs: sortSdgs(input.sdgs ?? a.sdgs ?? []),
        slug,
        publishedAt: null,
        createdBy: user.id,
      };
      const saved = existing ? { ...existing, ...values } : manager.create(CaseStudyEntity, values);
      await manager.save(CaseStudyEntity, saved);
      await manager.delete(CaseStudyConsentEntity, { caseStudyId: saved.id });
      await manager.insert(
        CaseStudyConsentEntity,
        partners.map((p) => ({ caseStudyId: saved.id, organisationId: p.organisation_id })),
      );
      await this.audit.record(
        { actorId: user.id, action: 'case_study.prepared', objectType: 'case_study', objectId: saved.id, allianceId, ip },
        manager,
      );
      return saved.id;
    });
    return this.byId(id);
  }

  /** An admin of a partner organisation consents; the last consent publishes the card. */
  async consent(user: AuthUser, id: string, organisationId: string, ip: string | null): Promise<CaseStudy> {
    const study = await this.consentingStudy(user, id, organisationId);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.update(
        CaseStudyConsentEntity,
        { caseStudyId: id, organisationId },
        { consentedAt: new Date(), consentedBy: user.id },
      );
      if (!updated.affected) throw notAPartner();
      const missing = await manager.query('SELECT 1 FROM case_study_consents WHERE case_study_id = $1 AND consented_at IS NULL', [id]);
      if (!missing.length) await manager.update(CaseStudyEntity, id, { publishedAt: new Date() });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'case_study.consented',
          objectType: 'case_study',
          objectId: id,
          allianceId: study.allianceId,
          organisationId,
          ip,
        },
        manager,
      );
    });
    return this.byId(id);
  }

  /** An admin of a partner organisation withdraws its consent: the card leaves the library until it consents again. */
  async withdraw(user: AuthUser, id: string, organisationId: string, ip: string | null): Promise<CaseStudy> {
    // Withdrawing a consent stays possible once the alliance is closed (read-only otherwise): a partner can
    // always take its name out of the public library.
    const study = await runAsRead(() => this.consentingStudy(user, id, organisationId));
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.update(
        CaseStudyConsentEntity,
        { caseStudyId: id, organisationId },
        { consentedAt: null, consentedBy: null },
      );
      if (!updated.affected) throw notAPartner();
      await manager.update(CaseStudyEntity, id, { publishedAt: null });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'case_study.consent_withdrawn',
          objectType: 'case_study',
          objectId: id,
          allianceId: study.allianceId,
          organisationId,
          ip,
        },
        manager,
      );
    });
    return this.byId(id);
  }

  /** The card, when the caller is an admin of `organisationId` inside its alliance (404 to outsiders, as for any unknown card). */
  private async consentingStudy(user: AuthUser, id: string, organisationId: string): Promise<CaseStudyEntity> {
    const study = await this.dataSource.manager.findOne(CaseStudyEntity, { where: { id } });
    if (!study) throw new NotFoundDomainException('case_study');
    const access = await this.policy.readable(user, study.allianceId).catch(notFoundUnlessClosed('case_study'));
    const seat = access.active.find((s) => s.organisationId === organisationId);
    if (!seat || seat.organisationRole !== 'admin')
      throw new DomainException('organisation.admin_required', 'An admin of the organisation consents for it');
    return study;
  }

  async ofAlliance(user: AuthUser, allianceId: string): Promise<CaseStudy> {
    const access = await this.policy.readable(user, allianceId);
    const study = await this.dataSource.manager.findOne(CaseStudyEntity, { where: { allianceId } });
    // Until every partner consents the card is the partners' draft; a funder sees it once published.
    if (!study || (access.funderOnly && !study.publishedAt)) throw new NotFoundDomainException('case_study');
    return this.byId(study.id);
  }

  /** Published cards only, for anyone signed in: filters, and French full-text search (stemming, accents). */
  async search(query: LibraryQuery): Promise<CaseStudy[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM case_studies
        WHERE published_at IS NOT NULL
          AND ($1::text IS NULL OR search @@ websearch_to_tsquery('french', unaccent_fr($1)))
          AND ($2::text IS NULL OR $2 = ANY(partner_profiles))
          AND ($3::text IS NULL OR scale = $3)
          AND ($4::text IS NULL OR $4 = ANY(domains))
          AND ($5::text IS NULL OR category = $5)
          AND ($7::text IS NULL OR EXISTS (SELECT 1 FROM unnest(sdgs) AS tag WHERE tag = $7 OR tag LIKE $7 || '.%'))
        ORDER BY CASE WHEN $1::text IS NULL THEN 0 ELSE ts_rank(search, websearch_to_tsquery('french', unaccent_fr($1))) END DESC, published_at DESC
        LIMIT $6`,
      [
        query.q?.trim() || null,
        query.profile ?? null,
        query.scale ?? null,
        query.domain ?? null,
        query.category ?? null,
        query.limit ?? 50,
        query.sdg ?? null,
      ],
    );
    return this.byIds(rows.map((r) => r.id));
  }

  async get(id: string): Promise<CaseStudy> {
    const study = await this.byId(id).catch(() => undefined);
    if (!study || study.status !== 'published') throw new NotFoundDomainException('case_study');
    return study;
  }

  /**
   * The lead opens or closes the alliance's public page. Opening it takes a snapshot of what the page shows
   * (the alliance's name, purpose, category, territories, SDG tags, its partners' names and profiles) and asks
   * every organisation it names to consent again on it: the card and the page go online together on the last
   * consent, and the page shows the snapshot only. Closing it takes the page offline at once; the card stays.
   */
  async setAlliancePage(user: AuthUser, allianceId: string, enabled: boolean, ip: string | null): Promise<CaseStudy> {
    const access = await this.policy.readable(user, allianceId);
    if (!access.active.some((s) => s.allianceRole === 'lead'))
      throw new DomainException('alliance.lead_required', 'Only the lead organisation may open the alliance page');
    const current = await this.dataSource.manager.findOne(CaseStudyEntity, { where: { allianceId } });
    if (!current) throw new NotFoundDomainException('case_study');
    const pageSlug =
      current.alliancePageSlug ?? (enabled ? await this.freeSlug('alliance_page_slug', slugify(access.alliance.name)) : null);
    // What the page will show, taken now: the partners consent to it, and the page never shows more (issue 18).
    const snapshot = enabled && !current.alliancePage ? await this.pageSnapshot(allianceId) : null;
    const id = await this.dataSource.transaction(async (manager) => {
      const study = await manager.findOneOrFail(CaseStudyEntity, { where: { allianceId } });
      if (study.alliancePage === enabled) return study.id;
      if (enabled && snapshot) {
        const slug = study.alliancePageSlug ?? pageSlug;
        await manager.update(CaseStudyEntity, study.id, {
          alliancePage: true,
          alliancePageSlug: slug,
          alliancePageContent: snapshot.content,
          publishedAt: null,
        });
        // Every organisation the page names is asked (again), and only those: the consents are given on the snapshot.
        await manager.delete(CaseStudyConsentEntity, { caseStudyId: study.id });
        await manager.insert(
          CaseStudyConsentEntity,
          snapshot.organisationIds.map((organisationId) => ({ caseStudyId: study.id, organisationId })),
        );
      } else if (!enabled) {
        await manager.update(CaseStudyEntity, study.id, { alliancePage: false });
      }
      await this.audit.record(
        {
          actorId: user.id,
          action: enabled ? 'case_study.alliance_page_opened' : 'case_study.alliance_page_closed',
          objectType: 'case_study',
          objectId: study.id,
          allianceId,
          ip,
        },
        manager,
      );
      return study.id;
    });
    return this.byId(id);
  }

  /** The alliance's name, purpose, category, territories, SDG tags, and its lead's and partners' names and profiles, as they are now. */
  private async pageSnapshot(allianceId: string): Promise<{ content: AlliancePageContent; organisationIds: string[] }> {
    const [profile, members] = await Promise.all([
      this.alliances.publicProfile(allianceId),
      this.alliances.activeMembers(allianceId, ['lead', 'partner']),
    ]);
    if (!profile) throw new NotFoundDomainException('case_study');
    const organisations = await this.organisations.profiles(members.map((m) => m.organisationId));
    return {
      content: {
        name: profile.name,
        purpose: profile.purpose,
        category: profile.category,
        territoryCodes: profile.territoryCodes,
        sdgs: sortSdgs(profile.sdgs ?? []),
        partners: organisations.map((o) => ({ name: o.name, profile: o.profile })),
        takenAt: new Date().toISOString(),
      },
      organisationIds: organisations.map((o) => o.id),
    };
  }

  /** A slug not yet taken in `column` (suffixed `-2`, `-3`… on a collision), read past the tenant's view: slugs are unique across alliances. */
  private async freeSlug(column: 'slug' | 'alliance_page_slug', base: string): Promise<string> {
    const rows: { taken: string }[] = await runAsSystem(() =>
      this.dataSource.query(`SELECT ${column} AS taken FROM case_studies WHERE ${column} = $1 OR ${column} LIKE $2`, [base, `${base}-%`]),
    );
    return firstFreeSlug(base, new Set(rows.map((r) => r.taken)));
  }

  private async byId(id: string): Promise<CaseStudy> {
    const [study] = await this.byIds([id]);
    if (!study) throw new EntityNotFoundError(CaseStudyEntity, { where: { id } });
    return study;
  }

  /** The cards in the order of `ids`, in three statements whatever their number: cards, consents, the organisations' names. */
  private async byIds(ids: string[]): Promise<CaseStudy[]> {
    if (!ids.length) return [];
    const studies = await this.dataSource.manager.find(CaseStudyEntity, { where: { id: In(ids) } });
    const all: { case_study_id: string; organisation_id: string; consented_at: Date | null }[] = await this.dataSource.query(
      'SELECT case_study_id, organisation_id, consented_at FROM case_study_consents WHERE case_study_id = ANY($1::uuid[])',
      [ids],
    );
    // By organisation name: the names come ordered from the organisations' reader (an organisation not visible drops, as the join did).
    const names = await this.organisations.names(all.map((c) => c.organisation_id));
    return ids.flatMap((id) => {
      const s = studies.find((study) => study.id === id);
      return s
        ? [
            this.toCaseStudy(
              s,
              names.flatMap((o) =>
                all.filter((c) => c.case_study_id === id && c.organisation_id === o.id).map((c) => ({ ...c, name: o.name })),
              ),
            ),
          ]
        : [];
    });
  }

  private toCaseStudy(s: CaseStudyEntity, consents: { organisation_id: string; name: string; consented_at: Date | null }[]): CaseStudy {
    return {
      id: s.id,
      allianceId: s.allianceId,
      title: s.title,
      summary: s.summary,
      category: s.category,
      collectiveObjectives: s.collectiveObjectives,
      domains: s.domains,
      scale: s.scale,
      territoryCodes: s.territoryCodes,
      partnerProfiles: s.partnerProfiles,
      results: s.results,
      status: s.publishedAt ? 'published' : 'awaiting_consent',
      consents: consents.map((c) => ({
        organisationId: c.organisation_id,
        organisationName: c.name,
        consentedAt: c.consented_at ? new Date(c.consented_at).toISOString() : null,
      })),
      publishedAt: s.publishedAt?.toISOString() ?? null,
      slug: s.slug,
      sdgs: s.sdgs,
      alliancePage: s.alliancePage,
      alliancePageSlug: s.alliancePageSlug,
      alliancePageContent: s.alliancePage ? s.alliancePageContent : null,
    };
  }
}
