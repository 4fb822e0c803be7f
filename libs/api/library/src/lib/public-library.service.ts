import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundDomainException } from '@alliances/api/core';
import { TerritoriesService } from '@alliances/api/organisations';
import type { AlliancePageContent, CaseStudy, PublicAlliancePage, PublicCaseStudy } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import type { LibraryQuery } from './library.dto';
import { LibraryService } from './library.service';

/** What the sitemap and the feed list: the published cards and the open alliance pages. */
export interface PublicListing {
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date;
  alliancePageSlug: string | null;
}

/**
 * The public library (issue 18, docs/decisions/0027-public-pages.md): published cards and open alliance
 * pages for anyone, without sign-in. Only what every partner consented to: never ids, consents or
 * anything else of the alliance.
 */
@Injectable()
export class PublicLibraryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly library: LibraryService,
    private readonly territories: TerritoriesService,
  ) {}

  async search(query: LibraryQuery): Promise<PublicCaseStudy[]> {
    return (await this.library.search(query)).filter((c) => c.slug).map((c) => this.toPublic(c));
  }

  async bySlug(slug: string): Promise<PublicCaseStudy> {
    const [row]: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM case_studies WHERE slug = $1 AND published_at IS NOT NULL',
      [slug],
    );
    if (!row) throw new NotFoundDomainException('case_study');
    return this.toPublic(await this.library.get(row.id));
  }

  /**
   * An alliance's page: online while its lead keeps it open and its card is published (every partner consented).
   * Built from the snapshot taken when the lead opened it, on which the partners consented: never from the
   * alliance's or its partners' live data (a later rename or a new partner never reaches it).
   */
  async alliancePage(slug: string): Promise<PublicAlliancePage> {
    const [row]: { slug: string; title: string; alliance_page_content: AlliancePageContent }[] = await this.dataSource.query(
      `SELECT slug, title, alliance_page_content FROM case_studies
        WHERE alliance_page_slug = $1 AND alliance_page AND published_at IS NOT NULL AND alliance_page_content IS NOT NULL`,
      [slug],
    );
    if (!row) throw new NotFoundDomainException('case_study');
    const page = row.alliance_page_content;
    return {
      slug,
      name: page.name,
      purpose: page.purpose,
      category: page.category,
      territories: this.named(page.territoryCodes),
      partners: page.partners.map((p) => ({ name: p.name, profile: p.profile })),
      sdgs: page.sdgs,
      caseStudy: { slug: row.slug, title: row.title },
      updatedAt: page.takenAt,
    };
  }

  /** The published cards, newest first (sitemap, feed). */
  async listings(limit: number): Promise<PublicListing[]> {
    const rows: { slug: string; title: string; summary: string; published_at: Date; alliance_page_slug: string | null }[] =
      await this.dataSource.query(
        `SELECT slug, title, summary, published_at, CASE WHEN alliance_page AND alliance_page_content IS NOT NULL THEN alliance_page_slug END AS alliance_page_slug
           FROM case_studies WHERE published_at IS NOT NULL AND slug IS NOT NULL ORDER BY published_at DESC LIMIT $1`,
        [limit],
      );
    return rows.map((r) => ({
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      publishedAt: new Date(r.published_at),
      alliancePageSlug: r.alliance_page_slug,
    }));
  }

  private toPublic(c: CaseStudy): PublicCaseStudy {
    return {
      slug: c.slug as string,
      title: c.title,
      summary: c.summary,
      category: c.category,
      collectiveObjectives: c.collectiveObjectives,
      domains: c.domains,
      scale: c.scale,
      territories: this.named(c.territoryCodes),
      partnerProfiles: c.partnerProfiles,
      results: c.results.map((r) => ({ name: r.name, unit: r.unit, baseline: r.baseline, target: r.target, latest: r.latest })),
      sdgs: c.sdgs ?? [],
      publishedAt: c.publishedAt as string,
      alliancePageSlug: c.alliancePage ? (c.alliancePageSlug ?? null) : null,
    };
  }

  private named(codes: string[]): { code: string; name: string }[] {
    return codes.map((code) => ({ code, name: this.territories.find(code)?.name ?? code }));
  }
}
