import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Logger as NestPinoLogger, PinoLogger, type Params } from 'nestjs-pino';
import { stdTimeFunctions, type DestinationStream } from 'pino';
import type { AppConfig } from '../config.js';

/** A request id a caller may choose (X-Request-Id): short, printable, no spaces. */
const REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** Query parameters whose value never reaches a log line. */
const SECRET_QUERY = /([?&](?:token|code|password|key|secret)=)[^&#]*/gi;

/** Keys whose value is masked wherever they appear in a logged object (two levels deep). */
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'token', 'csrfToken', 'cookie', 'authorization', 'text', 'html', 'body'];

/** The id of a request: the caller's X-Request-Id when it is acceptable, otherwise a new one; sent back in the answer. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

const pathOf = (req: IncomingMessage & { originalUrl?: string }) => (req.originalUrl ?? req.url ?? '').replace(SECRET_QUERY, '$1[masqué]');

/**
 * nestjs-pino's parameters (ADR 0022): JSON lines on stdout (pretty and coloured only on a
 * terminal), one access-log line per request with its id, headers and bodies never logged, and
 * secrets masked in whatever the application logs.
 */
export function loggerParams(config: AppConfig, options: { destination?: DestinationStream; level?: string } = {}): Params {
  const level = options.level ?? config.operations.logLevel;
  const pretty = !options.destination && process.stdout.isTTY === true;
  const httpOptions = {
    level,
    genReqId: requestIdOf,
    // On the access line and on every line logged while the request is handled (nestjs-pino's context).
    customProps: (req: IncomingMessage & { id?: unknown }) => ({ requestId: req.id }),
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    base: { service: 'carnet-de-projets' },
    redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`)], censor: '[masqué]' },
    serializers: {
      // Method, path and client only: headers carry cookies and tokens.
      // pino-http hands serializers its own view of the request and answer, with the original under `raw`.
      req: (req: { method?: string; url?: string; remoteAddress?: string; raw?: IncomingMessage & { ip?: string } }) => ({
        method: req.method,
        url: req.raw ? pathOf(req.raw) : (req.url ?? '').replace(SECRET_QUERY, '$1[masqué]'),
        remoteAddress: req.raw?.ip ?? req.remoteAddress,
      }),
      res: (res: { statusCode?: number; headers?: Record<string, unknown> }) => ({ statusCode: res.statusCode, contentLength: res.headers?.['content-length'] }),
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    // A 5xx answer is not an exception with a useful stack: the line says the status, that is enough.
    customErrorObject: (_req: IncomingMessage, _res: ServerResponse, error: Error, value: Record<string, unknown>) =>
      /^failed with status code/.test(error.message) ? { ...value, err: undefined } : value,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
  };
  return {
    pinoHttp: options.destination ? [httpOptions, options.destination] : (httpOptions as Params['pinoHttp']),
    renameContext: 'context',
  } as Params;
}

/**
 * The Nest logger writing JSON through pino, built before the application so that what is logged
 * while it starts (engines still unreachable, retries) comes out at once, in the same format. It
 * shares pino's root logger with the access log of nestjs-pino's middleware.
 */
export function jsonNestLogger(config: AppConfig, options: { destination?: DestinationStream; level?: string } = {}): NestPinoLogger {
  const params = loggerParams(config, options);
  return new NestPinoLogger(new PinoLogger(params), params);
}
