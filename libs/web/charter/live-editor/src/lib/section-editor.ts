import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { CharterAnchor } from '@alliances/shared/contracts';
import { CommentAnchors, anchorOfSelection, commentAnchorsKey, resolveAnchor, type AnchoredThread } from './comment-anchors';

type Mark = 'bold' | 'italic' | 'link';
type Block = 'heading' | 'bulletList' | 'orderedList';

/**
 * One live text (a charter section, a meeting's minutes): a TipTap editor bound to a Y.XmlFragment,
 * with a small toolbar, the others' carets and the highlighted passages that carry comment threads.
 */
@Component({
  selector: 'all-section-editor',
  imports: [TranslocoPipe],
  template: `
    @if (!readOnly()) {
      <div class="toolbar" role="toolbar" [attr.aria-label]="labels() + '.label' | transloco: { section: title() }">
        <button
          type="button"
          (click)="toggle('heading')"
          [attr.aria-pressed]="isActive('heading')"
          [attr.aria-label]="labels() + '.heading' | transloco"
        >
          <span aria-hidden="true">T</span>
        </button>
        <button
          type="button"
          (click)="toggle('bold')"
          [attr.aria-pressed]="isActive('bold')"
          [attr.aria-label]="labels() + '.bold' | transloco"
        >
          <b aria-hidden="true">G</b>
        </button>
        <button
          type="button"
          (click)="toggle('italic')"
          [attr.aria-pressed]="isActive('italic')"
          [attr.aria-label]="labels() + '.italic' | transloco"
        >
          <i aria-hidden="true">I</i>
        </button>
        <button
          type="button"
          (click)="toggle('bulletList')"
          [attr.aria-pressed]="isActive('bulletList')"
          [attr.aria-label]="labels() + '.bulletList' | transloco"
        >
          <span aria-hidden="true">•</span>
        </button>
        <button
          type="button"
          (click)="toggle('orderedList')"
          [attr.aria-pressed]="isActive('orderedList')"
          [attr.aria-label]="labels() + '.orderedList' | transloco"
        >
          <span aria-hidden="true">1.</span>
        </button>
        <button
          type="button"
          (click)="toggle('link')"
          [attr.aria-pressed]="isActive('link')"
          [attr.aria-label]="labels() + '.link' | transloco"
        >
          <span aria-hidden="true">URL</span>
        </button>
      </div>
    }
    <div #host class="content" [attr.data-testid]="testId() ?? 'section-editor-' + key()"></div>
  `,
  styles: `
    :host {
      display: block;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-small);
    }
    .toolbar {
      display: flex;
      gap: 0.25rem;
      padding: 0.25rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .toolbar button {
      min-width: 2.25rem;
      min-height: 2.25rem;
      border: 1px solid transparent;
      border-radius: 4px;
      background: transparent;
      color: inherit;
      cursor: pointer;
      font: inherit;
    }
    .toolbar button[aria-pressed='true'] {
      background: var(--mat-sys-secondary-container);
      border-color: var(--mat-sys-outline);
    }
    .toolbar button:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    .content ::ng-deep .ProseMirror {
      min-height: 4rem;
      padding: 0.5rem 0.75rem;
      outline: none;
    }
    .content ::ng-deep .ProseMirror:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: -3px;
    }
    .content ::ng-deep .comment-anchor {
      background: #fff3c4;
      border-bottom: 2px solid #b45309;
      cursor: pointer;
    }
    .content ::ng-deep .comment-anchor.is-active {
      background: #fde68a;
      outline: 2px solid #92400e;
    }
    .content ::ng-deep .collaboration-carets__caret {
      position: relative;
      margin: 0 -1px;
      border-left: 2px solid;
      border-right: 0;
      word-break: normal;
      pointer-events: none;
    }
    .content ::ng-deep .collaboration-carets__label {
      position: absolute;
      top: -1.4em;
      left: -1px;
      padding: 0 0.3rem;
      border-radius: 3px 3px 3px 0;
      color: #fff;
      font-size: 0.75rem;
      font-weight: 600;
      line-height: 1.4;
      white-space: nowrap;
      user-select: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SectionEditor implements OnDestroy {
  readonly key = input.required<string>();
  readonly title = input.required<string>();
  /** Id of the element naming the section, for the editable region. */
  readonly labelledBy = input.required<string>();
  readonly fragment = input.required<Y.XmlFragment>();
  readonly awareness = input.required<Awareness>();
  readonly user = input.required<{ name: string; color: string }>();
  readonly readOnly = input(false);
  /** Translation keys of the toolbar (`label`, `heading`, `bold`…, `linkPrompt`), under this prefix. */
  readonly labels = input('charter.toolbar');
  /** The text area's data-testid; `section-editor-<key>` by default. */
  readonly testId = input<string | null>(null);
  /** Comment threads anchored in this section, highlighted where their passage now stands. */
  readonly threads = input<AnchoredThread[]>([]);
  /** The selected passage, as an anchor a new thread can be opened on (null when nothing is selected). */
  readonly selected = output<CharterAnchor | null>();
  /** A highlighted passage was clicked: its thread. */
  readonly activated = output<string>();

  private readonly transloco = inject(TranslocoService);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private editor: Editor | null = null;
  /** Bumped on every editor transaction, so the toolbar's pressed states follow the selection. */
  private readonly revision = signal(0);
  private readonly active = computed(() => {
    this.revision();
    const editor = this.editor;
    const is = (name: Mark | Block) => editor?.isActive(name) ?? false;
    return {
      bold: is('bold'),
      italic: is('italic'),
      link: is('link'),
      heading: is('heading'),
      bulletList: is('bulletList'),
      orderedList: is('orderedList'),
    };
  });

  constructor() {
    afterNextRender(() => {
      this.editor = new Editor({
        element: this.host().nativeElement,
        editable: !this.readOnly(),
        extensions: [
          StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] }, link: { openOnClick: false, autolink: true } }),
          Collaboration.configure({ fragment: this.fragment() }),
          CollaborationCaret.configure({ provider: { awareness: this.awareness() }, user: this.user() }),
          CommentAnchors.configure({ onActivate: (id) => this.activated.emit(id) }),
        ],
        editorProps: {
          attributes: {
            role: 'textbox',
            'aria-multiline': 'true',
            'aria-labelledby': this.labelledBy(),
            'aria-readonly': String(this.readOnly()),
          },
        },
        onTransaction: () => this.revision.update((n) => n + 1),
        onSelectionUpdate: ({ editor }) => this.selected.emit(anchorOfSelection(editor.state, this.key())),
      });
      this.showThreads(this.threads());
    });
    effect(() => this.showThreads(this.threads()));
    effect(() => {
      const readOnly = this.readOnly();
      if (this.editor && this.editor.isEditable === readOnly) {
        this.editor.setEditable(!readOnly);
        this.editor.view.dom.setAttribute('aria-readonly', String(readOnly));
      }
    });
  }

  /** Brings a thread's passage into view and selects it; false when its text is gone. */
  reveal(anchor: { start: string; end: string }): boolean {
    const editor = this.editor;
    const range = editor ? resolveAnchor(editor.state, anchor) : null;
    if (!editor || !range) return false;
    // Focus moves into the text with the passage selected, so reading or editing goes on from there.
    editor.chain().setTextSelection(range).focus(null, { scrollIntoView: false }).run();
    const { node } = editor.view.domAtPos(range.from);
    (node instanceof HTMLElement ? node : node.parentElement)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  }

  private showThreads(threads: AnchoredThread[]): void {
    const editor = this.editor;
    if (editor && !editor.isDestroyed)
      editor.view.dispatch(editor.state.tr.setMeta(commentAnchorsKey, threads).setMeta('addToHistory', false));
  }

  protected isActive(name: Mark | Block): boolean {
    return this.active()[name];
  }

  protected toggle(name: Mark | Block): void {
    const chain = this.editor?.chain().focus();
    if (!chain) return;
    switch (name) {
      case 'bold':
        chain.toggleBold().run();
        break;
      case 'italic':
        chain.toggleItalic().run();
        break;
      case 'heading':
        chain.toggleHeading({ level: 3 }).run();
        break;
      case 'bulletList':
        chain.toggleBulletList().run();
        break;
      case 'orderedList':
        chain.toggleOrderedList().run();
        break;
      case 'link': {
        if (this.isActive('link')) {
          chain.unsetLink().run();
          break;
        }
        const href = globalThis.prompt?.(this.transloco.translate(`${this.labels()}.linkPrompt`));
        if (href && /^(https?:|mailto:)/i.test(href.trim())) chain.setLink({ href: href.trim() }).run();
        break;
      }
    }
  }

  ngOnDestroy(): void {
    this.editor?.destroy();
    this.editor = null;
  }
}
