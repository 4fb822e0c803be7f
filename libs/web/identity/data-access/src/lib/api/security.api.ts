import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AccountSecurity,
  AccountSession,
  AuthProvidersResponse,
  ChangeEmailRequest,
  ChangePasswordRequest,
  ConfirmEmailResponse,
  OrganisationTwoFactorRule,
  RecoveryCodesResponse,
  RevokeSessionsResponse,
  SignInResponse,
  TotpSetupResponse,
} from '@alliances/shared/contracts';
import { Observable, map } from 'rxjs';

/** What protects an account (CONTRACT.md "Accounts"): password, email, sessions, two-step sign-in, single sign-on. */
@Injectable({ providedIn: 'root' })
export class SecurityApi {
  private readonly http = inject(HttpClient);

  security(): Observable<AccountSecurity> {
    return this.http.get<AccountSecurity>('/api/me/security');
  }

  sessions(): Observable<AccountSession[]> {
    return this.http.get<{ items: AccountSession[] }>('/api/me/sessions').pipe(map((page) => page.items));
  }

  revokeSession(id: string): Observable<void> {
    return this.http.delete<void>(`/api/me/sessions/${encodeURIComponent(id)}`);
  }

  revokeOtherSessions(): Observable<RevokeSessionsResponse> {
    return this.http.delete<RevokeSessionsResponse>('/api/me/sessions');
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/me/password', request);
  }

  changeEmail(request: ChangeEmailRequest): Observable<void> {
    return this.http.post<void>('/api/me/email', request);
  }

  startTotp(): Observable<TotpSetupResponse> {
    return this.http.post<TotpSetupResponse>('/api/me/totp', null);
  }

  confirmTotp(code: string): Observable<RecoveryCodesResponse> {
    return this.http.post<RecoveryCodesResponse>('/api/me/totp/confirm', { code });
  }

  disableTotp(code: string): Observable<void> {
    return this.http.delete<void>('/api/me/totp', { body: { code } });
  }

  regenerateRecoveryCodes(code: string): Observable<RecoveryCodesResponse> {
    return this.http.post<RecoveryCodesResponse>('/api/me/totp/recovery-codes', { code });
  }

  // Public routes, before any session.

  forgotPassword(email: string): Observable<void> {
    return this.http.post<void>('/api/auth/password/forgot', { email });
  }

  resetPassword(token: string, password: string): Observable<SignInResponse> {
    return this.http.post<SignInResponse>('/api/auth/password/reset', { token, password });
  }

  confirmEmail(token: string): Observable<ConfirmEmailResponse> {
    return this.http.post<ConfirmEmailResponse>('/api/auth/email/confirm', { token });
  }

  providers(): Observable<AuthProvidersResponse> {
    return this.http.get<AuthProvidersResponse>('/api/auth/providers');
  }

  setOrganisationTwoFactorRule(organisationId: string, rule: OrganisationTwoFactorRule): Observable<unknown> {
    return this.http.patch(`/api/organisations/${encodeURIComponent(organisationId)}`, rule);
  }
}
