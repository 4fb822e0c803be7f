import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl } from '@angular/forms';
import { ERRORS, isErrorCode, type ApiError, type FieldError } from '@alliances/shared/contracts';

/** The HTTP failure behind an error, also when a resource wrapped it (`cause`). */
function httpFailure(error: unknown): HttpErrorResponse | null {
  if (error instanceof HttpErrorResponse) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof HttpErrorResponse ? cause : null;
}

/** The HTTP status of a failed call (0 when the server could not be reached), or null. */
export function httpStatus(error: unknown): number | null {
  return httpFailure(error)?.status ?? null;
}

/** The API's error body (docs/api.md "Errors"), when the failure came from the API. */
export function apiError(error: unknown): ApiError | null {
  const failure = httpFailure(error);
  if (!failure) return null;
  const body = failure.error as Partial<ApiError> | null;
  return body && typeof body === 'object' && typeof body.statusCode === 'number' ? (body as ApiError) : null;
}

export function apiErrorCode(error: unknown): string | null {
  return apiError(error)?.code ?? null;
}

/**
 * The translation key of the message that tells a person what went wrong and what to do: the key the
 * error catalogue (`ERRORS`) gives the API's code, else a generic message chosen by HTTP status.
 */
export function errorMessageKey(error: unknown): string {
  const code = apiErrorCode(error);
  if (isErrorCode(code)) return ERRORS[code].key;
  switch (httpStatus(error)) {
    case 0:
      return 'errors.network';
    case 429:
      return 'errors.tooManyRequests';
    case 404:
      return 'errors.notFound';
    case 403:
      return 'errors.forbidden';
    case 503:
      return 'errors.unavailable';
    default:
      return 'errors.generic';
  }
}

/** The `details` of a 400 answer: one entry per failing field. */
export function fieldErrors(error: unknown): FieldError[] {
  return apiError(error)?.details ?? [];
}

/**
 * Puts the API's field errors on the matching form controls (as `{ <code>: true }`), so they show
 * under the field like any other validation error; `controlOf` renames API fields to control names.
 * Returns whether any field matched.
 */
export function applyFieldErrors(form: AbstractControl, error: unknown, controlOf: Record<string, string> = {}): boolean {
  let applied = false;
  for (const detail of fieldErrors(error)) {
    const control = form.get(controlOf[detail.field] ?? detail.field);
    if (!control) continue;
    const serverErrors = Object.fromEntries(detail.codes.map((code) => [code, true]));
    control.setErrors({ ...control.errors, ...serverErrors });
    control.markAsTouched();
    applied = true;
  }
  return applied;
}
