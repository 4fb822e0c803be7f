// Test-only entry point (`@alliances/web/comments/data-access/testing`): never imported by production code.
export { FakeLiveSocket } from './fake-live-socket';
export { aComment } from './testing-data';
