import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { IdentityErrorCode } from '@alliances/shared/contracts';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthStore } from './auth-store';
import { TWO_FACTOR_SETUP_PATH, twoFactorSetupUrl } from './guards';

const TWO_FACTOR_SETUP_REQUIRED = 'auth.two_factor_setup_required';

/** A restricted session asked for something else than setting up two-step sign-in (a rule started to apply). */
function isSetupRequired(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 403 &&
    (error.error as { code?: string } | null)?.code === TWO_FACTOR_SETUP_REQUIRED
  );
}

const isApiRequest = (req: HttpRequest<unknown>): boolean => req.url.startsWith('/api/');
const isAuthRoute = (req: HttpRequest<unknown>): boolean => req.url.startsWith('/api/auth/');

/** A 401 that means "your token is no good", not "wrong password" (asked again to delete an account). */
function isSessionRejected(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 401 &&
    (error.error as { code?: string } | null)?.code !== IdentityErrorCode.InvalidCredentials
  );
}

/**
 * Sends the access token with every API call. When the API refuses it, refreshes once and retries;
 * if that fails too, the session is over and the person is sent to the sign-in page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiRequest(req)) {
    return next(req);
  }
  const store = inject(AuthStore);
  const router = inject(Router);
  const send = (token: string | null) => next(token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req);

  const first = send(store.accessToken());
  if (isAuthRoute(req)) {
    return first;
  }
  return first.pipe(
    catchError((error: unknown) => {
      if (isSetupRequired(error) && !router.url.startsWith(TWO_FACTOR_SETUP_PATH)) {
        void router.navigateByUrl(twoFactorSetupUrl(router, router.url));
      }
      if (!isSessionRejected(error)) {
        return throwError(() => error);
      }
      return from(store.refresh()).pipe(
        switchMap((token) => {
          if (!token) {
            store.expire();
            return throwError(() => error);
          }
          return send(token).pipe(
            catchError((retryError: unknown) => {
              if (isSessionRejected(retryError)) store.expire();
              return throwError(() => retryError);
            }),
          );
        }),
      );
    }),
  );
};
