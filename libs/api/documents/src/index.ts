export * from './lib/documents.module';
export * from './lib/documents.entities';
export * from './lib/documents-reader';
export * from './lib/documents-account-files';
export * from './lib/document-storage';
