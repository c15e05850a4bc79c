import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { timingSafeEqual, createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { ProblemResponses } from '../shared/openapi.js';
import { ProblemException } from '../shared/problem.js';
import { Metrics } from './metrics.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** `/metrics` for Prometheus, behind `Authorization: Bearer <METRICS_TOKEN>`; absent (404) when no token is set. */
@ApiTags('Santé')
@Controller('metrics')
export class MetricsHttpController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Métriques Prometheus (jeton METRICS_TOKEN en Bearer ; absentes si aucun jeton n’est configuré)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Format d’exposition Prometheus 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ProblemResponses(401, 404)
  async render(@Req() request: Request): Promise<string> {
    const token = this.config.operations.metricsToken;
    if (!token) throw new ProblemException(404, 'metrics_disabled', 'Ressource introuvable', 'Les métriques sont désactivées : définissez METRICS_TOKEN pour les activer.');
    const given = /^Bearer\s+(\S+)$/i.exec(request.header('authorization') ?? '')?.[1] ?? '';
    // Compared as digests: same length whatever was sent, constant time.
    if (!timingSafeEqual(digest(given), digest(token))) {
      throw new ProblemException(401, 'metrics_token', 'Jeton des métriques requis', 'Envoyez Authorization: Bearer <METRICS_TOKEN>.', undefined, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
    }
    request.res!.type(this.metrics.registry.contentType);
    return this.metrics.render();
  }
}
