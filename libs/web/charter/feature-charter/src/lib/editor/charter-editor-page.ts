import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, viewChildren } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CharterApi, CharterConnection, colourFor } from '@alliances/web/charter/data-access';
import { AuthStore } from '@alliances/web/identity/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice, confirmAction } from '@alliances/web/ui';
import type { CharterAnchor, Comment, CommentTarget, ProposeVersionResponse } from '@alliances/shared/contracts';
import { LiveComments } from '@alliances/web/comments/data-access';
import { CommentsPanel } from '@alliances/web/comments/feature-comments';
import { marked } from 'marked';
import { firstValueFrom } from 'rxjs';
import { SectionEditor, type AnchoredThread } from '@alliances/web/charter/live-editor';

/** The live charter: nine sections edited together, who is here, and the proposal for signature. */
@Component({
  selector: 'all-charter-editor-page',
  imports: [MatButton, RouterLink, TranslocoPipe, Notice, SectionEditor, CommentsPanel],
  providers: [CharterConnection],
  templateUrl: './charter-editor-page.html',
  styleUrl: './charter-editor-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CharterEditorPage {
  private readonly api = inject(CharterApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  protected readonly connection = inject(CharterConnection);
  private readonly comments = inject(LiveComments);
  private readonly editors = viewChildren(SectionEditor);

  /** Route parameter: the alliance. */
  readonly id = input.required<string>();

  protected readonly charter = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.charter(params) });
  protected readonly alliance = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.alliance(params) });
  protected readonly canWrite = computed(() => (this.alliance.value()?.can.writeCharter ?? false) && !this.connection.readOnly());
  protected readonly me = computed(() => {
    const user = this.auth.user();
    return user ? { name: user.displayName, color: colourFor(user.id) } : { name: '', color: '#1d4ed8' };
  });
  /**
   * Funders follow the charter without its drafts: the live document refuses them, and the page
   * shows the text in force instead (the API sends no sections before a version is in force).
   */
  protected readonly refused = computed(() => this.connection.status() === 'refused');
  protected readonly textInForce = computed(() =>
    (this.charter.value()?.sections ?? []).map((s) => ({ key: s.key, title: s.title, html: marked.parse(s.markdown, { async: false }) })),
  );
  protected readonly proposing = signal(false);
  protected readonly proposed = signal<ProposeVersionResponse | null>(null);
  protected readonly error = signal<string | null>(null);

  /** The section whose passage threads the side panel shows: where the person last selected or clicked. */
  protected readonly commentSection = signal<string | null>(null);
  /** The passage selected in the text, and the one a new thread is being written on. */
  protected readonly selection = signal<CharterAnchor | null>(null);
  protected readonly newAnchor = signal<CharterAnchor | null>(null);
  protected readonly activeThread = signal<string | null>(null);
  protected readonly selectionHint = signal(false);

  protected readonly panelSection = computed(() => this.commentSection() ?? this.charter.value()?.sections[0]?.key ?? null);
  protected readonly panelTarget = computed<CommentTarget | null>(() => {
    const section = this.panelSection();
    return section ? { type: 'charter_passage', id: section } : null;
  });
  /** Open passage threads by section, for the highlights and the counts. */
  private readonly passageThreads = computed(() => {
    const bySection = new Map<string, Comment[]>();
    for (const c of this.comments.all()) {
      if (c.allianceId !== this.id() || c.target.type !== 'charter_passage' || c.parentId || c.deletedAt || !c.target.anchor) continue;
      bySection.set(c.target.id, [...(bySection.get(c.target.id) ?? []), c]);
    }
    return bySection;
  });
  protected readonly threadsBySection = computed(() => {
    const active = this.activeThread();
    const result: Record<string, AnchoredThread[]> = {};
    for (const [section, threads] of this.passageThreads()) {
      result[section] = threads.flatMap((c) =>
        c.target.anchor && (!c.resolvedAt || c.id === active)
          ? [{ id: c.id, start: c.target.anchor.start, end: c.target.anchor.end, active: c.id === active }]
          : [],
      );
    }
    return result;
  });
  protected readonly threadCount = (section: string) => this.passageThreads().get(section)?.length ?? 0;

  constructor() {
    effect(() => {
      const user = this.auth.user();
      if (user) this.connection.connect(this.id(), { id: user.id, name: user.displayName });
    });
  }

  protected selected(section: string, anchor: CharterAnchor | null): void {
    this.selection.set(anchor);
    if (anchor) this.selectionHint.set(false);
    if (anchor && !this.newAnchor()) this.commentSection.set(section);
  }

  /** Opens a new thread on the selected passage, in the side panel. */
  protected commentSelection(): void {
    const anchor = this.selection();
    if (!anchor) {
      this.selectionHint.set(true);
      return;
    }
    this.commentSection.set(anchor.section);
    this.activeThread.set(null);
    this.newAnchor.set(anchor);
  }

  protected chooseSection(section: string): void {
    this.commentSection.set(section);
    this.newAnchor.set(null);
  }

  /** A highlighted passage was clicked: show its thread. */
  protected activate(section: string, threadId: string): void {
    this.commentSection.set(section);
    this.activeThread.set(threadId);
  }

  /** "Show in the text": select the passage where edits have moved it. */
  protected jumpTo(comment: Comment): void {
    const anchor = comment.target.anchor;
    if (!anchor) return;
    this.activeThread.set(comment.id);
    this.editors()
      .find((editor) => editor.key() === anchor.section)
      ?.reveal(anchor);
  }

  protected initials(name: string): string {
    return name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join('');
  }

  protected async propose(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'charter.editor.proposeTitle',
      message: 'charter.editor.proposeText',
      confirm: 'charter.editor.proposeConfirm',
    });
    if (!confirmed) return;
    this.proposing.set(true);
    this.error.set(null);
    try {
      this.proposed.set(await firstValueFrom(this.api.propose(this.id())));
      this.charter.reload();
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.proposing.set(false);
    }
  }
}
