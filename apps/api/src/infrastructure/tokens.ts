/** Injection tokens of the ports. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_STORE = Symbol('READ_STORE');
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
export const ACCOUNT_STORE = Symbol('ACCOUNT_STORE');
export const BLOB_STORE = Symbol('BLOB_STORE');
export const CLOCK = Symbol('CLOCK');

/** Time comes from here so tests and demo data can set it. */
export interface Clock {
  now(): Date;
}
