export { SectionEditor } from './lib/section-editor';
export { CommentAnchors, anchorOfSelection, commentAnchorsKey, resolveAnchor, type AnchoredThread } from './lib/comment-anchors';
