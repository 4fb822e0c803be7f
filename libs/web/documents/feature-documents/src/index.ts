export { documentsRoutes } from './lib/documents.routes';
export { DocumentsPanel, documentKind, fileSize } from './lib/documents-panel';
