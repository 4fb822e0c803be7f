import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CharterApi } from '@alliances/web/charter/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import { Notice, confirmAction, saveBlob } from '@alliances/web/ui';
import { SIGNING_ROLES, type SignatureBoardRow } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { CharterDiffView } from '../shared/charter-diff-view';

interface Feedback {
  kind: 'success' | 'error';
  key: string;
  params?: Record<string, unknown>;
}

/** Who signed which version, the latest version's fingerprint, and signing or asking for changes. */
@Component({
  selector: 'all-signature-board-page',
  imports: [FormsModule, MatButton, MatFormField, MatInput, MatLabel, RouterLink, TranslocoPipe, LocalDatePipe, Notice, CharterDiffView],
  templateUrl: './signature-board-page.html',
  styleUrl: './signature-board-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignatureBoardPage {
  private readonly api = inject(CharterApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);

  /** Route parameter: the alliance. */
  readonly id = input.required<string>();

  protected readonly board = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.board(params) });
  protected readonly alliance = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.alliance(params) });
  protected readonly latest = rxResource({
    // A number, so reloading the board does not fetch the same version again.
    params: () => this.board.value()?.latestVersion || undefined,
    stream: ({ params }) => this.api.version(this.id(), params),
  });

  /** Organisations the user may sign for: a signing member of the alliance where they are admin or signatory. */
  protected readonly signableOrgs = computed(() => {
    const alliance = this.alliance.value();
    if (!alliance?.can.sign) return new Set<string>();
    const entitled = new Set(
      this.auth
        .memberships()
        .filter((m) => m.role === 'admin' || m.role === 'signatory')
        .map((m) => m.organisationId),
    );
    return new Set(
      alliance.myRoles
        .filter((r) => SIGNING_ROLES.includes(r.role) && r.status === 'active' && entitled.has(r.organisationId))
        .map((r) => r.organisationId),
    );
  });
  protected readonly awaitingMe = computed(() =>
    (this.board.value()?.rows ?? []).filter((r) => r.latest === 'awaited' && this.signableOrgs().has(r.organisationId)),
  );

  /** For a signatory: what changed since the oldest version one of their organisations signed. */
  private readonly lastSigned = computed(() => {
    const board = this.board.value();
    if (!board?.latestVersion) return undefined;
    const versions = board.rows
      .filter(
        (r) =>
          this.signableOrgs().has(r.organisationId) && r.lastSignedVersion !== null && r.lastSignedVersion < (board.latestVersion ?? 0),
      )
      .map((r) => r.lastSignedVersion as number);
    return versions.length ? `${Math.min(...versions)}:${board.latestVersion}` : undefined;
  });
  protected readonly changes = rxResource({
    params: () => this.lastSigned(),
    stream: ({ params }) => {
      const [from, to] = params.split(':').map(Number);
      return this.api.diff(this.id(), from, to);
    },
  });

  protected readonly busy = signal<string | null>(null);
  protected readonly feedback = signal<Feedback | null>(null);
  protected readonly requesting = signal<string | null>(null);
  protected comment = '';

  protected async sign(row: SignatureBoardRow): Promise<void> {
    const version = this.latest.value();
    if (!version) return;
    const confirmed = await confirmAction(this.dialog, {
      title: 'charter.signatures.confirmTitle',
      message: 'charter.signatures.confirmText',
      confirm: 'charter.signatures.confirmAccept',
      params: { version: version.version, organisation: row.organisationName, sha256: version.sha256 },
    });
    if (!confirmed) return;
    this.busy.set(row.organisationId);
    this.feedback.set(null);
    try {
      await firstValueFrom(this.api.sign(this.id(), version.version, { organisationId: row.organisationId, sha256: version.sha256 }));
      this.feedback.set({
        kind: 'success',
        key: 'charter.signatures.signed',
        params: { organisation: row.organisationName, version: version.version },
      });
      this.board.reload();
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.busy.set(null);
    }
  }

  protected askChanges(row: SignatureBoardRow): void {
    this.comment = '';
    this.requesting.set(row.organisationId);
  }

  protected async sendChangeRequest(row: SignatureBoardRow): Promise<void> {
    const version = this.board.value()?.latestVersion;
    const comment = this.comment.trim();
    if (!version || !comment) return;
    this.busy.set(row.organisationId);
    this.feedback.set(null);
    try {
      await firstValueFrom(this.api.requestChanges(this.id(), version, { organisationId: row.organisationId, comment }));
      this.requesting.set(null);
      this.feedback.set({ kind: 'success', key: 'charter.signatures.changesRequested', params: { organisation: row.organisationName } });
      this.board.reload();
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.busy.set(null);
    }
  }

  protected async export(format: 'md' | 'pdf'): Promise<void> {
    const version = this.latest.value();
    if (!version) return;
    try {
      const blob = await firstValueFrom(this.api.export(this.id(), version.version, format));
      saveBlob(this.document, blob, `charte-v${version.version}.${format}`);
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }
}
