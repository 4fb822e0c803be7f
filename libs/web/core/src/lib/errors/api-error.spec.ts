import { HttpErrorResponse } from '@angular/common/http';
import { ERRORS } from '@alliances/shared/contracts';
import { apiErrorCode, errorMessageKey, httpStatus } from './api-error';

const failure = (status: number, code?: string) =>
  new HttpErrorResponse({ status, error: status ? { statusCode: status, error: 'Error', message: 'm', ...(code ? { code } : {}) } : null });

describe('errorMessageKey', () => {
  it('answers the catalogue key of a code of the catalogue, whatever the domain', () => {
    expect(errorMessageKey(failure(409, 'alliance.stale_version'))).toBe(ERRORS['alliance.stale_version'].key);
    expect(errorMessageKey(failure(403, 'funding.partner_required'))).toBe('errors.funding.partner_required');
    expect(errorMessageKey(failure(401, 'auth.invalid_credentials'))).toBe('errors.auth.invalid_credentials');
    expect(errorMessageKey(failure(404, 'alliance.not_found'))).toBe('errors.alliance.not_found');
  });

  it('falls back on a message chosen by status for an unknown code or none', () => {
    expect(errorMessageKey(failure(404, 'unknown.code'))).toBe('errors.notFound');
    expect(errorMessageKey(failure(403))).toBe('errors.forbidden');
    expect(errorMessageKey(failure(429))).toBe('errors.tooManyRequests');
    expect(errorMessageKey(failure(503))).toBe('errors.unavailable');
    expect(errorMessageKey(failure(0))).toBe('errors.network');
    expect(errorMessageKey(failure(500))).toBe('errors.generic');
    expect(errorMessageKey(new Error('not http'))).toBe('errors.generic');
  });

  it('reads the failure behind a wrapping error', () => {
    const wrapped = { cause: failure(409, 'evaluation.blind') };
    expect(apiErrorCode(wrapped)).toBe('evaluation.blind');
    expect(httpStatus(wrapped)).toBe(409);
    expect(errorMessageKey(wrapped)).toBe('errors.evaluation.blind');
  });
});
