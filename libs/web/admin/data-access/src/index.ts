export { AdminApi, type AuditFilters, type UsersPage } from './lib/admin.api';
export { auditPageInRange, dayRange, type AuditRange } from './lib/audit-range';
