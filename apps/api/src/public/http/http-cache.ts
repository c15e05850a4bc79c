import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Sends public bytes with a strong ETag (SHA-256 of the bytes) and `Cache-Control: public`; answers
 * 304 without a body when If-None-Match names it.
 */
export function sendPublic(req: Request, res: Response, body: string | Buffer, contentType: string, maxAgeSeconds: number): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
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

function ifNoneMatch(header: string | undefined, etag: string): boolean {
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
