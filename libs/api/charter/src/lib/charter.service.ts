import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainException, InvalidInputException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { NotificationsService } from '@alliances/api/notifications';
import { AllianceLifecycle, AlliancePolicy, AlliancesReader, type AllianceAccess } from '@alliances/api/alliances';
import { UsersReader } from '@alliances/api/identity';
import { OrganisationsReader } from '@alliances/api/organisations';
import {
  CHARTER_SECTION_KEYS,
  type Charter,
  type CharterDiff,
  type CharterSection,
  type CharterState,
  type CharterVersion,
  type CharterVersionSummary,
  type Locale,
  type ProposeVersionResponse,
  type SignatureBoard,
  type SignatureSummary,
} from '@alliances/shared/contracts';
import { diffLines } from 'diff';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { CharterDocs, CharterStore } from './charter-live';
import { sectionTitle } from './charter-template';
import { CharterSignatureEntity, CharterVersionEntity } from './charter.entities';
import { fragmentToMarkdown } from './markdown';

/** The text that is hashed and signed: every section, in order, under its key. */
export function canonicalMarkdown(sections: Pick<CharterSection, 'key' | 'markdown'>[]): string {
  return sections.map((s) => `## ${s.key}\n\n${s.markdown.trim()}\n`).join('\n');
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

@Injectable()
export class CharterService {
  constructor(
    // The DataSource for the transactions of a version, its signatures, the alliance's status and audit entries.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly lifecycle: AllianceLifecycle,
    private readonly users: UsersReader,
    private readonly docs: CharterDocs,
    private readonly store: CharterStore,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationsReader,
  ) {}

  render(doc: Y.Doc, locale: Locale): CharterSection[] {
    return CHARTER_SECTION_KEYS.map((key) => ({
      key,
      title: sectionTitle(key, locale),
      markdown: fragmentToMarkdown(doc.getXmlFragment(key)),
    }));
  }

  /** The current draft: the live replica of this instance when it holds one, else the database. */
  private async current(allianceId: string, locale: Locale): Promise<{ doc: Y.Doc; revision: number }> {
    const live = await this.docs.peek(allianceId);
    if (live) return { doc: live.doc, revision: live.revision };
    const loaded = await this.store.load(allianceId, locale);
    return { doc: loaded.doc, revision: loaded.revision };
  }

  /**
   * The charter as the caller may read it. Partners get the live draft; a funder gets the status and
   * the text in force (no sections before one is), never the draft (docs/domain.md "Visibility").
   */
  async get(user: AuthUser, allianceId: string): Promise<Charter> {
    const access = await this.policy.readable(user, allianceId);
    const { doc, revision } = await this.current(allianceId, user.locale);
    const sections = this.render(doc, user.locale);
    const latest = await this.dataSource.manager.findOne(CharterVersionEntity, { where: { allianceId }, order: { version: 'DESC' } });
    const inForce = access.alliance.inForceVersion;
    const inForceVersion = inForce === null ? null : inForce === latest?.version ? latest : await this.version(allianceId, inForce);
    let state: CharterState = 'draft';
    if (latest?.status === 'awaiting_signatures') state = 'proposed';
    else if (inForce !== null)
      state = inForceVersion && sha256(canonicalMarkdown(sections)) === inForceVersion.sha256 ? 'in_force' : 'amending';
    if (access.funderOnly) {
      const text = inForceVersion ? this.localised(inForceVersion.sections, user.locale) : [];
      return { sections: text, draftRevision: 0, inForceVersion: inForce, state, latestVersion: latest?.version ?? null };
    }
    return { sections, draftRevision: revision, inForceVersion: inForce, state, latestVersion: latest?.version ?? null };
  }

  private localised(sections: CharterSection[], locale: Locale): CharterSection[] {
    return sections.map((s) => ({ ...s, title: sectionTitle(s.key, locale) }));
  }

  /**
   * The versions a funder may read: those in force now or before (the charter.in_force entries of the
   * alliance log), never a proposal that was not signed by all. `null` for partners: every version.
   */
  private async readableVersions(access: AllianceAccess): Promise<Set<number> | null> {
    if (!access.funderOnly) return null;
    const rows = await this.audit.detailsOf(access.alliance.id, 'charter.in_force');
    const readable = new Set(rows.map((r) => Number(r['version'])));
    if (access.alliance.inForceVersion !== null) readable.add(access.alliance.inForceVersion);
    return readable;
  }

  private version(allianceId: string, version: number): Promise<CharterVersionEntity | null> {
    return this.dataSource.manager.findOne(CharterVersionEntity, { where: { allianceId, version } });
  }

  /** Freezes the current draft into an immutable version: Markdown per section, Yjs state, SHA-256. */
  async propose(user: AuthUser, allianceId: string, ip: string | null): Promise<ProposeVersionResponse> {
    const access = await this.policy.readable(user, allianceId);
    if (!access.canWriteCharter) throw new DomainException('charter.write_required', 'Only partners of the alliance may propose a version');
    // Read from the database, so what is frozen is exactly what was acknowledged to the writers.
    const loaded = await this.store.load(allianceId, user.locale);
    const sections = this.render(loaded.doc, user.locale);
    const hash = sha256(canonicalMarkdown(sections));
    const saved = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`charter-versions:${allianceId}`]);
      const latest = await manager.findOne(CharterVersionEntity, { where: { allianceId }, order: { version: 'DESC' } });
      if (latest && latest.sha256 === hash && latest.status !== 'changes_requested') {
        throw new DomainException('charter.unchanged', `The draft is identical to version ${latest.version}`);
      }
      if (latest?.status === 'awaiting_signatures') {
        await manager.update(CharterVersionEntity, { allianceId, version: latest.version }, { status: 'superseded' });
      }
      const version = (latest?.version ?? 0) + 1;
      const entity = await manager.save(
        manager.create(CharterVersionEntity, {
          allianceId,
          version,
          sections,
          state: Buffer.from(Y.encodeStateAsUpdate(loaded.doc)),
          sha256: hash,
          status: 'awaiting_signatures',
          createdBy: user.id,
        }),
      );
      if (access.alliance.status === 'draft') await this.lifecycle.charterProposed(manager, allianceId);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'charter.version_proposed',
          objectType: 'charter_version',
          allianceId,
          ip,
          details: { version, sha256: hash },
        },
        manager,
      );
      return entity;
    });
    await this.notifyProposal(user, allianceId, saved.version);
    return { version: saved.version, sha256: saved.sha256, createdAt: saved.createdAt.toISOString() };
  }

  /** Signatories and admins of signing organisations are awaited; everyone else in those organisations is told. */
  private async notifyProposal(user: AuthUser, allianceId: string, version: number): Promise<void> {
    // The signing organisations from the alliances' reader, their people from the organisations' (two statements, whatever their number).
    const signing = await this.alliances.activeMembers(allianceId, ['lead', 'partner']);
    const people = await this.organisations.memberRoles(signing.map((m) => m.organisationId));
    const link = `/alliances/${allianceId}/charter/signatures`;
    const signers = people.filter((p) => p.role === 'admin' || p.role === 'signatory').map((p) => p.user_id);
    const others = people.map((p) => p.user_id).filter((id) => !signers.includes(id));
    const notified = [
      ...(await this.notifications.notify({
        userIds: signers,
        type: 'signature_awaited',
        allianceId,
        actorId: user.id,
        excerpt: `v${version}`,
        link,
      })),
      ...(await this.notifications.notify({
        userIds: others,
        type: 'charter_version_proposed',
        allianceId,
        actorId: user.id,
        excerpt: `v${version}`,
        link,
      })),
    ];
    this.notifications.changed(notified);
  }

  async versions(user: AuthUser, allianceId: string): Promise<CharterVersionSummary[]> {
    const readable = await this.readableVersions(await this.policy.readable(user, allianceId));
    const versions = (
      await this.dataSource.manager.find(CharterVersionEntity, {
        where: { allianceId },
        order: { version: 'DESC' },
        select: { allianceId: true, version: true, sha256: true, status: true, createdBy: true, createdAt: true },
      })
    ).filter((v) => !readable || readable.has(v.version));
    const signatures = await this.signaturesOf(allianceId);
    const authors = await this.names(versions.map((v) => v.createdBy));
    return versions.map((v) => this.summary(v, signatures, authors));
  }

  async getVersion(user: AuthUser, allianceId: string, version: number): Promise<CharterVersion> {
    const readable = await this.readableVersions(await this.policy.readable(user, allianceId));
    const entity = readable && !readable.has(version) ? null : await this.version(allianceId, version);
    if (!entity) throw new NotFoundDomainException('charter_version');
    const signatures = await this.signaturesOf(allianceId);
    const authors = await this.names([entity.createdBy]);
    return { ...this.summary(entity, signatures, authors), sections: this.localised(entity.sections, user.locale) };
  }

  private summary(v: CharterVersionEntity, signatures: CharterSignatureEntity[], authors: Map<string, string>): CharterVersionSummary {
    return {
      version: v.version,
      sha256: v.sha256,
      createdAt: v.createdAt.toISOString(),
      createdBy: { id: v.createdBy, displayName: (v.createdBy && authors.get(v.createdBy)) || null },
      status: v.status,
      signatures: signatures
        .filter((s) => s.version === v.version)
        .map((s): SignatureSummary => ({
          organisationId: s.organisationId,
          organisationName: s.organisationName,
          kind: s.kind,
          signerName: s.signerName,
          comment: s.comment,
          at: s.createdAt.toISOString(),
        })),
    };
  }

  private signaturesOf(allianceId: string): Promise<CharterSignatureEntity[]> {
    return this.dataSource.manager.find(CharterSignatureEntity, { where: { allianceId }, order: { createdAt: 'ASC' } });
  }

  private async names(ids: (string | null)[]): Promise<Map<string, string>> {
    return this.users.displayNames(ids);
  }

  /**
   * An admin or signatory signs for their organisation the exact text they read (its SHA-256).
   * When every active lead and partner organisation has signed, the version is in force.
   */
  async sign(
    user: AuthUser,
    allianceId: string,
    version: number,
    input: { organisationId: string; sha256: string },
    ip: string | null,
  ): Promise<CharterVersionSummary> {
    return this.answer(user, allianceId, version, input.organisationId, ip, { kind: 'signed', sha256: input.sha256 });
  }

  async requestChanges(
    user: AuthUser,
    allianceId: string,
    version: number,
    input: { organisationId: string; comment: string },
    ip: string | null,
  ): Promise<CharterVersionSummary> {
    return this.answer(user, allianceId, version, input.organisationId, ip, { kind: 'changes_requested', comment: input.comment });
  }

  private async answer(
    user: AuthUser,
    allianceId: string,
    versionNumber: number,
    organisationId: string,
    ip: string | null,
    answer: { kind: 'signed'; sha256: string } | { kind: 'changes_requested'; comment: string },
  ): Promise<CharterVersionSummary> {
    const access = await this.policy.readable(user, allianceId);
    const seat = access.active.find((s) => s.organisationId === organisationId);
    if (!seat || (seat.allianceRole !== 'lead' && seat.allianceRole !== 'partner')) {
      throw new DomainException('charter.not_a_signing_organisation', 'You can only sign for your own lead or partner organisation');
    }
    if (!access.signFor.includes(organisationId))
      throw new DomainException('charter.signatory_required', 'Only an admin or a signatory of the organisation may sign');
    // The name the signature keeps, from the organisations' reader (a snapshot: it needs no lock).
    const organisation = await this.organisations.names([organisationId]);
    let notified: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`charter-versions:${allianceId}`]);
      const version = await manager.findOne(CharterVersionEntity, { where: { allianceId, version: versionNumber } });
      if (!version) throw new NotFoundDomainException('charter_version');
      if (version.status !== 'awaiting_signatures')
        throw new DomainException('charter.version_closed', `Version ${versionNumber} is ${version.status.replace('_', ' ')}`);
      if (answer.kind === 'signed' && answer.sha256 !== version.sha256) {
        throw new DomainException('charter.hash_mismatch', 'The text you signed is not this version: reload it and read it again');
      }
      const existing = await manager.findOne(CharterSignatureEntity, { where: { allianceId, version: versionNumber, organisationId } });
      if (existing) throw new DomainException('charter.already_answered', 'Your organisation already answered for this version');
      await manager.insert(CharterSignatureEntity, {
        allianceId,
        version: versionNumber,
        organisationId,
        kind: answer.kind,
        userId: user.id,
        signerName: user.displayName,
        organisationName: organisation[0]?.name ?? '',
        comment: answer.kind === 'changes_requested' ? answer.comment.trim() : null,
        sha256: version.sha256,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: answer.kind === 'signed' ? 'charter.signed' : 'charter.changes_requested',
          objectType: 'charter_version',
          allianceId,
          organisationId,
          ip,
          details: { version: versionNumber },
        },
        manager,
      );
      if (answer.kind === 'changes_requested') {
        await manager.update(CharterVersionEntity, { allianceId, version: versionNumber }, { status: 'changes_requested' });
        return;
      }
      const awaited: { organisation_id: string }[] = await manager.query(
        `SELECT am.organisation_id FROM alliance_members am
          WHERE am.alliance_id = $1 AND am.status = 'active' AND am.role IN ('lead', 'partner')
            AND NOT EXISTS (SELECT 1 FROM charter_signatures s WHERE s.alliance_id = $1 AND s.version = $2 AND s.organisation_id = am.organisation_id AND s.kind = 'signed')`,
        [allianceId, versionNumber],
      );
      if (awaited.length === 0) {
        await manager.query(`UPDATE charter_versions SET status = 'superseded' WHERE alliance_id = $1 AND status = 'in_force'`, [
          allianceId,
        ]);
        await manager.update(CharterVersionEntity, { allianceId, version: versionNumber }, { status: 'in_force' });
        await this.lifecycle.charterInForce(manager, allianceId, versionNumber);
        await this.audit.record(
          {
            actorId: user.id,
            action: 'charter.in_force',
            objectType: 'charter_version',
            allianceId,
            ip,
            details: { version: versionNumber },
          },
          manager,
        );
        // Everyone in the signing organisations learns the charter binds them (issue 16).
        const signing = await this.alliances.activeMembers(allianceId, ['lead', 'partner']);
        const people = await this.organisations.memberRoles(signing.map((m) => m.organisationId));
        notified = await this.notifications.notify(
          {
            userIds: people.map((p) => p.user_id),
            type: 'charter_in_force',
            allianceId,
            actorId: user.id,
            excerpt: `v${versionNumber}`,
            link: `/alliances/${allianceId}/charter`,
          },
          manager,
        );
      }
    });
    this.notifications.changed(notified);
    return (await this.versions(user, allianceId)).find((v) => v.version === versionNumber) as CharterVersionSummary;
  }

  async board(user: AuthUser, allianceId: string): Promise<SignatureBoard> {
    const access = await this.policy.readable(user, allianceId);
    const latest = await this.dataSource.manager.findOne(CharterVersionEntity, {
      where: { allianceId },
      order: { version: 'DESC' },
      select: { version: true },
    });
    // The signing organisations (alliances' reader), their names by name (organisations' reader), then their own signatures: by role, then name.
    const members = await this.alliances.activeMembers(allianceId, ['lead', 'partner']);
    const roles = new Map(members.map((m) => [m.organisationId, m.role as 'lead' | 'partner']));
    const named = (await this.organisations.names(members.map((m) => m.organisationId))).sort((a, b) =>
      (roles.get(a.id) as string) < (roles.get(b.id) as string) ? -1 : (roles.get(a.id) as string) > (roles.get(b.id) as string) ? 1 : 0,
    );
    const signatures: { organisation_id: string; last_signed: number | null; latest_kind: 'signed' | 'changes_requested' | null }[] =
      named.length
        ? await this.dataSource.query(
            `SELECT o.id AS organisation_id,
                  (SELECT max(s.version) FROM charter_signatures s WHERE s.alliance_id = $1 AND s.organisation_id = o.id AND s.kind = 'signed') AS last_signed,
                  (SELECT s.kind FROM charter_signatures s WHERE s.alliance_id = $1 AND s.organisation_id = o.id AND s.version = $2) AS latest_kind
             FROM unnest($3::uuid[]) AS o(id)`,
            [allianceId, latest?.version ?? 0, named.map((n) => n.id)],
          )
        : [];
    const rows = named.map((n) => ({
      organisation_id: n.id,
      name: n.name,
      role: roles.get(n.id) as 'lead' | 'partner',
      ...(signatures.find((s) => s.organisation_id === n.id) as {
        last_signed: number | null;
        latest_kind: 'signed' | 'changes_requested' | null;
      }),
    }));
    return {
      latestVersion: latest?.version ?? null,
      inForceVersion: access.alliance.inForceVersion,
      rows: rows.map((r) => ({
        organisationId: r.organisation_id,
        organisationName: r.name,
        role: r.role,
        lastSignedVersion: r.last_signed,
        latest: r.latest_kind ?? 'awaited',
      })),
    };
  }

  /** A readable diff per section between two versions, or between a version and the current draft. */
  async diff(user: AuthUser, allianceId: string, from: number, to: number | 'draft'): Promise<CharterDiff> {
    const readable = await this.readableVersions(await this.policy.readable(user, allianceId));
    // A funder compares texts that were in force only: the draft and the proposals stay with the partners.
    if (readable && (to === 'draft' || !readable.has(from) || !readable.has(to))) throw new NotFoundDomainException('charter_version');
    const a = await this.version(allianceId, from);
    if (!a) throw new NotFoundDomainException('charter_version');
    let target: CharterSection[];
    if (to === 'draft') target = this.render((await this.current(allianceId, user.locale)).doc, user.locale);
    else {
      const b = await this.version(allianceId, to);
      if (!b) throw new NotFoundDomainException('charter_version');
      target = b.sections;
    }
    return {
      from,
      to,
      sections: CHARTER_SECTION_KEYS.map((key) => {
        const before = a.sections.find((s) => s.key === key)?.markdown ?? '';
        const after = target.find((s) => s.key === key)?.markdown ?? '';
        const parts = diffLines(before ? before + '\n' : '', after ? after + '\n' : '').map((p) => ({
          kind: p.added ? ('added' as const) : p.removed ? ('removed' as const) : ('same' as const),
          text: p.value,
        }));
        return { key, title: sectionTitle(key, user.locale), changed: before !== after, parts };
      }),
    };
  }

  parseTarget(value: string | undefined): number | 'draft' {
    if (value === undefined || value === 'draft') return 'draft';
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidInputException([{ field: 'to', messages: ['a version number or "draft"'], codes: ['invalidVersion'] }]);
    return n;
  }
}
