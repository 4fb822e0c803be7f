// The Markdown rendering of a Yjs fragment is shared by every live document (docs/decisions/0022-live-documents.md).
export { fragmentToMarkdown } from '@alliances/api/live-docs';
