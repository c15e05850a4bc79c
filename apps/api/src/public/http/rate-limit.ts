import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { ProblemException } from '../../shared/problem.js';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client address: `perMinute` requests in a burst, refilled continuously at
 * `perMinute` per minute. Pure (time comes in), so the rule is tested without waiting.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly ratePerMs: number;

  constructor(private readonly perMinute: number) {
    this.ratePerMs = perMinute / 60_000;
  }

  /** 0 when the request may go on (a token is taken), else the seconds to wait before the next one. */
  take(key: string, now: number): number {
    if (this.perMinute === 0) return 0; // 0: no limit
    const previous = this.buckets.get(key);
    const tokens = previous ? Math.min(this.perMinute, previous.tokens + (now - previous.at) * this.ratePerMs) : this.perMinute;
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      if (this.buckets.size > 50_000) this.prune(now);
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return Math.max(1, Math.ceil((1 - tokens) / this.ratePerMs / 1000));
  }

  /** Forgets the addresses whose bucket is full again (they would start full anyway). */
  prune(now: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * this.ratePerMs >= this.perMinute) this.buckets.delete(key);
  }
}

/**
 * Rate limit of the public API, per client address (`req.ip`: the socket's address, or the
 * X-Forwarded-For address set by a reverse proxy on the loopback, per `trust proxy`).
 * Over the limit: 429 problem in French with Retry-After; other addresses are not affected.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly buckets: TokenBuckets;
  private readonly pruner: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.buckets = new TokenBuckets(config.publicApi.rateLimitPerMinute);
    this.pruner = setInterval(() => this.buckets.prune(Date.now()), 60_000);
    this.pruner.unref();
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const wait = this.buckets.take(req.ip ?? 'unknown', Date.now());
    if (wait === 0) return true;
    throw new ProblemException(
      429,
      'rate_limited',
      'Trop de requêtes',
      `Cette adresse a envoyé trop de requêtes à l’API publique. Réessayez dans ${wait} seconde${wait > 1 ? 's' : ''}.`,
      undefined,
      { 'Retry-After': String(wait) },
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.pruner);
  }
}
