import { apiErrorCode, errorMessageKey } from '@alliances/web/identity/data-access';

/** Alliance error codes with a translation under `alliances.errors.<code>`. */
const ALLIANCE_CODES: ReadonlySet<string> = new Set([
  'alliance.stale_version',
  'alliance.already_member',
  'alliance.not_invited',
  'alliance.closed',
  'alliance.lead_required',
  'alliance.not_your_organisation',
  'organisation.not_approved',
]);

/** The translation key telling what went wrong, alliance codes first, then the app's generic messages. */
export function allianceErrorKey(error: unknown): string {
  const code = apiErrorCode(error);
  return code && ALLIANCE_CODES.has(code) ? `alliances.errors.${code}` : errorMessageKey(error);
}
