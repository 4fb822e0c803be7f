export * from './lib/live-docs.module';
export * from './lib/live-doc-store';
export * from './lib/live-docs';
export * from './lib/live-relay';
export * from './lib/live-doc-kinds';
export * from './lib/markdown';
