/** One failing input field, as reported in `details` of a 400 answer. */
export interface FieldError {
  /** Dotted path of the field in the request (`password`, `tranches.0.amount`, `query.limit`). */
  field: string;
  /** Human-readable reasons, in English; the web app translates by `code`. */
  messages: string[];
  /** Machine codes of the failed constraints (`isEmail`, `minLength`, …). */
  codes: string[];
}

/** The error shape every API error answers with (docs/api.md "Errors"). */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** Stable machine code of the error when the domain defines one (`auth.invalid_credentials`). */
  code?: string;
  details?: FieldError[];
  requestId?: string;
}
