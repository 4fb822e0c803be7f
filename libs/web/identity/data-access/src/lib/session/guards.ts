import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import { AuthStore } from './auth-store';
import { safeReturnUrl } from './return-url';

/** Where a restricted session (two-step sign-in required, not set up) is sent: the two-step section of the account page. */
export const TWO_FACTOR_SETUP_PATH = '/account';

/** The page that sets up two-step sign-in, remembering where the person was heading. */
export function twoFactorSetupUrl(router: Router, returnUrl?: string): UrlTree {
  const target = safeReturnUrl(returnUrl);
  return router.createUrlTree([TWO_FACTOR_SETUP_PATH], {
    queryParams: { twoFactorSetup: 1, returnUrl: target && !target.startsWith(TWO_FACTOR_SETUP_PATH) ? target : null },
    fragment: 'two-step',
  });
}

/**
 * Signed-in people only; others go to the sign-in page and come back here afterwards. A session
 * restricted to setting up two-step sign-in may only open the account page: the API refuses the rest.
 */
export const authGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.whenRestored();
  if (!store.isSignedIn()) {
    return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  }
  if (store.twoFactorSetupRequired() && !state.url.startsWith(TWO_FACTOR_SETUP_PATH)) {
    return twoFactorSetupUrl(router, state.url);
  }
  return true;
};

/** Platform administrators only; to anyone else the page does not exist, as in the API. */
export const platformAdminGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.whenRestored();
  if (!store.isSignedIn()) {
    return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  }
  if (store.twoFactorSetupRequired()) {
    return twoFactorSetupUrl(router, state.url);
  }
  return store.isPlatformAdmin() || router.parseUrl('/not-found');
};

/** Sign-in and sign-up pages: someone already signed in goes on to where they were heading. */
export const guestGuard: CanActivateFn = async (route) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.whenRestored();
  if (!store.isSignedIn()) {
    return true;
  }
  return router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')) ?? '/');
};
