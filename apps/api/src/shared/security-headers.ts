import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config.js';

/** What the security headers depend on, read from the environment (documented in the README, ADR 0021). */
export interface SecurityHeadersConfig {
  /** Send Strict-Transport-Security (and upgrade-insecure-requests): the site is served over HTTPS. */
  https: boolean;
  /** Extra image origins allowed by the CSP, e.g. a map tile server (`MAP_TILE_URL`). */
  imageOrigins: string[];
  /** Inline `<style>` blocks the server itself writes (the portal's stylesheet), allowed by their SHA-256. */
  inlineStyles: string[];
}

export function securityHeadersConfig(app: AppConfig, env: NodeJS.ProcessEnv = process.env, inlineStyles: string[] = []): SecurityHeadersConfig {
  return {
    https: app.production || env.COOKIE_SECURE === 'true',
    imageOrigins: tileOrigin(env.MAP_TILE_URL),
    inlineStyles,
  };
}

/**
 * The origin of a tile URL template such as `https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png`: `{s}` becomes a
 * wildcard sub-domain. An unusable value is refused at start-up rather than silently blocking the map.
 */
export function tileOrigin(url: string | undefined): string[] {
  if (!url?.trim()) return [];
  const match = /^(https?):\/\/([^/?#]+)/i.exec(url.trim());
  if (!match) throw new Error(`MAP_TILE_URL must be an http(s) URL template, got "${url}"`);
  const host = match[2].toLowerCase().replace(/^\{s\}\./, '*.');
  if (!/^(\*\.)?[a-z0-9.-]+(:\d+)?$/.test(host)) throw new Error(`MAP_TILE_URL has an unusable host: "${url}"`);
  return [`${match[1].toLowerCase()}://${host}`];
}

/** The nonce of this response, given to the Angular app (`ngCspNonce`) for the styles of its components. */
export function cspNonce(res: Response | ServerResponse): string {
  return (res as Response).locals.cspNonce as string;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The Content-Security-Policy directives of every page but the Swagger UI (exported for the unit test). */
export function cspDirectives(config: SecurityHeadersConfig) {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    // Only files served by this origin: no inline script, no eval, anywhere.
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Angular inserts its components' styles as <style> elements carrying the page's nonce; the portal's one
    // stylesheet is known in advance and allowed by its hash. No style attribute in markup (CSSOM is not concerned).
    'style-src': ["'self'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${cspNonce(res)}'`, ...config.inlineStyles.map(sha256)],
    'style-src-attr': ["'none'"],
    // Documents previews and the map's markers may be blob: or data: images; a configured tile server is allowed.
    'img-src': ["'self'", 'data:', 'blob:', ...config.imageOrigins],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'media-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'upgrade-insecure-requests': config.https ? [] : null,
  };
}

/**
 * Security headers on every answer (helmet): a strict CSP, no framing, nosniff, a referrer policy that only gives
 * the origin to other sites (tile servers ask for it), HSTS over HTTPS. The Swagger UI at /api/docs writes inline
 * <style> blocks and a style attribute of its own: it alone may use inline styles — never inline scripts.
 */
export function securityHeaders(config: SecurityHeadersConfig): RequestHandler[] {
  const directives = cspDirectives(config);
  const common = {
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
    xFrameOptions: { action: 'deny' as const },
    strictTransportSecurity: config.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    // Open data (exports, public documents) may be embedded by other sites; the rest stays on this site.
    crossOriginResourcePolicy: false,
  } as const;
  const pages = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives } });
  const swaggerUi = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives, 'style-src': ["'self'", "'unsafe-inline'"], 'style-src-attr': ["'unsafe-inline'"] } },
  });
  // Drawn when first asked for (by the policy of a page, or the page itself): a JSON answer's
  // policy names none, and drawing one per request was 3 % of the public list's time (issue #15).
  const nonce: RequestHandler = (_req, res, next) => {
    let drawn: string | undefined;
    Object.defineProperty(res.locals, 'cspNonce', { get: () => (drawn ??= randomBytes(16).toString('base64')), configurable: true, enumerable: true });
    next();
  };
  const resourcePolicy: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cross-Origin-Resource-Policy', req.path.startsWith('/api/public/') ? 'cross-origin' : 'same-origin');
    next();
  };
  // API answers (JSON, problems, exports) carry no style: their policy is the pages' without the nonce.
  const api = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: { ...directives, 'style-src': ["'self'", ...config.inlineStyles.map(sha256)] } } });
  const choose: RequestHandler = (req, res, next) => (isSwaggerUi(req.path) ? swaggerUi : isApiAnswer(req.path) ? api : pages)(req, res, next);
  return [nonce, resourcePolicy, choose];
}

const isSwaggerUi = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/');
const isApiAnswer = (path: string) => path.startsWith('/api/');
