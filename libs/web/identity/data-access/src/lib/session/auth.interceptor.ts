import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { IdentityErrorCode } from '@alliances/shared/contracts';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthStore } from './auth-store';

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
  const send = (token: string | null) => next(token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req);

  const first = send(store.accessToken());
  if (isAuthRoute(req)) {
    return first;
  }
  return first.pipe(
    catchError((error: unknown) => {
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
