import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Sends public bytes with a strong ETag (SHA-256 of the bytes) and `Cache-Control: public`; answers
 * 304 without a body when If-None-Match names it.
 */
export function sendPublic(req: Request, res: Response, body: string | Buffer, contentType: string, maxAgeSeconds: number): void {
  const { bytes, etag } = typeof body === 'string' ? preparedOf(body) : { bytes: body, etag: etagOf(body) };
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}`);
  res.setHeader('Vary', 'Accept-Encoding');
  if (ifNoneMatch(req.header('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(bytes.length));
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

const etagOf = (bytes: Buffer) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;

/**
 * The bytes and ETag of the bodies sent lately. The answers come from the response cache, the same
 * string each time until the read models move: encoding and hashing it again on every request cost
 * about a tenth of the public list's time (profiled, issue #15). Bounded in entries and characters.
 */
const prepared = new Map<string, { bytes: Buffer; etag: string }>();
let preparedChars = 0;
const PREPARED_MAX_ENTRIES = 256;
const PREPARED_MAX_CHARS = 16 * 1024 * 1024;

function preparedOf(body: string): { bytes: Buffer; etag: string } {
  const hit = prepared.get(body);
  if (hit) return hit;
  const bytes = Buffer.from(body, 'utf8');
  const entry = { bytes, etag: etagOf(bytes) };
  if (body.length > PREPARED_MAX_CHARS / 16) return entry;
  prepared.set(body, entry);
  preparedChars += body.length;
  while (prepared.size > PREPARED_MAX_ENTRIES || preparedChars > PREPARED_MAX_CHARS) {
    const oldest = prepared.keys().next().value!;
    preparedChars -= oldest.length;
    prepared.delete(oldest);
  }
  return entry;
}

/** If-None-Match names this ETag, in a list or as `*`: the client already holds these bytes. */
export function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  // Weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * CORS for the public API: any origin may read it (GET, HEAD), with If-None-Match, and see the ETag,
 * Retry-After and Link headers. No credentials: cookies are neither needed nor sent.
 */
export function publicCors(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After, Content-Disposition');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, Accept');
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(204).end();
    return;
  }
  next();
}
