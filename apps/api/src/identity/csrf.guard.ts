import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from '../shared/problem.js';
import { SessionService } from './session.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses a state-changing request that fails the CSRF rule of `SessionService.csrfValid` (global guard). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly sessions: SessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method) || !(request.originalUrl ?? request.url).startsWith('/api')) return true;
    if (await this.sessions.csrfValid(request)) return true;
    throw new ProblemException(
      403,
      'csrf',
      'Jeton de sécurité manquant ou invalide',
      'Rechargez la page puis recommencez : votre action n’a pas été enregistrée.',
    );
  }
}
