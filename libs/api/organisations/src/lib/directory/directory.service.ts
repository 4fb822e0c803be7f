import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { decodeKeyCursor, encodeKeyCursor, InvalidInputException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { PAGE_LIMIT_DEFAULT, type DirectoryCard, type DirectoryMap, type Page } from '@alliances/shared/contracts';
import { Repository } from 'typeorm';
import { OrganisationEntity } from '../organisation.entity';
import { OrganisationPolicy } from '../organisation.policy';
import { TerritoriesService } from '../territories.service';
import { complementarity, complementaritySql, needsMask, type PartnerNeeds } from './complementarity';
import { CARD_COLUMNS, IN_DIRECTORY, toDirectoryCard, type CardRow } from './directory-cards';
import { searchQuery } from './directory-search';
import type { DirectoryFiltersQuery, DirectoryListQuery } from './directory.dto';

/**
 * Pages of matches a search may read through the GIN index before the name sort; with more, the page
 * walks the name order instead (docs/decisions/0014, "Search plan").
 */
const SEARCH_PROBE_PAGES = 2;

/** A statement's WHERE clause and parameters, built filter by filter. */
class Conditions {
  readonly clauses: string[] = [IN_DIRECTORY];
  readonly params: unknown[] = [];
  /** The parameter holding the search's tsquery text, if any. */
  search?: string;
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  add(clause: string): void {
    this.clauses.push(clause);
  }
  get sql(): string {
    return this.where(`o.search_document @@ to_tsquery('simple', ${this.search})`);
  }
  /**
   * The same conditions with the search as a function call, which no index serves and the planner
   * estimates as common: a walk of the (name, id) index that filters each row and stops at the limit.
   */
  get walkSql(): string {
    return this.where(`ts_match_vq(o.search_document, to_tsquery('simple', ${this.search}))`);
  }
  private where(search: string): string {
    return [...this.clauses, ...(this.search ? [search] : [])].join(' AND ');
  }
}

/**
 * The partner directory (issue 14, docs/decisions/0014): listed, approved organisations, public fields
 * only, filtered on indexed columns, searched through the generated `search_document`, sorted by name
 * or by complementarity with one of the caller's organisations, keyset-paginated.
 */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    private readonly policy: OrganisationPolicy,
    private readonly territories: TerritoriesService,
  ) {}

  async list(user: AuthUser, query: DirectoryListQuery): Promise<Page<DirectoryCard>> {
    const sort = query.sort ?? 'name';
    if (sort === 'match' && !query.as)
      throw new InvalidInputException([
        { field: 'sort', messages: ['sort=match needs as=<one of your organisations>'], codes: ['matchNeedsAs'] },
      ]);
    const you = await this.asOrganisation(user, query.as);
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const where = this.conditions(query);
    let score = '0';
    let order = 'o.name, o.id';
    if (sort === 'match' && you) {
      score = complementaritySql('o', where.param(needsMask(you.seeks)), where.param(needsMask(you.offers)));
      order = `score DESC, o.name, o.id`;
      if (query.cursor) {
        const { keys, id } = decodeKeyCursor(query.cursor, ['number', 'string'] as const);
        const [s, n, i] = [where.param(keys[0]), where.param(keys[1]), where.param(id)];
        where.add(`(${score} < ${s} OR (${score} = ${s} AND (o.name, o.id) > (${n}, ${i}::uuid)))`);
      }
    } else if (query.cursor) {
      const { keys, id } = decodeKeyCursor(query.cursor, ['string'] as const);
      where.add(`(o.name, o.id) > (${where.param(keys[0])}, ${where.param(id)}::uuid)`);
    }
    const rows: (CardRow & { score: number })[] = await this.organisations.query(
      sort === 'name' && where.search
        ? this.searchByName(where, limit + 1)
        : `SELECT ${CARD_COLUMNS}, ${score} AS score FROM organisations o WHERE ${where.sql} ORDER BY ${order} LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const page = rows.slice(0, limit);
    const last = rows.length > limit ? page[page.length - 1] : undefined;
    return {
      items: page.map((row) => this.toCard(row, you)),
      nextCursor: !last
        ? null
        : sort === 'match'
          ? encodeKeyCursor([last.score, last.name], last.id)
          : encodeKeyCursor([last.name], last.id),
    };
  }

  /**
   * A search by name whose cost does not grow with its number of matches (docs/decisions/0014): the
   * planner underestimates prefix searches (`horizon:*`) and would read every match through the GIN
   * index before sorting. One statement probes at most SEARCH_PROBE_PAGES pages of matches through the GIN
   * index; fewer means these are all of them, sorted here; otherwise the page comes from walking the name
   * index (`organisations_directory_name_search_idx`, which includes the search document, so the walk
   * reads no table row) until the limit, and only the page's rows are read. Same rows, same order.
   */
  private searchByName(where: Conditions, limit: number): string {
    const [probe, size] = [where.param(SEARCH_PROBE_PAGES * limit), where.param(limit)];
    const few = `(SELECT count(*) FROM probe) < ${probe}`;
    return `WITH probe AS MATERIALIZED (SELECT o.id FROM organisations o WHERE ${where.sql} LIMIT ${probe})
      SELECT * FROM (
        (SELECT ${CARD_COLUMNS}, 0 AS score FROM organisations o WHERE o.id IN (SELECT id FROM probe) AND ${few}
          ORDER BY o.name, o.id LIMIT ${size})
        UNION ALL
        (SELECT ${CARD_COLUMNS}, 0 AS score FROM organisations o
           JOIN (SELECT o.id FROM organisations o WHERE ${where.walkSql} AND NOT ${few} ORDER BY o.name, o.id LIMIT ${size}) page USING (id))
      ) o ORDER BY o.name, o.id`;
  }

  /** How many organisations match the filters, per département (those located only by their région count in `total`). */
  async map(user: AuthUser, query: DirectoryFiltersQuery): Promise<DirectoryMap> {
    await this.asOrganisation(user, query.as);
    const where = this.conditions(query);
    const rows: { code: string | null; count: number }[] = await this.organisations.query(
      `SELECT o.departement_code AS code, count(*)::int AS count FROM organisations o WHERE ${where.sql} GROUP BY o.departement_code ORDER BY o.departement_code`,
      where.params,
    );
    return {
      total: rows.reduce((sum, r) => sum + r.count, 0),
      departements: rows
        .filter((r): r is { code: string; count: number } => r.code !== null)
        .map((r) => ({ code: r.code, name: this.territories.find(r.code)?.name ?? r.code, count: r.count })),
    };
  }

  /** One listed, approved organisation's card; 404 for any other id, whoever asks. */
  async card(user: AuthUser, organisationId: string, as?: string): Promise<DirectoryCard> {
    const you = await this.asOrganisation(user, as);
    const rows: CardRow[] = await this.organisations.query(
      `SELECT ${CARD_COLUMNS} FROM organisations o WHERE o.id = $1 AND ${IN_DIRECTORY}`,
      [organisationId],
    );
    if (!rows.length) throw new NotFoundDomainException('organisation');
    return this.toCard(rows[0], organisationId === as ? undefined : you);
  }

  private toCard(row: CardRow, you: PartnerNeeds | undefined): DirectoryCard {
    const card = toDirectoryCard(row, this.territories);
    return you ? { ...card, match: complementarity(you, card) } : card;
  }

  /** The caller's organisation named by `as` (404 when the caller is not one of its members). */
  private async asOrganisation(user: AuthUser, as: string | undefined): Promise<(PartnerNeeds & { id: string }) | undefined> {
    if (!as) return undefined;
    const { organisation } = await this.policy.member(user, as);
    return { id: organisation.id, seeks: organisation.seeks, offers: organisation.offers };
  }

  private conditions(query: DirectoryFiltersQuery): Conditions {
    const where = new Conditions();
    if (query.territory) {
      const place = this.territories.locate(query.territory);
      // The DTO refused unknown codes already; this one is a known commune, département or région.
      if (place) {
        const column = { commune: 'o.territory_code', departement: 'o.departement_code', region: 'o.region_code' }[place.territory.kind];
        where.add(`${column} = ${where.param(place.territory.code)}`);
      }
    }
    if (query.profile?.length) where.add(`o.profile = ANY (${where.param(query.profile)}::text[])`);
    if (query.domain?.length) where.add(`o.domains && ${where.param(query.domain)}::text[]`);
    if (query.seeks?.length) where.add(`o.seeks && ${where.param(query.seeks)}::text[]`);
    if (query.offers?.length) where.add(`o.offers && ${where.param(query.offers)}::text[]`);
    if (query.open !== undefined) where.add(`o.open_to_alliances = ${where.param(query.open)}`);
    const search = searchQuery(query.q);
    if (search) where.search = where.param(search);
    if (query.as) where.add(`o.id <> ${where.param(query.as)}::uuid`);
    return where;
  }
}
