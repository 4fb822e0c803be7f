import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse, MembershipSummary, User } from '@alliances/shared/contracts';
import { AuthStore } from '../lib/session/auth-store';

// Test-only entry point (`@alliances/web/identity/data-access/testing`) for specs of pages that need a session.

/** Lets pending promise callbacks run, so the next request of a sequence goes out. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: 'user-camille',
    email: 'camille@asso-exemple.fr',
    displayName: 'Camille Martin',
    locale: 'fr',
    isPlatformAdmin: false,
    createdAt: '2026-01-15T09:00:00.000Z',
    ...overrides,
  };
}

export function aMe(user: Partial<User> = {}, memberships: MembershipSummary[] = []): MeResponse {
  const full = aUser(user);
  return { user: full, memberships, isPlatformAdmin: full.isPlatformAdmin };
}

/**
 * Signs in through the real AuthStore, answering its requests with HttpTestingController
 * (both need `provideHttpClient()` and `provideHttpClientTesting()`).
 */
export async function signInAs(me: MeResponse = aMe()): Promise<AuthStore> {
  const store = TestBed.inject(AuthStore);
  const http = TestBed.inject(HttpTestingController);
  const done = store.signIn({ email: me.user.email, password: 'une phrase de passe' });
  http.expectOne('/api/auth/login').flush({ accessToken: 'test-token', expiresIn: 900, user: me.user });
  await settle();
  http.expectOne('/api/me').flush(me);
  await done;
  return store;
}
