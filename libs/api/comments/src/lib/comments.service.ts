import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AuditService,
  DomainException,
  InvalidInputException,
  NotFoundDomainException,
  type AppConfig,
  type AuthUser,
} from '@alliances/api/core';
import { NotificationsService } from '@alliances/api/notifications';
import { AlliancePolicy, AlliancesReader, type AllianceAccess } from '@alliances/api/alliances';
import { CharterReader } from '@alliances/api/charter';
import { MeetingsReader } from '@alliances/api/meetings';
import { EvaluationsReader } from '@alliances/api/evaluations';
import { ObjectivesReader } from '@alliances/api/objectives';
import { UsersReader } from '@alliances/api/identity';
import { OrganisationsReader } from '@alliances/api/organisations';
import {
  CHARTER_SECTION_KEYS,
  MINUTES_FRAGMENT,
  type Comment,
  type CommentsPage,
  type MentionCandidate,
} from '@alliances/shared/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { CommentEntity, CommentEventEntity } from './comment.entities';
import type { CreateCommentDto, UpdateCommentDto } from './comments.dto';
import { CommentPublisher } from './comment-publisher';
import { renderMarkdown } from './safe-markdown';

export interface CommentAccess {
  access: AllianceAccess;
  canPost: boolean;
}

@Injectable()
export class CommentsService {
  private readonly recentPosts = new Map<string, number[]>();

  constructor(
    // The DataSource for the transactions of a comment, its sequence number, outbox event, notifications and audit entry.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly publisher: CommentPublisher,
    private readonly charter: CharterReader,
    private readonly meetings: MeetingsReader,
    private readonly objectives: ObjectivesReader,
    private readonly evaluations: EvaluationsReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationsReader,
    private readonly users: UsersReader,
  ) {}

  /** Comments are the partners' conversation: funders never see them (404, as for an outsider). */
  async access(user: AuthUser, allianceId: string): Promise<CommentAccess> {
    const access = await this.policy.readable(user, allianceId);
    if (!access.active.some((s) => s.allianceRole !== 'funder')) throw new NotFoundDomainException('alliance');
    return { access, canPost: access.canWriteCharter };
  }

  private rateLimit(userId: string): void {
    const now = Date.now();
    const recent = (this.recentPosts.get(userId) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.config.commentsPerMinute)
      throw new DomainException('comments.rate_limited', 'Too many comments in a minute, slow down');
    recent.push(now);
    this.recentPosts.set(userId, recent);
  }

  private async nextSeq(manager: EntityManager, allianceId: string): Promise<string> {
    const rows: { last_seq: string }[] = await manager.query(
      `INSERT INTO alliance_sequences (alliance_id, last_seq) VALUES ($1, 1)
       ON CONFLICT (alliance_id) DO UPDATE SET last_seq = alliance_sequences.last_seq + 1 RETURNING last_seq`,
      [allianceId],
    );
    return rows[0].last_seq;
  }

  private async checkTarget(allianceId: string, input: CreateCommentDto): Promise<void> {
    const { type, id, anchor } = input.target;
    const fail = (message: string, field = 'target.id') => {
      throw new InvalidInputException([{ field, messages: [message], codes: ['unknownTarget'] }]);
    };
    switch (type) {
      case 'charter_passage':
        // A new thread needs its passage; a reply belongs to its thread, which holds the anchor.
        if (!anchor && !input.parentId) fail('a charter passage needs an anchor', 'target.anchor');
        if (!(CHARTER_SECTION_KEYS as readonly string[]).includes(id) || (anchor && anchor.section !== id)) fail('unknown charter section');
        return;
      case 'charter_section':
        if (!(CHARTER_SECTION_KEYS as readonly string[]).includes(id)) fail('unknown charter section');
        return;
      case 'alliance':
        if (id !== allianceId) fail('the alliance target must be the alliance itself');
        return;
      case 'objective':
        if (!/^[0-9a-f-]{36}$/.test(id) || !(await this.objectives.objectiveExists(allianceId, id))) fail('unknown objective');
        return;
      case 'indicator':
        if (!/^[0-9a-f-]{36}$/.test(id) || !(await this.objectives.indicatorExists(allianceId, id))) fail('unknown indicator');
        return;
      case 'evaluation_result':
        if (!/^[0-9a-f-]{36}$/.test(id) || !(await this.evaluations.campaignExists(allianceId, id))) fail('unknown evaluation');
        return;
      case 'minutes':
        // A passage of a meeting's minutes: the meeting must be this alliance's; a new thread needs its passage.
        if (!anchor && !input.parentId) fail('a passage of the minutes needs an anchor', 'target.anchor');
        if (anchor && anchor.section !== MINUTES_FRAGMENT)
          fail('a passage of the minutes is in the minutes fragment', 'target.anchor.section');
        if ((await this.meetings.meetingOf(id))?.allianceId !== allianceId) fail('unknown meeting');
        return;
      case 'evaluation_question':
        if (!/^[0-9a-f-]{36}$/.test(id) || !(await this.evaluations.questionExists(allianceId, id))) fail('unknown evaluation question');
        return;
    }
  }

  /** People of the alliance who may be mentioned: members of its active non-funder organisations. */
  async mentionCandidates(user: AuthUser, allianceId: string, q?: string): Promise<MentionCandidate[]> {
    await this.access(user, allianceId);
    // Through the owners' readers, four statements whatever the alliance's size: its non-funder organisations, their
    // members, the first 50 of those people by id whose name matches, the organisations' names.
    const seats = await this.people(allianceId);
    const [found, names] = await Promise.all([
      this.users.searchAmong(
        seats.map((s) => s.user_id),
        q?.replace(/[%_\\]/g, (c) => `\\${c}`) ?? null,
        50,
      ),
      this.organisations.names(seats.map((s) => s.organisation_id)),
    ]);
    const rows = found.flatMap((u) => {
      const name = names.find((o) => seats.some((s) => s.user_id === u.id && s.organisation_id === o.id))?.name;
      return name === undefined ? [] : [{ user_id: u.id, display_name: u.display_name, organisation: name }];
    });
    return rows
      .map((r) => ({ userId: r.user_id, displayName: r.display_name, organisationName: r.organisation }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
  }

  /** Members of the alliance's active non-funder organisations, as (person, organisation) pairs, from the owners' readers. */
  private async people(allianceId: string): Promise<{ user_id: string; organisation_id: string }[]> {
    const organisations = await this.alliances.activeMembers(allianceId, ['lead', 'partner', 'observer']);
    return this.organisations.members(organisations.map((o) => o.organisationId));
  }

  private async checkMentions(allianceId: string, mentions: string[] | undefined): Promise<string[]> {
    if (!mentions?.length) return [];
    const known = new Set((await this.people(allianceId)).map((s) => s.user_id));
    const unknown = mentions.map((m, i) => ({ m, i })).filter(({ m }) => !known.has(m));
    if (unknown.length)
      throw new InvalidInputException(
        unknown.map(({ i }) => ({ field: `mentions.${i}`, messages: ['not a person of this alliance'], codes: ['unknownMention'] })),
      );
    return mentions;
  }

  /** Writes the comment and its outbox event in one transaction; the same id again returns the original. */
  async create(user: AuthUser, input: CreateCommentDto, ip: string | null): Promise<{ comment: Comment; created: boolean }> {
    const { canPost } = await this.access(user, input.allianceId);
    const id = input.id ?? randomUUID();
    const existing = await this.dataSource.manager.findOne(CommentEntity, { where: { id } });
    if (existing) return this.original(existing, user, input.allianceId);
    if (!canPost) throw new DomainException('comments.read_only', 'Observers read the discussion; they do not post');
    this.rateLimit(user.id);
    await this.checkTarget(input.allianceId, input);
    const mentions = await this.checkMentions(input.allianceId, input.mentions);
    let parent: CommentEntity | null = null;
    if (input.parentId) {
      parent = await this.dataSource.manager.findOne(CommentEntity, { where: { id: input.parentId, allianceId: input.allianceId } });
      if (!parent || parent.targetType !== input.target.type || parent.targetId !== input.target.id) {
        throw new InvalidInputException([{ field: 'parentId', messages: ['no such thread on this target'], codes: ['unknownParent'] }]);
      }
      if (parent.parentId) parent = await this.dataSource.manager.findOneOrFail(CommentEntity, { where: { id: parent.parentId } });
    }
    let notified: string[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        const seq = await this.nextSeq(manager, input.allianceId);
        await manager.insert(CommentEntity, {
          id,
          allianceId: input.allianceId,
          seq,
          targetType: input.target.type,
          targetId: input.target.id,
          anchor:
            (input.target.type === 'charter_passage' || input.target.type === 'minutes') && !parent ? (input.target.anchor ?? null) : null,
          parentId: parent?.id ?? null,
          authorId: user.id,
          body: input.body,
          bodyHtml: renderMarkdown(input.body),
          mentions,
        });
        await manager.insert(CommentEventEntity, { allianceId: input.allianceId, seq, type: 'comment:created', commentId: id });
        const link = `/alliances/${input.allianceId}/discussion?comment=${id}`;
        const excerpt = input.body.slice(0, 200);
        notified = await this.notifications.notify(
          { userIds: mentions, type: 'mention', allianceId: input.allianceId, commentId: id, actorId: user.id, excerpt, link },
          manager,
        );
        if (parent) {
          const participants: { author_id: string }[] = await manager.query(
            'SELECT DISTINCT author_id FROM comments WHERE (id = $1 OR parent_id = $1) AND author_id IS NOT NULL',
            [parent.id],
          );
          const others = participants.map((p) => p.author_id).filter((a) => !mentions.includes(a));
          notified.push(
            ...(await this.notifications.notify(
              { userIds: others, type: 'reply', allianceId: input.allianceId, commentId: id, actorId: user.id, excerpt, link },
              manager,
            )),
          );
        }
        await this.audit.record(
          { actorId: user.id, action: 'comment.created', objectType: 'comment', objectId: id, allianceId: input.allianceId, ip },
          manager,
        );
      });
    } catch (error) {
      // Two identical retries racing: the primary key decides, the loser answers with the original.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        const original = await this.dataSource.manager.findOne(CommentEntity, { where: { id } });
        if (original) return this.original(original, user, input.allianceId);
      }
      throw error;
    }
    this.publisher.kick();
    this.notifications.changed(notified);
    return { comment: await this.get(id), created: true };
  }

  private async original(existing: CommentEntity, user: AuthUser, allianceId: string): Promise<{ comment: Comment; created: boolean }> {
    if (existing.authorId !== user.id || existing.allianceId !== allianceId)
      throw new DomainException('comments.id_conflict', 'This id is already used by another comment');
    return { comment: await this.get(existing.id), created: false };
  }

  private async mine(user: AuthUser, id: string): Promise<CommentEntity> {
    const comment = await this.dataSource.manager.findOne(CommentEntity, { where: { id } });
    if (!comment) throw new NotFoundDomainException('comment');
    await this.access(user, comment.allianceId).catch(() => {
      throw new NotFoundDomainException('comment');
    });
    return comment;
  }

  private async change(
    comment: CommentEntity,
    type: CommentEventEntity['type'],
    patch: Partial<CommentEntity>,
    user: AuthUser,
    ip: string | null,
    extra?: (manager: EntityManager) => Promise<string[]>,
  ): Promise<Comment> {
    let notified: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      const seq = await this.nextSeq(manager, comment.allianceId);
      await manager.update(CommentEntity, comment.id, { ...patch, seq });
      await manager.insert(CommentEventEntity, { allianceId: comment.allianceId, seq, type, commentId: comment.id });
      if (extra) notified = await extra(manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: type.replace(':', '.'),
          objectType: 'comment',
          objectId: comment.id,
          allianceId: comment.allianceId,
          ip,
        },
        manager,
      );
    });
    this.publisher.kick();
    this.notifications.changed(notified);
    return this.get(comment.id);
  }

  async update(user: AuthUser, id: string, input: UpdateCommentDto, ip: string | null): Promise<Comment> {
    const comment = await this.mine(user, id);
    if (comment.authorId !== user.id) throw new DomainException('comments.author_only', 'Only its author may edit a comment');
    if (comment.deletedAt) throw new DomainException('comments.deleted', 'This comment was deleted');
    const mentions = await this.checkMentions(comment.allianceId, input.mentions);
    const added = mentions.filter((m) => !comment.mentions.includes(m));
    return this.change(
      comment,
      'comment:updated',
      { body: input.body, bodyHtml: renderMarkdown(input.body), mentions, editedAt: new Date() },
      user,
      ip,
      (manager) =>
        this.notifications.notify(
          {
            userIds: added,
            type: 'mention',
            allianceId: comment.allianceId,
            commentId: id,
            actorId: user.id,
            excerpt: input.body.slice(0, 200),
            link: `/alliances/${comment.allianceId}/discussion?comment=${id}`,
          },
          manager,
        ),
    );
  }

  /** Deleting keeps a tombstone in the thread: replies keep their context. */
  async remove(user: AuthUser, id: string, ip: string | null): Promise<Comment> {
    const comment = await this.mine(user, id);
    if (comment.authorId !== user.id) throw new DomainException('comments.author_only', 'Only its author may delete a comment');
    if (comment.deletedAt) return this.get(id);
    return this.change(comment, 'comment:deleted', { body: null, bodyHtml: null, mentions: [], deletedAt: new Date() }, user, ip);
  }

  async resolve(user: AuthUser, id: string, resolved: boolean, ip: string | null): Promise<Comment> {
    const comment = await this.mine(user, id);
    const { canPost } = await this.access(user, comment.allianceId);
    if (!canPost) throw new DomainException('comments.read_only', 'Observers read the discussion; they do not resolve threads');
    if (comment.parentId) throw new DomainException('comments.not_a_thread', 'Resolve the thread, not a reply');
    return this.change(
      comment,
      'comment:resolved',
      { resolvedAt: resolved ? new Date() : null, resolvedBy: resolved ? user.id : null },
      user,
      ip,
    );
  }

  /** Comments of an alliance (optionally one target), or what changed after `since`: ordered by sequence. */
  async list(
    user: AuthUser,
    query: { allianceId: string; targetType?: string; targetId?: string; since?: number; limit?: number },
  ): Promise<CommentsPage> {
    await this.access(user, query.allianceId);
    const limit = query.limit ?? 500;
    const qb = this.dataSource.manager
      .createQueryBuilder(CommentEntity, 'c')
      .where('c.allianceId = :allianceId', { allianceId: query.allianceId });
    if (query.targetType) qb.andWhere('c.targetType = :targetType', { targetType: query.targetType });
    if (query.targetId) qb.andWhere('c.targetId = :targetId', { targetId: query.targetId });
    if (query.since !== undefined) qb.andWhere('c.seq > :since', { since: query.since });
    const rows = await qb.orderBy('c.seq', 'ASC').limit(limit).getMany();
    const items = await this.toComments(rows);
    const lastSeq = rows.length ? Number(rows[rows.length - 1].seq) : (query.since ?? (await this.lastSeq(query.allianceId)));
    return { items, lastSeq };
  }

  async lastSeq(allianceId: string): Promise<number> {
    const rows: { last_seq: string }[] = await this.dataSource.query('SELECT last_seq FROM alliance_sequences WHERE alliance_id = $1', [
      allianceId,
    ]);
    return Number(rows[0]?.last_seq ?? 0);
  }

  async byIds(ids: string[]): Promise<Comment[]> {
    if (!ids.length) return [];
    return this.toComments(
      await this.dataSource.manager.createQueryBuilder(CommentEntity, 'c').where('c.id = ANY(:ids)', { ids }).getMany(),
    );
  }

  async get(id: string): Promise<Comment> {
    const row = await this.dataSource.manager.findOneOrFail(CommentEntity, { where: { id } });
    return (await this.toComments([row]))[0];
  }

  async toComments(rows: CommentEntity[]): Promise<Comment[]> {
    if (!rows.length) return [];
    const byId = await this.users.contacts(rows.map((r) => r.authorId));
    const docs = new Map<string, Y.Doc | undefined>();
    const result: Comment[] = [];
    for (const r of rows) {
      const author = r.authorId ? byId.get(r.authorId) : undefined;
      const formerMember = !author || !!author.deletedAt;
      const comment: Comment = {
        id: r.id,
        allianceId: r.allianceId,
        seq: Number(r.seq),
        target: { type: r.targetType, id: r.targetId, ...(r.anchor ? { anchor: r.anchor } : {}) },
        parentId: r.parentId,
        author: { id: formerMember ? null : (r.authorId as string), displayName: formerMember ? '' : author.displayName, formerMember },
        body: r.body,
        bodyHtml: r.bodyHtml,
        mentions: r.mentions,
        createdAt: r.createdAt.toISOString(),
        editedAt: r.editedAt?.toISOString() ?? null,
        deletedAt: r.deletedAt?.toISOString() ?? null,
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
        resolvedBy: r.resolvedBy,
      };
      if (r.anchor) {
        // The anchor resolves in its document: the alliance's charter, or the meeting's minutes.
        const key = r.targetType === 'minutes' ? `minutes:${r.targetId}` : r.allianceId;
        if (!docs.has(key))
          docs.set(
            key,
            r.targetType === 'minutes' ? await this.meetings.minutesDoc(r.targetId) : await this.charter.currentDoc(r.allianceId),
          );
        comment.anchorState = anchorState(docs.get(key), r.anchor);
      }
      result.push(comment);
    }
    return result;
  }
}

/** Whether an anchored passage still has text in the charter: its relative positions resolve and enclose something. */
export function anchorState(doc: Y.Doc | undefined, anchor: { section: string; start: string; end: string }): 'ok' | 'deleted' {
  if (!doc) return 'ok';
  try {
    const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(anchor.start, 'base64')), doc);
    const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(anchor.end, 'base64')), doc);
    if (!start || !end) return 'deleted';
    // A passage across paragraphs ends in another text node: it stands while both ends stand.
    if (start.type !== end.type) return 'ok';
    return end.index > start.index ? 'ok' : 'deleted';
  } catch {
    return 'deleted';
  }
}
