import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Router, UrlTree } from '@angular/router';
import { LanguageService } from '@alliances/web/core';
import { isMfaChallenge } from '@alliances/shared/contracts';
import type {
  LoginRequest,
  MfaChallengeResponse,
  MfaLoginRequest,
  SignInResponse,
  LoginResponse,
  MeResponse,
  RefreshResponse,
  RegisterRequest,
  UpdateMeRequest,
  User,
} from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * Remembers that this browser had a session, so a visitor who never signed in is not greeted by a
 * failing refresh call. It is a hint only: the token itself never leaves memory.
 */
export const SESSION_HINT_KEY = 'alliances.session';

/** Refresh this many seconds before the access token expires. */
const REFRESH_MARGIN_SECONDS = 60;

export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

/** Where a sign-in attempt stands: done, or waiting for the second step. */
export type SignInOutcome = { kind: 'signedIn' } | { kind: 'mfa'; challenge: MfaChallengeResponse };

/**
 * The signed-in person: their account, memberships and platform role, and the short-lived access
 * token (kept in memory only; the refresh token lives in an httpOnly cookie the page cannot read).
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly window = inject(DOCUMENT).defaultView;

  private readonly token = signal<string | null>(null);
  private readonly me = signal<MeResponse | null>(null);
  private readonly state = signal<SessionStatus>('signedOut');
  private readonly setupRequired = signal(false);
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<string | null> | null = null;
  private restoration: Promise<void> = Promise.resolve();

  readonly accessToken = this.token.asReadonly();
  readonly status = this.state.asReadonly();
  readonly user = computed<User | null>(() => this.me()?.user ?? null);
  readonly memberships = computed(() => this.me()?.memberships ?? []);
  readonly isPlatformAdmin = computed(() => this.me()?.isPlatformAdmin ?? false);
  readonly isSignedIn = computed(() => this.state() === 'signedIn');
  /** A rule obliges this person to set up two-step sign-in first: the session may do nothing else. */
  readonly twoFactorSetupRequired = this.setupRequired.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.refreshTimer));
  }

  /** On start-up: silently resumes the session of a previous visit through the refresh cookie. */
  restore(): Promise<void> {
    if (!this.readHint()) {
      return this.restoration;
    }
    this.state.set('restoring');
    this.restoration = this.refresh()
      .then((token) => (token ? this.reloadMe() : this.clear()))
      .catch(() => this.clear());
    return this.restoration;
  }

  /** Resolves once `restore()` has settled; guards wait for it before deciding. */
  whenRestored(): Promise<void> {
    return this.restoration;
  }

  /** Password sign-in: a session at once, or the challenge of the second step (two-step sign-in on). */
  async signIn(credentials: LoginRequest): Promise<SignInOutcome> {
    return this.accept(await firstValueFrom(this.http.post<SignInResponse>('/api/auth/login', credentials)));
  }

  /** The second step: a code of the authenticator app, or an unused recovery code. */
  async completeMfa(request: MfaLoginRequest): Promise<void> {
    await this.accept(await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login/mfa', request)));
  }

  /** Any answer shaped like a sign-in's (the password reset answers one too). */
  async accept(response: SignInResponse): Promise<SignInOutcome> {
    if (isMfaChallenge(response)) {
      return { kind: 'mfa', challenge: response };
    }
    this.setupRequired.set(response.twoFactorSetupRequired === true);
    this.startSession(response.accessToken, response.expiresIn);
    await this.reloadMe();
    return { kind: 'signedIn' };
  }

  /** The refresh cookie was just set by someone else (single sign-on's callback): a session from it. */
  async resumeFromCookie(): Promise<boolean> {
    const token = await this.refresh();
    if (!token) return false;
    await this.reloadMe();
    return true;
  }

  /** Creates the account, then signs in with it. */
  async register(request: RegisterRequest): Promise<void> {
    await firstValueFrom(this.http.post<{ user: User }>('/api/auth/register', request));
    await this.signIn({ email: request.email, password: request.password });
  }

  /**
   * A new access token from the refresh cookie, or null when there is no valid session. Concurrent
   * callers share one request: the server revokes a refresh token presented twice.
   */
  refresh(): Promise<string | null> {
    this.refreshing ??= this.acrossTabs(() => firstValueFrom(this.http.post<RefreshResponse>('/api/auth/refresh', null)))
      .then((session) => {
        this.setupRequired.set(session.twoFactorSetupRequired === true);
        this.startSession(session.accessToken, session.expiresIn);
        return session.accessToken;
      })
      .catch((error: unknown) => {
        // Offline is not signed out: keep the hint so the next visit tries again.
        if (!(error instanceof HttpErrorResponse && error.status === 0)) {
          this.writeHint(false);
        }
        return null;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  async reloadMe(): Promise<void> {
    const me = await firstValueFrom(this.http.get<MeResponse>('/api/me'));
    this.setMe(me);
  }

  async updateProfile(changes: UpdateMeRequest): Promise<void> {
    this.setMe(await firstValueFrom(this.http.patch<MeResponse>('/api/me', changes)));
  }

  /** Signs out on purpose: revokes the session on the server, then goes home (or to `then`). */
  async signOut(then: string | UrlTree = '/'): Promise<void> {
    if (this.token()) {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', null)).catch(() => undefined);
    }
    this.clear();
    await this.router.navigateByUrl(then);
  }

  /** The session was lost (revoked, expired): to the sign-in page, which brings the person back here. */
  expire(): void {
    this.clear();
    const current = this.router.url;
    if (!current.startsWith('/sign-in')) {
      void this.router.navigate(['/sign-in'], { queryParams: { returnUrl: current === '/' ? null : current } });
    }
  }

  /** The account is gone (deleted): forget everything without calling the server. */
  forget(): void {
    this.clear();
  }

  /**
   * Other tabs of this site share the refresh cookie: a Web Lock makes their refreshes take turns,
   * so each presents the cookie the previous one received instead of reusing a rotated one.
   */
  private acrossTabs<T>(task: () => Promise<T>): Promise<T> {
    const locks = this.window?.navigator.locks;
    // The lock resolves with the task's own result (the DOM typings nest the promise).
    return locks ? (locks.request('alliances.refresh', task) as Promise<unknown> as Promise<T>) : task();
  }

  private setMe(me: MeResponse): void {
    this.me.set(me);
    if (me.twoFactorSetupRequired !== undefined) this.setupRequired.set(me.twoFactorSetupRequired);
    this.state.set('signedIn');
    // The account's language wins once signed in: mails use it too.
    if (me.user.locale !== this.language.lang()) {
      this.language.use(me.user.locale);
    }
  }

  private startSession(accessToken: string, expiresIn: number): void {
    this.token.set(accessToken);
    this.writeHint(true);
    clearTimeout(this.refreshTimer);
    const delaySeconds = Math.max(expiresIn - REFRESH_MARGIN_SECONDS, expiresIn / 2);
    this.refreshTimer = setTimeout(() => {
      void this.refresh().then((token) => token ?? this.expire());
    }, delaySeconds * 1000);
  }

  private clear(): void {
    clearTimeout(this.refreshTimer);
    this.token.set(null);
    this.me.set(null);
    this.setupRequired.set(false);
    this.state.set('signedOut');
    this.writeHint(false);
  }

  private readHint(): boolean {
    try {
      return this.window?.localStorage.getItem(SESSION_HINT_KEY) === '1';
    } catch {
      return false;
    }
  }

  private writeHint(present: boolean): void {
    try {
      if (present) this.window?.localStorage.setItem(SESSION_HINT_KEY, '1');
      else this.window?.localStorage.removeItem(SESSION_HINT_KEY);
    } catch {
      // Without storage the session simply is not resumed on the next visit.
    }
  }
}
