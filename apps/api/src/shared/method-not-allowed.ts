import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { problemType } from './problem.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
  /** How many `{…}` segments: fewer is more literal. */
  params: number;
}

/** `/api/projects/{id}/documents/{documentId}` → a pattern where each `{…}` is one path segment. */
function toPattern(template: string): RegExp {
  const parts = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}/?$`);
}

/**
 * A method the API does not offer on an address it knows answers 405 with `Allow` (RFC 9110 §15.5.6), as a French
 * problem, instead of a 404 that would say the address does not exist. The addresses and their methods are the
 * OpenAPI document's: what is documented is what is routed.
 */
export function methodNotAllowed(document: OpenAPIObject): RequestHandler {
  const known: KnownPath[] = Object.entries(document.paths).map(([template, item]) => ({
    pattern: toPattern(template),
    params: (template.match(/\{/g) ?? []).length,
    methods: new Set(METHODS.filter((m) => (item as Record<string, unknown>)[m.toLowerCase()])),
  }));
  return (req: Request, res: Response, next: NextFunction) => {
    // The API, and /metrics (documented, outside /api for Prometheus' habits); the web app's and the portal's pages are not in the document.
    if (!req.path.startsWith('/api/') && req.path !== '/metrics') return next();
    // The most literal addresses win: /api/projects/export.csv is not /api/projects/{id}.
    const candidates = known.filter((k) => k.pattern.test(req.path));
    const fewest = Math.min(...candidates.map((k) => k.params));
    const matching = candidates.filter((k) => k.params === fewest);
    if (!matching.length) return next();
    const allowed = new Set<string>(matching.flatMap((k) => [...k.methods]));
    if (allowed.has('GET')) allowed.add('HEAD');
    // OPTIONS is answered by CORS where it applies (the public API), else it falls through to a 404.
    if (allowed.has(req.method) || req.method === 'OPTIONS') return next();
    const allow = [...allowed].join(', ');
    res
      .status(405)
      .set({ Allow: allow, 'Content-Type': 'application/problem+json; charset=utf-8' })
      .send(
        JSON.stringify({
          type: problemType('method_not_allowed'),
          title: 'Méthode non autorisée',
          detail: `Cette adresse accepte : ${allow}.`,
          status: 405,
          instance: req.originalUrl,
        }),
      );
  };
}
