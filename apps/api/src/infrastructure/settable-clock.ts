import type { Clock } from './tokens.js';

/** The real time, unless set: demo data is written with past dates so that histories look real. */
export class SettableClock implements Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  set(date: Date | null): void {
    this.fixed = date;
  }
}
