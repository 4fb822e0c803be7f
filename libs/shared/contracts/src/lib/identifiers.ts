/** French organisation identifiers (docs/domain.md "Identifiers and territories"): SIREN, SIRET (Luhn) and RNA. */

const digitsOnly = (value: string): string => value.replace(/[\s.-]/g, '');

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments break the Luhn rule; their SIRET digits sum to a multiple of 5. */
const LA_POSTE_SIREN = '356000000';

export function normaliseSiren(value: string): string {
  return digitsOnly(value);
}

export function isValidSiren(value: string): boolean {
  const v = digitsOnly(value);
  return /^\d{9}$/.test(v) && luhn(v);
}

export function isValidSiret(value: string): boolean {
  const v = digitsOnly(value);
  if (!/^\d{14}$/.test(v)) return false;
  if (v.startsWith(LA_POSTE_SIREN)) return [...v].reduce((s, c) => s + Number(c), 0) % 5 === 0;
  return luhn(v) && isValidSiren(v.slice(0, 9));
}

/** RNA: `W` followed by 9 digits (the département code may contain a letter, as in `W2A…`). */
export function isValidRna(value: string): boolean {
  return /^W[0-9][0-9AB][0-9]{7}$/i.test(value.trim());
}

export function normaliseRna(value: string): string {
  return value.trim().toUpperCase();
}
