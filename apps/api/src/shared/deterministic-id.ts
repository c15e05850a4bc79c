import { createHash } from 'node:crypto';

// A fixed namespace so that the same name always gives the same id (UUID v5, RFC 9562).
const NAMESPACE = Buffer.from('6f1c1a52-8f0e-4b6e-9d0b-3c2f9a7e5d10'.replace(/-/g, ''), 'hex');

/** A name-based UUID (v5): the same name always gives the same id, so a retried command decides and appends the same events. */
export function deterministicUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
