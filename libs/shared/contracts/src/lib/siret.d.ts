// The `siret` package ships no types.
declare module 'siret' {
  export function isSIRET(value: string): boolean;
  export function isSIREN(value: string): boolean;
}
