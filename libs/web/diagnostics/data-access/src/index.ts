export { DiagnosticsApi } from './lib/diagnostics.api';
