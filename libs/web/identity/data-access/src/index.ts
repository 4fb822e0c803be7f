export { AuthStore, SESSION_HINT_KEY, type SessionStatus } from './lib/session/auth-store';
export { authInterceptor } from './lib/session/auth.interceptor';
export { authGuard, guestGuard, platformAdminGuard } from './lib/session/guards';
export { provideAuth } from './lib/session/provide-auth';
export { safeReturnUrl } from './lib/session/return-url';
export { AccountApi } from './lib/api/account.api';
export { InvitationsApi } from './lib/api/invitations.api';
export { OrganisationsApi } from './lib/api/organisations.api';
export { ReviewQueueApi } from './lib/api/review-queue.api';
