import { errorMessageKey } from '@alliances/web/core';

/** The translation key telling what went wrong: the error catalogue's message for the API's code, else a generic one. */
export function allianceErrorKey(error: unknown): string {
  return errorMessageKey(error);
}
