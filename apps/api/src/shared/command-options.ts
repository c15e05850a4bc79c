import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@carnet/event-store';
import type { Request } from 'express';
import { ProblemException } from './problem.js';

/** What the HTTP layer passes to every command besides its payload. */
export interface CommandOptions {
  /** From `If-Match`: the project version the person saw. A mismatch is a 409. */
  expectedVersion?: number;
  /** From `Idempotency-Key`: a retry with the same key appends nothing new. */
  idempotencyKey?: string;
  /**
   * SHA-256 of the request a key came with (method, path, JSON body): the same key sent with
   * another request is refused (422) instead of answering what the first one got.
   */
  requestHash?: string;
  correlationId?: string;
  /** The request's id (X-Request-Id or generated, see operations/logging.ts), kept in the events' metadata. */
  requestId?: string;
}

const IF_MATCH = /^(?:W\/)?"?(\d+)"?$/;
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** What identifies a request for Idempotency-Key: method, path and canonical JSON body (ADR 0020). */
export function requestHash(request: Pick<Request, 'method' | 'originalUrl' | 'url' | 'body'>): string {
  const path = (request.originalUrl ?? request.url).split('?')[0];
  const body = request.body === undefined || Buffer.isBuffer(request.body) ? null : request.body;
  return createHash('sha256').update(`${request.method.toUpperCase()} ${path}\n${canonicalJson(body)}`, 'utf8').digest('hex');
}

export function readCommandOptions(request: Request): CommandOptions {
  const options: CommandOptions = {};
  const ifMatch = request.header('if-match');
  if (ifMatch !== undefined && ifMatch !== '*') {
    const m = IF_MATCH.exec(ifMatch.trim());
    if (!m) {
      throw new ProblemException(400, 'invalid_if_match', 'En-tête If-Match invalide', 'If-Match doit contenir la version du projet, par exemple "3".', [
        { field: 'If-Match', message: 'If-Match doit contenir la version du projet, par exemple "3".' },
      ]);
    }
    options.expectedVersion = Number(m[1]);
  }
  const key = request.header('idempotency-key');
  if (key !== undefined) {
    if (!KEY.test(key)) {
      throw new ProblemException(400, 'invalid_idempotency_key', 'En-tête Idempotency-Key invalide', 'La clé doit faire de 8 à 128 caractères (lettres, chiffres, . _ : -).', [
        { field: 'Idempotency-Key', message: 'La clé doit faire de 8 à 128 caractères (lettres, chiffres, . _ : -).' },
      ]);
    }
    options.idempotencyKey = key;
    options.requestHash = requestHash(request);
  }
  const correlation = request.header('x-correlation-id');
  if (correlation && /^[A-Za-z0-9._:-]{1,128}$/.test(correlation)) options.correlationId = correlation;
  const requestId = (request as Request & { id?: unknown }).id;
  if (typeof requestId === 'string' && requestId.length > 0) options.requestId = requestId;
  return options;
}

/** Injects If-Match / Idempotency-Key / X-Correlation-Id, validated. */
export const CommandHeaders = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  readCommandOptions(ctx.switchToHttp().getRequest<Request>()),
);
