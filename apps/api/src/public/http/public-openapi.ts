import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

/** A problem+json answer of the public API. */
export const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } };

/** What every public read answers besides its own: 304 to the ETag it gave (If-None-Match), 429 over the rate limit. */
export const PublicReadAnswers = () =>
  applyDecorators(
    ApiResponse({ status: 304, description: 'Inchangé depuis l’ETag envoyé en If-None-Match' }),
    ApiResponse({ status: 429, description: 'Trop de requêtes depuis cette adresse ; réessayer après Retry-After secondes', content: PROBLEM }),
    ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag d’une réponse précédente : 304 si rien n’a changé' }),
  );

/** An id of the address with a % that encodes no character (…/%zz): refused by the router before the endpoint. */
export const MalformedAddress = () => ApiResponse({ status: 400, description: 'Adresse mal formée : un « % » qui ne code aucun caractère', content: PROBLEM });
