import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthStore } from './auth-store';
import { safeReturnUrl } from './return-url';

/** Signed-in people only; others go to the sign-in page and come back here afterwards. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.whenRestored();
  return store.isSignedIn() || router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** Platform administrators only; to anyone else the page does not exist, as in the API. */
export const platformAdminGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.whenRestored();
  if (!store.isSignedIn()) {
    return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
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
  return router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')) ?? '/organisations');
};
