// Jest loads its global setup without the workspace's path mapping, hence the relative import.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { setUpTestServer } from '../../../../libs/e2e/support/src/lib/embedded-test-server';

export default setUpTestServer;
