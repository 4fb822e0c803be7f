export { charterRoutes } from './lib/charter.routes';
export { SectionEditor } from './lib/editor/section-editor';
export type { AnchoredThread } from './lib/editor/comment-anchors';
