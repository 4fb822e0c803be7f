import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AuditService,
  decodeCursor,
  DomainException,
  encodeCursor,
  MailService,
  NotFoundDomainException,
  type AppConfig,
  type AuthUser,
} from '@alliances/api/core';
import { AllianceLifecycle, AlliancesReader } from '@alliances/api/alliances';
import { UsersReader } from '@alliances/api/identity';
import { NotificationsService } from '@alliances/api/notifications';
import { OrganisationPolicy, OrganisationsReader } from '@alliances/api/organisations';
import {
  PAGE_LIMIT_DEFAULT,
  type AcceptProposalResponse,
  type NotificationType,
  type OrganisationProfile,
  type OrganisationRole,
  type Page,
  type PartnershipCategory,
  type Proposal,
} from '@alliances/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { MAILS, mailLocale } from './mails';
import { OrganisationBlockEntity, ProposalEntity } from './proposal.entity';
import type { CreateProposalDto, ProposalsQuery } from './proposals.dto';

/** What `send` stores: a proposal of `from` to `to`, or an introduction of both by a catalyst. */
interface NewProposal {
  from: string;
  to: string;
  introducedBy: string | null;
  message: string;
  category: PartnershipCategory | null;
  allianceId: string | null;
}

/** A new draft alliance takes this category when the proposal suggested none (the wizard lets the partners change it). */
const DEFAULT_CATEGORY: PartnershipCategory = 'societal_innovation';

/**
 * Proposals of alliance between organisations (docs/decisions/0015-proposals.md): sending, with its
 * limits (listed recipient, blocks, one pending proposal per pair, a daily quota per sender), the boxes,
 * and the answers. Accepting creates the draft alliance, or the seat in the proposed one, through the
 * alliances domain's writer in the same transaction.
 */
@Injectable()
export class ProposalsService {
  constructor(
    // Sending, answering and blocking each commit with their audit entry and notifications in one transaction.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsReader,
    private readonly organisationPolicy: OrganisationPolicy,
    private readonly alliances: AlliancesReader,
    private readonly lifecycle: AllianceLifecycle,
    private readonly notifications: NotificationsService,
    private readonly users: UsersReader,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, input: CreateProposalDto, ip: string | null): Promise<Proposal> {
    await this.organisationPolicy.admin(user, input.fromOrganisationId);
    if (input.fromOrganisationId === input.toOrganisationId)
      throw new DomainException('proposal.to_self', 'An organisation cannot propose an alliance to itself', [
        { field: 'toOrganisationId', messages: ['must be another organisation'], codes: ['sameOrganisation'] },
      ]);
    // An unlisted or unapproved organisation is answered as if it did not exist.
    if (!(await this.organisations.isListed(input.toOrganisationId))) throw new NotFoundDomainException('organisation');
    if (input.allianceId) {
      const lead = await this.alliances.leadOf(input.allianceId);
      if (!lead) throw new NotFoundDomainException('alliance');
      if (lead.organisationId !== input.fromOrganisationId)
        throw new DomainException('proposal.alliance_not_led', 'The proposing organisation does not lead this alliance', [
          { field: 'allianceId', messages: ['must be an alliance the proposing organisation leads'], codes: ['notLead'] },
        ]);
      if (lead.status === 'closed') throw new DomainException('alliance.closed', 'The alliance is closed');
    }
    await this.refuseBlocked(input.fromOrganisationId, input.toOrganisationId, false);
    return this.send(
      user,
      {
        from: input.fromOrganisationId,
        to: input.toOrganisationId,
        introducedBy: null,
        message: input.message,
        category: input.category ?? null,
        allianceId: input.allianceId ?? null,
      },
      ip,
    );
  }

  /** 403 when `to` blocked `from` (and, for an introduction, either blocked the other). */
  async refuseBlocked(from: string, to: string, bothWays: boolean): Promise<void> {
    const pairs = bothWays
      ? [
          { organisationId: to, blockedOrganisationId: from },
          { organisationId: from, blockedOrganisationId: to },
        ]
      : [{ organisationId: to, blockedOrganisationId: from }];
    if (await this.dataSource.manager.exists(OrganisationBlockEntity, { where: pairs }))
      throw new DomainException('proposal.blocked', 'This organisation does not accept proposals from this one');
  }

  /**
   * Stores a proposal under the sender's daily quota and the one-pending-per-pair rule, notifies the
   * recipients in the same transaction, then mails them. The sender is the introducing catalyst for an introduction.
   */
  async send(user: AuthUser, p: NewProposal, ip: string | null): Promise<Proposal> {
    const sender = p.introducedBy ?? p.from;
    const { proposal, notified } = await this.dataSource.transaction(async (manager) => {
      // Serialises one sender's proposals, so the quota holds under concurrent requests.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('proposals:' || $1::text))`, [sender]);
      const pending = await manager.exists(ProposalEntity, {
        where: [
          { fromOrganisationId: p.from, toOrganisationId: p.to, status: 'pending' },
          { fromOrganisationId: p.to, toOrganisationId: p.from, status: 'pending' },
        ],
      });
      if (pending)
        throw new DomainException('proposal.duplicate_pending', 'A proposal between these organisations already awaits an answer');
      const [{ n }]: { n: number }[] = await manager.query(
        `SELECT count(*)::int AS n FROM proposals
          WHERE coalesce(introduced_by_organisation_id, from_organisation_id) = $1 AND created_at > now() - interval '1 day'`,
        [sender],
      );
      if (n >= this.config.proposalsPerDay)
        throw new DomainException('proposal.rate_limited', `At most ${this.config.proposalsPerDay} proposals a day per organisation`);
      const saved = await manager.save(
        manager.create(ProposalEntity, {
          fromOrganisationId: p.from,
          toOrganisationId: p.to,
          introducedByOrganisationId: p.introducedBy,
          // A direct proposal is its sender's acceptance; an introduction waits for both sides.
          fromAccepted: !p.introducedBy,
          toAccepted: false,
          message: p.message,
          category: p.category,
          allianceId: p.allianceId,
          status: 'pending',
          createdBy: user.id,
        }),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: p.introducedBy ? 'proposal.introduced' : 'proposal.created',
          objectType: 'proposal',
          objectId: saved.id,
          organisationId: sender,
          ip,
          details: { from: p.from, to: p.to, allianceId: p.allianceId, category: p.category },
        },
        manager,
      );
      const recipients = p.introducedBy ? [p.from, p.to] : [p.to];
      const notified = await this.notifyAdmins(
        manager,
        recipients,
        p.introducedBy ? 'introduction_received' : 'proposal_received',
        user.id,
        p.message,
      );
      return { proposal: saved, notified };
    });
    this.notifications.changed(notified.flatMap((n) => n.userIds));
    await this.mailRecipients(proposal, notified);
    return (await this.toProposals([proposal]))[0];
  }

  /** Notifies the admins of each organisation, with a link to that organisation's proposals. */
  private async notifyAdmins(
    manager: EntityManager,
    organisationIds: string[],
    type: NotificationType,
    actorId: string,
    excerpt: string | null,
    allianceId: string | null = null,
  ): Promise<{ organisationId: string; userIds: string[] }[]> {
    const admins = await this.organisations.admins(organisationIds);
    const result: { organisationId: string; userIds: string[] }[] = [];
    for (const organisationId of organisationIds) {
      const userIds = admins.filter((m) => m.organisation_id === organisationId).map((m) => m.user_id);
      const link = allianceId ? `/alliances/${allianceId}` : `/organisations/${organisationId}/proposals`;
      result.push({
        organisationId,
        userIds: await this.notifications.notify(
          {
            userIds,
            type,
            actorId,
            excerpt,
            allianceId,
            link,
            mailedByCaller: type === 'proposal_received' || type === 'introduction_received',
          },
          manager,
        ),
      });
    }
    return result;
  }

  private async mailRecipients(proposal: ProposalEntity, notified: { organisationId: string; userIds: string[] }[]): Promise<void> {
    const ids = [proposal.fromOrganisationId, proposal.toOrganisationId, proposal.introducedByOrganisationId];
    const names = new Map((await this.organisations.names(ids)).map((o) => [o.id, o.name]));
    const people = await this.users.contacts(notified.flatMap((n) => n.userIds));
    const type = proposal.introducedByOrganisationId ? 'introduction_received' : 'proposal_received';
    // This mail is the notification's: only to those who want this kind at once, with its unsubscribe link.
    const atOnce = await this.notifications.immediateRecipients(
      notified.flatMap((n) => n.userIds),
      type,
    );
    for (const { organisationId, userIds } of notified) {
      const link = `${this.config.publicUrl}/organisations/${organisationId}/proposals`;
      const other = organisationId === proposal.fromOrganisationId ? proposal.toOrganisationId : proposal.fromOrganisationId;
      for (const userId of userIds) {
        const person = people.get(userId);
        if (!person || person.deletedAt || !atOnce.has(userId)) continue;
        const locale = mailLocale(person.locale);
        const content = proposal.introducedByOrganisationId
          ? MAILS.introduction[locale]({
              catalyst: names.get(proposal.introducedByOrganisationId) ?? '',
              organisation: names.get(organisationId) ?? '',
              other: names.get(other) ?? '',
              message: proposal.message,
              link,
            })
          : MAILS.proposal[locale]({
              from: names.get(proposal.fromOrganisationId) ?? '',
              to: names.get(proposal.toOrganisationId) ?? '',
              message: proposal.message,
              link,
            });
        await this.mail.send({
          to: person.email,
          ...content,
          text: content.text + this.notifications.mailFooter(userId, type, person.locale),
          headers: this.notifications.unsubscribeHeaders(userId, type),
        });
      }
    }
  }

  /** An organisation's box: received (proposals to it, and introductions it is part of) or sent (its proposals, and its introductions as a catalyst). */
  async list(user: AuthUser, query: ProposalsQuery): Promise<Page<Proposal>> {
    await this.organisationPolicy.member(user, query.organisationId);
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const params: unknown[] = [query.organisationId, limit + 1];
    const box =
      (query.box ?? 'received') === 'received'
        ? `(p.to_organisation_id = $1 OR (p.introduced_by_organisation_id IS NOT NULL AND p.from_organisation_id = $1))`
        : `((p.from_organisation_id = $1 AND p.introduced_by_organisation_id IS NULL) OR p.introduced_by_organisation_id = $1)`;
    let filters = '';
    if (query.status) {
      params.push(query.status);
      filters += ` AND p.status = $${params.length}`;
    }
    if (query.cursor) {
      const { at, id } = decodeCursor(query.cursor);
      params.push(at, id);
      filters += ` AND (p.created_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    const rows: { id: string; created_exact: string }[] = await this.dataSource.query(
      `SELECT p.id, to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_exact
         FROM proposals p WHERE ${box}${filters} ORDER BY p.created_at DESC, p.id DESC LIMIT $2`,
      params,
    );
    const shown = rows.slice(0, limit);
    const entities = shown.length
      ? await this.dataSource.manager.findBy(
          ProposalEntity,
          shown.map((r) => ({ id: r.id })),
        )
      : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const items = await this.toProposals(shown.flatMap((r) => byId.get(r.id) ?? []));
    const last = rows.length > limit ? shown[shown.length - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor(last.created_exact, last.id) : null };
  }

  async get(user: AuthUser, id: string): Promise<Proposal> {
    const { proposal } = await this.visible(user, id);
    return (await this.toProposals([proposal]))[0];
  }

  /** The proposal and the caller's role in each organisation involved; 404 to anyone in none of them. */
  private async visible(
    user: AuthUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<{ proposal: ProposalEntity; roles: Map<string, OrganisationRole> }> {
    const qb = manager.createQueryBuilder(ProposalEntity, 'p').where('p.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const proposal = await qb.getOne();
    if (!proposal) throw new NotFoundDomainException('proposal');
    const parties = [proposal.fromOrganisationId, proposal.toOrganisationId, proposal.introducedByOrganisationId].filter(
      (o): o is string => !!o,
    );
    const roles = new Map<string, OrganisationRole>();
    for (const organisationId of parties) {
      const role = await this.organisationPolicy.roleOf(user.id, organisationId, manager);
      if (role) roles.set(organisationId, role);
    }
    if (!roles.size) throw new NotFoundDomainException('proposal');
    return { proposal, roles };
  }

  /**
   * The recipient's admin accepts (for an introduction, each side's admin; the first acceptance is
   * recorded, the second decides). Deciding creates a draft alliance led by the proposer (the first
   * organisation of an introduced pair) with the other as an active partner, or seats the recipient
   * in the proposed alliance, in the same transaction.
   */
  async accept(user: AuthUser, id: string, ip: string | null): Promise<AcceptProposalResponse> {
    const { result, notified } = await this.dataSource.transaction(async (manager) => {
      const { proposal, roles } = await this.visible(user, id, manager, true);
      if (proposal.status !== 'pending')
        throw new DomainException('proposal.already_decided', `The proposal is already ${proposal.status}`);
      const sides = proposal.introducedByOrganisationId
        ? [
            { organisationId: proposal.toOrganisationId, accepted: proposal.toAccepted },
            { organisationId: proposal.fromOrganisationId, accepted: proposal.fromAccepted },
          ]
        : [{ organisationId: proposal.toOrganisationId, accepted: proposal.toAccepted }];
      const mine = sides.filter((s) => roles.has(s.organisationId));
      const side = mine.find((s) => roles.get(s.organisationId) === 'admin' && !s.accepted);
      if (!side) {
        if (mine.some((s) => roles.get(s.organisationId) === 'admin'))
          throw new DomainException('proposal.already_accepted', 'Your organisation already accepted; the other side has yet to answer');
        if (mine.length) throw new DomainException('organisation.admin_required', 'Only an admin of the organisation may answer');
        throw new DomainException('proposal.recipient_only', 'Only the organisation that received the proposal may answer it');
      }
      if (side.organisationId === proposal.toOrganisationId) proposal.toAccepted = true;
      else proposal.fromAccepted = true;
      const audit = { actorId: user.id, objectType: 'proposal', objectId: proposal.id, organisationId: side.organisationId, ip };
      if (!(proposal.fromAccepted && proposal.toAccepted)) {
        await manager.update(ProposalEntity, proposal.id, { fromAccepted: proposal.fromAccepted, toAccepted: proposal.toAccepted });
        await this.audit.record({ ...audit, action: 'proposal.side_accepted' }, manager);
        return { result: { allianceId: null }, notified: [] };
      }
      let allianceId = proposal.allianceId;
      if (allianceId) {
        await this.lifecycle.addMember(manager, {
          allianceId,
          organisationId: proposal.toOrganisationId,
          role: 'partner',
          status: 'active',
          invitedBy: proposal.createdBy,
        });
      } else {
        const names = new Map(
          (await this.organisations.names([proposal.fromOrganisationId, proposal.toOrganisationId])).map((o) => [o.id, o.name]),
        );
        allianceId = await this.lifecycle.createFromProposal(manager, {
          leadOrganisationId: proposal.fromOrganisationId,
          partnerOrganisationId: proposal.toOrganisationId,
          actingOrganisationId: side.organisationId,
          name: `Alliance ${names.get(proposal.fromOrganisationId) ?? ''} – ${names.get(proposal.toOrganisationId) ?? ''}`,
          purpose: proposal.message,
          category: proposal.category ?? DEFAULT_CATEGORY,
          createdBy: user.id,
        });
        await this.audit.record(
          {
            ...audit,
            action: 'alliance.created',
            objectType: 'alliance',
            objectId: allianceId,
            allianceId,
            organisationId: proposal.fromOrganisationId,
            details: { proposalId: proposal.id },
          },
          manager,
        );
      }
      await manager.update(ProposalEntity, proposal.id, {
        fromAccepted: true,
        toAccepted: true,
        status: 'accepted',
        allianceId,
        decidedAt: new Date(),
        decidedBy: user.id,
      });
      await this.audit.record({ ...audit, action: 'proposal.accepted', allianceId, details: { allianceId } }, manager);
      const others = [proposal.fromOrganisationId, proposal.toOrganisationId, proposal.introducedByOrganisationId].filter(
        (o): o is string => !!o && o !== side.organisationId,
      );
      const notified = await this.notifyAdmins(manager, others, 'proposal_accepted', user.id, proposal.message, allianceId);
      return { result: { allianceId }, notified };
    });
    this.notifications.changed(notified.flatMap((n) => n.userIds));
    return result;
  }

  /** The recipient's admin declines (for an introduction, either side's admin), with an optional reason. */
  async decline(user: AuthUser, id: string, reason: string | undefined, ip: string | null): Promise<Proposal> {
    return this.close(user, id, 'declined', ip, reason?.trim() || null);
  }

  /** The proposer's admin (the catalyst's, for an introduction) takes the proposal back. */
  async withdraw(user: AuthUser, id: string, ip: string | null): Promise<Proposal> {
    return this.close(user, id, 'withdrawn', ip, null);
  }

  private async close(
    user: AuthUser,
    id: string,
    status: 'declined' | 'withdrawn',
    ip: string | null,
    reason: string | null,
  ): Promise<Proposal> {
    const { proposal, notified } = await this.dataSource.transaction(async (manager) => {
      const { proposal, roles } = await this.visible(user, id, manager, true);
      const deciders =
        status === 'withdrawn'
          ? [proposal.introducedByOrganisationId ?? proposal.fromOrganisationId]
          : proposal.introducedByOrganisationId
            ? [proposal.toOrganisationId, proposal.fromOrganisationId]
            : [proposal.toOrganisationId];
      const acting = deciders.find((o) => roles.get(o) === 'admin');
      if (!acting) {
        if (deciders.some((o) => roles.has(o)))
          throw new DomainException('organisation.admin_required', 'Only an admin of the organisation may answer');
        throw status === 'withdrawn'
          ? new DomainException('proposal.sender_only', 'Only the proposing organisation may withdraw the proposal')
          : new DomainException('proposal.recipient_only', 'Only the organisation that received the proposal may answer it');
      }
      if (proposal.status !== 'pending')
        throw new DomainException('proposal.already_decided', `The proposal is already ${proposal.status}`);
      Object.assign(proposal, { status, declineReason: reason, decidedAt: new Date(), decidedBy: user.id });
      await manager.update(ProposalEntity, proposal.id, {
        status,
        declineReason: reason,
        decidedAt: proposal.decidedAt,
        decidedBy: user.id,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: `proposal.${status}`,
          objectType: 'proposal',
          objectId: proposal.id,
          organisationId: acting,
          ip,
          details: reason ? { reason } : undefined,
        },
        manager,
      );
      const others = [proposal.fromOrganisationId, proposal.toOrganisationId, proposal.introducedByOrganisationId].filter(
        (o): o is string => !!o && o !== acting,
      );
      const notified = status === 'declined' ? await this.notifyAdmins(manager, others, 'proposal_declined', user.id, reason) : [];
      return { proposal, notified };
    });
    this.notifications.changed(notified.flatMap((n) => n.userIds));
    return (await this.toProposals([proposal]))[0];
  }

  /** Declines, in the blocking transaction, the pending proposals `blocked` sent to `organisationId` and the introductions of the pair. */
  async declineOnBlock(manager: EntityManager, organisationId: string, blocked: string, userId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(ProposalEntity)
      .set({ status: 'declined', decidedAt: () => 'now()', decidedBy: userId })
      .where(`status = 'pending'`)
      .andWhere(
        `((to_organisation_id = :organisationId AND from_organisation_id = :blocked)
          OR (introduced_by_organisation_id IS NOT NULL AND from_organisation_id = :organisationId AND to_organisation_id = :blocked))`,
        { organisationId, blocked },
      )
      .execute();
    return result.affected ?? 0;
  }

  private async toProposals(entities: ProposalEntity[]): Promise<Proposal[]> {
    const ids = entities.flatMap((p) => [p.fromOrganisationId, p.toOrganisationId, p.introducedByOrganisationId ?? []].flat());
    const profiles = new Map((await this.organisations.profiles(ids)).map((o) => [o.id, o]));
    const party = (organisationId: string, accepted: boolean) => ({
      organisationId,
      name: profiles.get(organisationId)?.name ?? '',
      profile: (profiles.get(organisationId)?.profile ?? 'association') as OrganisationProfile,
      accepted,
    });
    return entities.map((p) => ({
      id: p.id,
      status: p.status,
      from: party(p.fromOrganisationId, p.fromAccepted),
      to: party(p.toOrganisationId, p.toAccepted),
      message: p.message,
      category: p.category,
      allianceId: p.allianceId,
      introducedBy: p.introducedByOrganisationId
        ? { organisationId: p.introducedByOrganisationId, name: profiles.get(p.introducedByOrganisationId)?.name ?? '' }
        : null,
      declineReason: p.declineReason,
      createdAt: p.createdAt.toISOString(),
      decidedAt: p.decidedAt?.toISOString() ?? null,
    }));
  }
}
