import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@carnet/domain';
import { ReadModelTimeoutError } from '@carnet/read-store';
import type { Problem } from '@carnet/contracts';
import type { Request, Response } from 'express';
import { ProblemException, problemType } from './problem.js';

const DOMAIN_STATUS: Record<DomainError['kind'], number> = { invalid: 422, forbidden: 403, not_found: 404, conflict: 409 };

const HTTP_TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Action non autorisée',
  404: 'Ressource introuvable',
  405: 'Méthode non autorisée',
  409: 'Conflit',
  413: 'Requête trop volumineuse',
  415: 'Type de contenu non pris en charge',
  422: 'Règle métier non respectée',
  429: 'Trop de requêtes',
};

/** Pages the server renders itself (the public portal), all under one path. */
export interface ServerPages {
  /** The methods their addresses answer: any other is a 405 with Allow. */
  methods: string[];
  /** A problem as one of their pages, for a browser. */
  errorPage(problem: Problem, path: string): string;
}

/** The server-rendered pages by the path under which they live: set at start-up by their module. */
const serverPages = new Map<string, ServerPages>();

export function useServerPages(under: string, pages: ServerPages): void {
  serverPages.set(under, pages);
}

/**
 * Turns every error into `application/problem+json` with French text; never leaks a stack trace. A browser that opens
 * a server-rendered page (the public portal) gets that problem as one of its pages instead, with the same status.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const instance = request.originalUrl ?? request.url;
    let problem: Problem;
    let headers: Record<string, string> = {};

    if (exception instanceof ProblemException) {
      problem = exception.toProblem(instance);
      headers = exception.headers;
    } else if (exception instanceof DomainError) {
      const status = DOMAIN_STATUS[exception.kind];
      problem = {
        type: problemType(exception.code),
        title: exception.message,
        status,
        instance,
        ...(exception.field ? { errors: [{ field: exception.field, message: exception.message }] } : {}),
      };
    } else if (exception instanceof ReadModelTimeoutError) {
      problem = {
        type: problemType('read_model_behind'),
        title: 'Les données sont en cours de mise à jour',
        detail: 'Réessayez dans un instant.',
        status: 503,
        instance,
      };
      headers = { 'Retry-After': '1' };
    } else if (isInvalidUtf8(exception)) {
      problem = {
        type: problemType('invalid_utf8'),
        title: 'Le corps de la requête n’est pas encodé en UTF-8',
        detail: 'Certains octets ne forment pas des caractères valides : envoyez le texte en UTF-8.',
        status: 400,
        instance,
      };
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      problem = isMalformedJson(exception)
        ? { type: problemType('malformed_body'), title: 'Le corps de la requête n’est pas du JSON valide', status: 400, instance }
        : { type: problemType(`http_${status}`), title: HTTP_TITLES[status] ?? 'Erreur', status, instance, ...frenchDetail(status) };
    } else if (isBodyParserError(exception)) {
      const status = exception.status ?? 400;
      problem = {
        type: problemType(status === 413 ? 'payload_too_large' : 'malformed_body'),
        title: status === 413 ? 'Requête trop volumineuse' : 'Le corps de la requête n’est pas du JSON valide',
        status,
        instance,
      };
    } else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
      problem = {
        type: problemType('internal'),
        title: 'Erreur interne du serveur',
        detail: 'L’équipe technique a été prévenue. Rien n’a été enregistré si l’action n’a pas été confirmée.',
        status: 500,
        instance,
      };
    }
    const pages = [...serverPages].find(([under]) => request.path === under || request.path.startsWith(`${under}/`))?.[1];
    if (pages) {
      // No route for this method: on these read-only pages, 405 with Allow, as methodNotAllowed answers on the API.
      // OPTIONS stays a 404, as there.
      if (problem.status === 404 && exception instanceof HttpException && !pages.methods.includes(request.method) && request.method !== 'OPTIONS') {
        const allow = pages.methods.join(', ');
        problem = { type: problemType('method_not_allowed'), title: 'Méthode non autorisée', detail: `Cette adresse accepte : ${allow}.`, status: 405, instance };
        headers = { ...headers, Allow: allow };
      }
      // The same address answers a page or a problem depending on Accept.
      headers = { ...headers, Vary: 'Accept' };
      if (request.accepts(['html', 'application/problem+json', 'json']) === 'html') {
        response.status(problem.status).set({ ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).send(pages.errorPage(problem, request.path));
        return;
      }
    }
    response.status(problem.status).set({ ...headers, 'Content-Type': 'application/problem+json; charset=utf-8' }).send(JSON.stringify(problem));
  }
}

function frenchDetail(status: number): { detail?: string } {
  return status === 404 ? { detail: 'Aucune ressource ne correspond à cette adresse.' } : {};
}

// Express's JSON parser fails before any controller runs; Nest turns that into a 400 whose message names JSON.
function isMalformedJson(exception: HttpException): boolean {
  const body = exception.getResponse();
  const message = typeof body === 'object' && body && 'message' in body ? (body as { message: unknown }).message : body;
  return exception.getStatus() === 400 && typeof message === 'string' && /JSON/i.test(message);
}

// The JSON parser's verify hook (input-guard.ts) refused the bytes; Express hands it over wrapped in an HttpException.
function isInvalidUtf8(e: unknown): boolean {
  const source = e instanceof HttpException && e.cause ? e.cause : e;
  return isBodyParserError(source) && source.type === 'encoding.invalid_utf8';
}

function isBodyParserError(e: unknown): e is { status?: number; type: string } {
  return typeof e === 'object' && e !== null && 'type' in e && typeof (e as { type: unknown }).type === 'string' &&
    /^(entity\.(parse\.failed|too\.large|verify\.failed)|encoding\.(unsupported|invalid_utf8)|charset\.unsupported)$/.test((e as { type: string }).type);
}
