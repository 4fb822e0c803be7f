import { DocumentsPanel } from '@alliances/web/documents/feature-documents';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  MINUTES_FRAGMENT,
  type CharterAnchor,
  type Comment,
  type CommentTarget,
  type Meeting,
  type Minutes,
} from '@alliances/shared/contracts';
import { LiveComments } from '@alliances/web/comments/data-access';
import { CommentsPanel } from '@alliances/web/comments/feature-comments';
import { colourFor } from '@alliances/web/charter/data-access';
import { SectionEditor, type AnchoredThread } from '@alliances/web/charter/live-editor';
import { AuthStore } from '@alliances/web/identity/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { MeetingsApi, MinutesConnection, meetingPhase } from '@alliances/web/meetings/data-access';
import { Notice, confirmAction, saveBlob } from '@alliances/web/ui';
import { marked } from 'marked';
import { AttendanceBlock } from './attendance-block';
import { MeetingOutcomes } from './meeting-outcomes';
import { MinutesApproval } from './minutes-approval';

/** One meeting: details, agenda, attendance, the minutes written live together, and their approval. */
@Component({
  selector: 'all-meeting-page',
  imports: [
    MatButton,
    CommentsPanel,
    DocumentsPanel,
    RouterLink,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
    SectionEditor,
    AttendanceBlock,
    MinutesApproval,
    MeetingOutcomes,
  ],
  providers: [MinutesConnection],
  templateUrl: './meeting-page.html',
  styleUrl: './meeting-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingPage {
  private readonly api = inject(MeetingsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);
  protected readonly connection = inject(MinutesConnection);
  private readonly comments = inject(LiveComments);
  private readonly editor = viewChild(SectionEditor);

  /** Route parameters: the alliance and the meeting. */
  readonly id = input.required<string>();
  readonly meetingId = input.required<string>();

  private readonly meetingResource = rxResource({ params: () => this.meetingId(), stream: ({ params }) => this.api.meeting(params) });
  private readonly minutesResource = rxResource({ params: () => this.meetingId(), stream: ({ params }) => this.api.minutes(params) });
  /** The meeting as last heard (loaded, or answered by a change). */
  protected readonly meeting = linkedSignal<Meeting | undefined>(() => this.meetingResource.value());
  protected readonly minutes = linkedSignal<Minutes | undefined>(() => this.minutesResource.value());
  protected readonly loadError = computed(() => this.meetingResource.error() ?? this.minutesResource.error());

  protected readonly fragmentName = MINUTES_FRAGMENT;
  protected readonly phase = computed(() => {
    const m = this.meeting();
    return m ? meetingPhase(m) : null;
  });
  protected readonly editable = computed(() => this.phase() !== 'cancelled');
  /** The live text takes edits only while the minutes are a draft and the server lets this person write. */
  protected readonly readOnly = computed(() => this.connection.readOnly() || this.minutes()?.status !== 'draft' || !this.editable());
  /** Once final, everyone reads the frozen version (its Markdown), the one the organisations approve. */
  protected readonly frozenHtml = computed(() => {
    const minutes = this.minutes();
    return minutes && minutes.status !== 'draft' && minutes.current ? marked.parse(minutes.current.text, { async: false }) : null;
  });
  protected readonly me = computed(() => {
    const user = this.auth.user();
    return user ? { name: user.displayName, color: colourFor(user.id) } : { name: '', color: '#1d4ed8' };
  });

  /** Comments on passages of the minutes: the selected passage, the one a thread is being opened on, the thread shown. */
  protected readonly selection = signal<CharterAnchor | null>(null);
  protected readonly newAnchor = signal<CharterAnchor | null>(null);
  protected readonly activeThread = signal<string | null>(null);
  protected readonly selectionHint = signal(false);
  protected readonly commentTarget = computed<CommentTarget>(() => ({ type: 'minutes', id: this.meetingId() }));
  protected readonly threads = computed<AnchoredThread[]>(() => {
    const active = this.activeThread();
    return this.comments
      .all()
      .filter(
        (c) =>
          c.allianceId === this.id() &&
          c.target.type === 'minutes' &&
          c.target.id === this.meetingId() &&
          !c.parentId &&
          !c.deletedAt &&
          (!c.resolvedAt || c.id === active),
      )
      .flatMap((c) =>
        c.target.anchor ? [{ id: c.id, start: c.target.anchor.start, end: c.target.anchor.end, active: c.id === active }] : [],
      );
  });

  constructor() {
    effect(() => {
      const user = this.auth.user();
      if (user) this.connection.connect(this.meetingId(), { id: user.id, name: user.displayName });
    });
  }

  protected selected(anchor: CharterAnchor | null): void {
    this.selection.set(anchor);
    if (anchor) this.selectionHint.set(false);
  }

  /** Opens a new thread on the selected passage, in the side panel. */
  protected commentSelection(): void {
    const anchor = this.selection();
    if (!anchor) {
      this.selectionHint.set(true);
      return;
    }
    this.activeThread.set(null);
    this.newAnchor.set(anchor);
  }

  /** "Show in the text": select the passage where edits have moved it. */
  protected jumpTo(comment: Comment): void {
    const anchor = comment.target.anchor;
    if (!anchor) return;
    this.activeThread.set(comment.id);
    this.editor()?.reveal(anchor);
  }

  protected readonly cancelling = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async cancelMeeting(): Promise<void> {
    const meeting = this.meeting();
    if (!meeting) return;
    const confirmed = await confirmAction(this.dialog, {
      title: 'meetings.meeting.cancelTitle',
      message: 'meetings.meeting.cancelText',
      confirm: 'meetings.meeting.cancelConfirm',
      params: { title: meeting.title },
      destructive: true,
    });
    if (!confirmed) return;
    this.cancelling.set(true);
    this.error.set(null);
    try {
      this.meeting.set(await firstValueFrom(this.api.cancel(meeting.id)));
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.cancelling.set(false);
    }
  }

  protected readonly downloading = signal(false);

  /** "Télécharger (.ics)": the meeting as an iCalendar file, fetched with the token. */
  protected async downloadIcs(): Promise<void> {
    const meeting = this.meeting();
    if (!meeting) return;
    this.downloading.set(true);
    this.error.set(null);
    try {
      const blob = await firstValueFrom(this.api.ics(meeting.id));
      saveBlob(this.document, blob, `${fileName(meeting.title)}.ics`);
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.downloading.set(false);
    }
  }

  protected minutesChanged(minutes: Minutes): void {
    const reopened = this.minutes()?.status !== 'draft' && minutes.status === 'draft';
    this.minutes.set(minutes);
    // The live document was read-only while frozen: the server says again who may write.
    if (reopened) this.connection.rejoin();
  }

  protected initials(name: string): string {
    return name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join('');
  }
}

/** A file name from a title: letters and digits, accents dropped, dashes between. */
function fileName(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'reunion';
}
