import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import type { CommandAccepted, Problem } from '@carnet/contracts';

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

const DESCRIPTIONS: Record<number, string> = {
  400: 'Requête invalide (champ inconnu, type incorrect, JSON mal formé)',
  401: 'Connexion requise : aucune session, ou une session expirée',
  403: 'Action non autorisée pour ce rôle, ou jeton CSRF absent',
  404: 'Introuvable, ou invisible pour cette personne (un projet d’une autre commune répond de même)',
  409: 'Conflit : la ressource a changé depuis la version envoyée (If-Match), ou son état ne le permet pas',
  422: 'Règle métier non respectée (le titre du problème dit laquelle, en français)',
  429: 'Trop de requêtes : réessayer après le délai indiqué par Retry-After',
  503: 'Les données ne sont pas encore à jour (minPosition)',
};

/** Documents the problem+json answers of an endpoint. */
export function ProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } }),
    ),
  );
}

/** Documents If-Match and Idempotency-Key on commands. */
export function CommandHeadersDoc() {
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'Version du projet vue par la personne, par exemple "3" ; 409 si le projet a changé depuis.' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Une commande rejouée avec la même clé n’ajoute rien.' }),
  );
}
