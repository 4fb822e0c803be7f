export * from './lib/api-process';
export * from './lib/paths';
export * from './lib/test-database';
export * from './lib/api-client';
export * from './lib/openapi';
export * from './lib/embedded-test-server';
export * from './lib/collab-client';
export * from './lib/oidc-test-provider';
