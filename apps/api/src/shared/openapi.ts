import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import type { CommandAccepted, Problem } from '@carnet/contracts';
import { DOCUMENT_MEDIA_TYPES } from '@carnet/domain';

export class CommandAcceptedDto implements CommandAccepted {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Version du projet après la commande (à renvoyer dans If-Match)', example: 3 }) version!: number;
  @ApiProperty({ description: 'Position écrite dans le journal ; à passer en ?minPosition= pour lire sa propre écriture', example: 42 })
  position!: number;
}

class FieldErrorDto {
  @ApiProperty({ example: 'title' }) field!: string;
  @ApiProperty({ example: 'Le titre est obligatoire.' }) message!: string;
}

export class ProblemDto implements Problem {
  @ApiProperty({ example: 'urn:carnet-de-projets:probleme:validation' }) type!: string;
  @ApiProperty({ example: 'Certains champs sont invalides' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

/** What each problem status means, in the OpenAPI document. */
export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Requête invalide (champ inconnu, type incorrect, JSON mal formé)',
  401: 'Connexion requise : aucune session, ou une session expirée',
  403: 'Action non autorisée pour ce rôle, ou jeton CSRF absent',
  404: 'Introuvable, ou invisible pour cette personne (un projet d’une autre commune répond de même)',
  405: 'Méthode non permise sur cette adresse (l’en-tête Allow donne celles qui le sont)',
  409: 'Conflit : la ressource a changé depuis la version envoyée (If-Match), ou son état ne le permet pas',
  413: 'Corps de requête trop volumineux',
  415: 'Type de contenu non pris en charge',
  422: 'Règle métier non respectée (le titre du problème dit laquelle, en français)',
  429: 'Trop de requêtes : réessayer après le délai indiqué par Retry-After',
  503: 'Les données ne sont pas encore à jour (minPosition)',
};

/** Documents the problem+json answers of an endpoint. */
export function ProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: PROBLEM_DESCRIPTIONS[status], content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } }),
    ),
  );
}

/** Documents If-Match and Idempotency-Key on commands. */
export function CommandHeadersDoc() {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'Version du projet vue par la personne, entre guillemets comme un ETag, par exemple "3" (W/"3", 3 et * sont acceptés) ; 409 si le projet a changé depuis, 400 si l’en-tête est mal formé.',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Une commande rejouée avec la même clé n’ajoute rien.',
    }),
  );
}

/** Documents a 200 answering a document's bytes, under its own media type (one of the accepted ones). */
export function DocumentBytesResponse(description: string) {
  return ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(DOCUMENT_MEDIA_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  });
}
