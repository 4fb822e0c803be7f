import { Body, Controller, Delete, Get, HttpCode, Injectable, Module, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { AuditService, ClientIp, CurrentUser, DomainException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { AlliancePolicy, AlliancesModule } from '@alliances/api/alliances';
import { ObjectivesModule, ObjectivesReader } from '@alliances/api/objectives';
import { ORGANISATION_PROFILES, PARTNERSHIP_CATEGORIES, TERRITORIAL_SCALES, type CaseStudy, type PublishCaseStudyRequest } from '@alliances/shared/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CaseStudyConsentEntity, CaseStudyEntity } from './case-study.entities';

export class PublishCaseStudyDto implements PublishCaseStudyRequest {
  @IsString() @MinLength(3) @MaxLength(200) title!: string;
  @IsString() @MinLength(20) @MaxLength(8000) summary!: string;
  @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) indicatorIds!: string[];
}

export class ConsentDto {
  @IsUUID('all') organisationId!: string;
}

export class LibraryQuery {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsIn(ORGANISATION_PROFILES) profile?: string;
  @IsOptional() @IsIn(TERRITORIAL_SCALES) scale?: string;
  @IsOptional() @Matches(/^[a-z][a-z0-9_]{1,39}$/) domain?: string;
  @IsOptional() @IsIn(PARTNERSHIP_CATEGORIES) category?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class IdParam {
  @IsUUID('all') id!: string;
}

export class ConsentParams {
  @IsUUID('all') id!: string;
  @IsUUID('all') organisationId!: string;
}

const notAPartner = () => new DomainException(403, 'case_study.not_a_partner', 'This organisation is not asked to consent');

@Injectable()
export class LibraryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly audit: AuditService,
    private readonly objectives: ObjectivesReader,
  ) {}

  /** The lead prepares (or updates) the card; every lead/partner organisation must consent again. */
  async prepare(user: AuthUser, allianceId: string, input: PublishCaseStudyDto, ip: string | null): Promise<CaseStudy> {
    const access = await this.policy.readable(user, allianceId);
    if (!access.active.some((s) => s.allianceRole === 'lead')) throw new DomainException(403, 'alliance.lead_required', 'Only the lead organisation may publish a case study');
    const a = access.alliance;
    const partners: { organisation_id: string; profile: string }[] = await this.dataSource.query(
      `SELECT am.organisation_id, o.profile FROM alliance_members am JOIN organisations o ON o.id = am.organisation_id
        WHERE am.alliance_id = $1 AND am.status = 'active' AND am.role IN ('lead', 'partner')`,
      [allianceId],
    );
    const results: CaseStudy['results'] = await this.objectives.latestValues(allianceId, input.indicatorIds);
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
        publishedAt: null,
        createdBy: user.id,
      };
      const saved = existing ? { ...existing, ...values } : manager.create(CaseStudyEntity, values);
      await manager.save(CaseStudyEntity, saved);
      await manager.delete(CaseStudyConsentEntity, { caseStudyId: saved.id });
      await manager.insert(CaseStudyConsentEntity, partners.map((p) => ({ caseStudyId: saved.id, organisationId: p.organisation_id })));
      await this.audit.record({ actorId: user.id, action: 'case_study.prepared', objectType: 'case_study', objectId: saved.id, allianceId, ip }, manager);
      return saved.id;
    });
    return this.byId(id);
  }

  /** An admin of a partner organisation consents; the last consent publishes the card. */
  async consent(user: AuthUser, id: string, organisationId: string, ip: string | null): Promise<CaseStudy> {
    const study = await this.consentingStudy(user, id, organisationId);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.update(CaseStudyConsentEntity, { caseStudyId: id, organisationId }, { consentedAt: new Date(), consentedBy: user.id });
      if (!updated.affected) throw notAPartner();
      const missing = await manager.query('SELECT 1 FROM case_study_consents WHERE case_study_id = $1 AND consented_at IS NULL', [id]);
      if (!missing.length) await manager.update(CaseStudyEntity, id, { publishedAt: new Date() });
      await this.audit.record({ actorId: user.id, action: 'case_study.consented', objectType: 'case_study', objectId: id, allianceId: study.allianceId, organisationId, ip }, manager);
    });
    return this.byId(id);
  }

  /** An admin of a partner organisation withdraws its consent: the card leaves the library until it consents again. */
  async withdraw(user: AuthUser, id: string, organisationId: string, ip: string | null): Promise<CaseStudy> {
    const study = await this.consentingStudy(user, id, organisationId);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.update(CaseStudyConsentEntity, { caseStudyId: id, organisationId }, { consentedAt: null, consentedBy: null });
      if (!updated.affected) throw notAPartner();
      await manager.update(CaseStudyEntity, id, { publishedAt: null });
      await this.audit.record({ actorId: user.id, action: 'case_study.consent_withdrawn', objectType: 'case_study', objectId: id, allianceId: study.allianceId, organisationId, ip }, manager);
    });
    return this.byId(id);
  }

  /** The card, when the caller is an admin of `organisationId` inside its alliance (404 to outsiders, as for any unknown card). */
  private async consentingStudy(user: AuthUser, id: string, organisationId: string): Promise<CaseStudyEntity> {
    const study = await this.dataSource.manager.findOne(CaseStudyEntity, { where: { id } });
    if (!study) throw new NotFoundDomainException('case_study');
    const access = await this.policy.readable(user, study.allianceId).catch(() => {
      throw new NotFoundDomainException('case_study');
    });
    const seat = access.active.find((s) => s.organisationId === organisationId);
    if (!seat || seat.organisationRole !== 'admin') throw new DomainException(403, 'organisation.admin_required', 'An admin of the organisation consents for it');
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
        ORDER BY CASE WHEN $1::text IS NULL THEN 0 ELSE ts_rank(search, websearch_to_tsquery('french', unaccent_fr($1))) END DESC, published_at DESC
        LIMIT $6`,
      [query.q?.trim() || null, query.profile ?? null, query.scale ?? null, query.domain ?? null, query.category ?? null, query.limit ?? 50],
    );
    return Promise.all(rows.map((r) => this.byId(r.id)));
  }

  async get(id: string): Promise<CaseStudy> {
    const study = await this.byId(id).catch(() => undefined);
    if (!study || study.status !== 'published') throw new NotFoundDomainException('case_study');
    return study;
  }

  private async byId(id: string): Promise<CaseStudy> {
    const s = await this.dataSource.manager.findOneOrFail(CaseStudyEntity, { where: { id } });
    const consents: { organisation_id: string; name: string; consented_at: Date | null }[] = await this.dataSource.query(
      'SELECT c.organisation_id, o.name, c.consented_at FROM case_study_consents c JOIN organisations o ON o.id = c.organisation_id WHERE c.case_study_id = $1 ORDER BY o.name',
      [id],
    );
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
      consents: consents.map((c) => ({ organisationId: c.organisation_id, organisationName: c.name, consentedAt: c.consented_at ? new Date(c.consented_at).toISOString() : null })),
      publishedAt: s.publishedAt?.toISOString() ?? null,
    };
  }
}

@ApiTags('library')
@ApiBearerAuth()
@Controller()
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Put('alliances/:id/case-study')
  @ApiOperation({ summary: 'The lead prepares the case-study card; it is published once every partner organisation consents' })
  prepare(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @Body() body: PublishCaseStudyDto, @ClientIp() ip: string | null): Promise<CaseStudy> {
    return this.library.prepare(user, id, body, ip);
  }

  @Get('alliances/:id/case-study')
  ofAlliance(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<CaseStudy> {
    return this.library.ofAlliance(user, id);
  }

  @Post('case-studies/:id/consents')
  @HttpCode(200)
  consent(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @Body() body: ConsentDto, @ClientIp() ip: string | null): Promise<CaseStudy> {
    return this.library.consent(user, id, body.organisationId, ip);
  }

  @Delete('case-studies/:id/consents/:organisationId')
  @ApiOperation({ summary: 'An admin of a partner organisation withdraws its consent; the card is unpublished until it consents again' })
  withdraw(@CurrentUser() user: AuthUser, @Param() { id, organisationId }: ConsentParams, @ClientIp() ip: string | null): Promise<CaseStudy> {
    return this.library.withdraw(user, id, organisationId, ip);
  }

  @Get('case-studies')
  @ApiOperation({ summary: 'Search the library: ?q= (French full text), profile, scale, domain, category' })
  search(@Query() query: LibraryQuery): Promise<CaseStudy[]> {
    return this.library.search(query);
  }

  @Get('case-studies/:id')
  get(@Param() { id }: IdParam): Promise<CaseStudy> {
    return this.library.get(id);
  }
}

@Module({
  imports: [TypeOrmModule.forFeature([CaseStudyEntity, CaseStudyConsentEntity]), AlliancesModule, ObjectivesModule],
  controllers: [LibraryController],
  providers: [LibraryService],
})
export class LibraryModule {}
