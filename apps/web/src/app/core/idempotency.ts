/** A random UUID, even outside a secure context where `crypto.randomUUID` is missing. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One form's submissions. A submission keeps its Idempotency-Key until the server has answered,
 * so that retrying the same content after a network failure cannot create the change twice.
 */
export class Submission {
  private pending: { key: string; body: string } | null = null;

  /** The key for this content: the pending one if the same content is retried, a new one otherwise. */
  keyFor(body: unknown): string {
    const json = JSON.stringify(body ?? null);
    if (this.pending?.body !== json) this.pending = { key: newIdempotencyKey(), body: json };
    return this.pending.key;
  }

  /** The server answered (success or refusal): the next submission is a new one. */
  settled(): void {
    this.pending = null;
  }
}
