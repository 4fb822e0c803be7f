import { ChangeDetectionStrategy, Component, ElementRef, OnDestroy, OnInit, inject, input, output, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger, MatOption } from '@angular/material/autocomplete';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { MAX_COMMENT_LENGTH, type MentionCandidate } from '@alliances/shared/contracts';
import { CommentsApi } from '@alliances/web/comments/data-access';

export interface ComposerValue {
  body: string;
  mentions: string[];
}

const MENTION_QUERY = /(^|\s)@([^\s@]{0,40})$/;

/** A Markdown text area with @mention autocompletion (people of the alliance). */
@Component({
  selector: 'all-comment-composer',
  imports: [
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
    TranslocoPipe,
  ],
  template: `
    <form class="composer" (submit)="submit($event)">
      <mat-form-field appearance="outline" class="field">
        <mat-label>{{ label() | transloco }}</mat-label>
        <textarea
          #area
          matInput
          rows="3"
          [value]="text()"
          (input)="changed()"
          (keyup)="changed()"
          (click)="changed()"
          [matAutocomplete]="auto"
          [attr.maxlength]="max"
          data-testid="comment-input"
        ></textarea>
        <mat-hint>{{ 'comments.composer.hint' | transloco }}</mat-hint>
        @if (tooLong()) {
          <mat-error>{{ 'comments.composer.tooLong' | transloco: { max } }}</mat-error>
        }
      </mat-form-field>
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="insertMention" (optionSelected)="chosen($event)">
        @for (person of candidates(); track person.userId) {
          <mat-option [value]="person" data-testid="mention-option">
            {{ 'comments.composer.mentionOption' | transloco: { name: person.displayName, organisation: person.organisationName } }}
          </mat-option>
        }
      </mat-autocomplete>
      <div class="actions">
        @if (cancellable()) {
          <button matButton type="button" (click)="cancelled.emit()">{{ 'comments.panel.cancel' | transloco }}</button>
        }
        <button matButton="filled" type="submit" [disabled]="!text().trim() || tooLong()" data-testid="comment-submit">
          {{ submitLabel() | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .composer {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .field {
      width: 100%;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommentComposer implements OnInit, OnDestroy {
  private readonly api = inject(CommentsApi);
  private readonly area = viewChild.required<ElementRef<HTMLTextAreaElement>>('area');
  private readonly trigger = viewChild.required(MatAutocompleteTrigger);

  readonly allianceId = input.required<string>();
  readonly label = input('comments.composer.label');
  readonly submitLabel = input('comments.composer.submit');
  readonly initial = input<ComposerValue | null>(null);
  readonly cancellable = input(false);
  readonly submitted = output<ComposerValue>();
  readonly cancelled = output<void>();
  readonly typed = output<void>();

  protected readonly max = MAX_COMMENT_LENGTH;
  protected readonly text = signal('');
  protected readonly candidates = signal<MentionCandidate[]>([]);
  private readonly mentioned = new Map<string, string>();
  private query: { start: number; end: number; q: string } | null = null;
  private lookup: ReturnType<typeof setTimeout> | undefined;
  private started = false;

  protected tooLong(): boolean {
    return this.text().length > MAX_COMMENT_LENGTH;
  }

  ngOnDestroy(): void {
    clearTimeout(this.lookup);
  }

  /** Sets the text (edition of an existing comment). */
  ngOnInit(): void {
    const initial = this.initial();
    if (initial) this.text.set(initial.body);
  }

  focus(): void {
    this.area().nativeElement.focus();
  }

  protected changed(): void {
    const el = this.area().nativeElement;
    const before = this.text();
    this.text.set(el.value);
    if (el.value !== before && this.started) this.typed.emit();
    this.started = true;
    const caret = el.selectionStart ?? el.value.length;
    const match = MENTION_QUERY.exec(el.value.slice(0, caret));
    if (!match) {
      this.query = null;
      if (this.candidates().length) this.candidates.set([]);
      return;
    }
    const q = match[2];
    if (this.query?.q === q && this.query.end === caret) return;
    this.query = { start: caret - q.length - 1, end: caret, q };
    clearTimeout(this.lookup);
    this.lookup = setTimeout(() => {
      this.api.mentionable(this.allianceId(), q).subscribe({
        next: (people) => {
          if (this.query?.q !== q) return;
          this.candidates.set(people.slice(0, 8));
          // The suggestions come after the keystroke: open the panel for them if the field still has focus.
          if (people.length && document.activeElement === this.area().nativeElement && !this.trigger().panelOpen)
            this.trigger().openPanel();
        },
        error: () => this.candidates.set([]),
      });
    }, 150);
  }

  /** The autocomplete writes this into the text area: the text with "@query" replaced by "@Name ". */
  protected readonly insertMention = (person: MentionCandidate | string | null): string => {
    const value = this.area().nativeElement.value;
    if (!person || typeof person === 'string' || !this.query) return value;
    return `${value.slice(0, this.query.start)}@${person.displayName} ${value.slice(this.query.end)}`;
  };

  protected chosen(event: MatAutocompleteSelectedEvent): void {
    const person = event.option.value as MentionCandidate;
    const el = this.area().nativeElement;
    const caret = (this.query?.start ?? 0) + person.displayName.length + 2;
    this.mentioned.set(person.userId, person.displayName);
    this.query = null;
    this.candidates.set([]);
    this.text.set(el.value);
    el.focus();
    el.setSelectionRange(caret, caret);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const body = this.text().trim();
    if (!body || this.tooLong()) return;
    const initialMentions = this.initial()?.mentions ?? [];
    const mentions = [
      ...new Set([...initialMentions, ...[...this.mentioned].filter(([, name]) => body.includes(`@${name}`)).map(([id]) => id)]),
    ];
    this.submitted.emit({ body, mentions });
    this.text.set('');
    this.mentioned.clear();
    this.started = false;
  }
}
