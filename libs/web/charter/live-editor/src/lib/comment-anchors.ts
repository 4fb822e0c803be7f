import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { CharterAnchor } from '@alliances/shared/contracts';
import * as Y from 'yjs';

/** A thread anchored in this section, to highlight. */
export interface AnchoredThread {
  id: string;
  start: string;
  end: string;
  active: boolean;
}

const QUOTE_MAX = 500;
export const commentAnchorsKey = new PluginKey<AnchoredThread[]>('commentAnchors');

const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The binding between the ProseMirror document and the section's Y.XmlFragment, once it exists. */
function syncOf(state: EditorState): { doc: Y.Doc; type: Y.XmlFragment; mapping: Map<unknown, unknown> } | null {
  const sync = ySyncPluginKey.getState(state) as
    { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping: Map<unknown, unknown> } } | undefined;
  return sync?.doc && sync.type && sync.binding ? { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping } : null;
}

/**
 * Where an anchored passage stands in the document now, following every edit made since it was
 * anchored (Yjs relative positions); null once its text is gone.
 */
export function resolveAnchor(state: EditorState, anchor: { start: string; end: string }): { from: number; to: number } | null {
  const sync = syncOf(state);
  if (!sync) return null;
  try {
    const from = relativePositionToAbsolutePosition(
      sync.doc,
      sync.type,
      Y.decodeRelativePosition(fromBase64(anchor.start)),
      sync.mapping as never,
    );
    const to = relativePositionToAbsolutePosition(
      sync.doc,
      sync.type,
      Y.decodeRelativePosition(fromBase64(anchor.end)),
      sync.mapping as never,
    );
    return from !== null && to !== null && to > from ? { from, to } : null;
  } catch {
    return null;
  }
}

/** The current selection as an anchor for a new thread (null when nothing is selected). */
export function anchorOfSelection(state: EditorState, section: string): CharterAnchor | null {
  const { from, to, empty } = state.selection;
  const sync = syncOf(state);
  if (empty || !sync) return null;
  const quote = state.doc.textBetween(from, to, ' ').replace(/\s+/g, ' ').trim();
  if (!quote) return null;
  const start = absolutePositionToRelativePosition(from, sync.type, sync.mapping as never);
  const end = absolutePositionToRelativePosition(to, sync.type, sync.mapping as never);
  return {
    section,
    start: toBase64(Y.encodeRelativePosition(start)),
    end: toBase64(Y.encodeRelativePosition(end)),
    quote: quote.length > QUOTE_MAX ? `${quote.slice(0, QUOTE_MAX - 1)}…` : quote,
  };
}

/**
 * Highlights the passages that carry a comment thread, wherever edits have moved them, and reports
 * a click on one. Threads are set with a transaction carrying `commentAnchorsKey` meta.
 */
export const CommentAnchors = Extension.create<{ onActivate: (threadId: string) => void }>({
  name: 'commentAnchors',
  addOptions() {
    return { onActivate: () => undefined };
  },
  addProseMirrorPlugins() {
    const onActivate = this.options.onActivate;
    return [
      new Plugin<AnchoredThread[]>({
        key: commentAnchorsKey,
        state: {
          init: () => [],
          apply: (tr, threads) => (tr.getMeta(commentAnchorsKey) as AnchoredThread[] | undefined) ?? threads,
        },
        props: {
          decorations(state) {
            const threads = commentAnchorsKey.getState(state) ?? [];
            if (!threads.length) return null;
            const decorations = threads.flatMap((thread) => {
              const range = resolveAnchor(state, thread);
              return range
                ? [
                    Decoration.inline(range.from, range.to, {
                      class: thread.active ? 'comment-anchor is-active' : 'comment-anchor',
                      'data-thread': thread.id,
                    }),
                  ]
                : [];
            });
            return DecorationSet.create(state.doc, decorations);
          },
          handleClick(_view, _pos, event) {
            const marked = (event.target as HTMLElement | null)?.closest?.('[data-thread]');
            const id = marked?.getAttribute('data-thread');
            if (id) onActivate(id);
            return false;
          },
        },
      }),
    ];
  },
});
