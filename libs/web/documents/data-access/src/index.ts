export { DocumentsApi } from './lib/documents.api';
