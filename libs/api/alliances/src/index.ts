export * from './lib/alliances.module';
export * from './lib/alliance.policy';
export * from './lib/alliance-lifecycle';
export * from './lib/alliances-reader';
export * from './lib/alliances.service';
export * from './lib/alliance.entity';
export * from './lib/alliances-dashboard-reader';
export { runAsRead } from './lib/write-requests';
export * from './lib/alliance-erasure';
