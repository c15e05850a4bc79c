import { Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { QUESTION_CATEGORIES, type QuestionCategory } from '@carnet/domain';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { sendPublic } from '../../public/http/http-cache.js';
import { MalformedAddress, PROBLEM, PublicReadAnswers } from '../../public/http/public-openapi.js';
import { PublicRateLimitGuard } from '../../public/http/rate-limit.js';
import { PublicResponseCache } from '../../public/http/response-cache.js';
import { notFoundPage } from '../../public/portal/portal.html.js';
import { ProblemException } from '../../shared/problem.js';
import { ReadModels } from '../../shared/read-models.js';
import { UuidParam } from '../../shared/uuid-param.js';
import { faqEntryPage, faqListPage } from './faq-portal.html.js';
import { DEPARTEMENT_CODES } from '../../communes/commune-catalog.js';
import { publicFaqEntries, publicFaqEntry, usePublicFaqHome, type PublicFaqEntry } from './public-faq.js';

class PublicFaqEntryDto implements PublicFaqEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ description: 'Texte simple ; peut contenir des adresses https://' }) answer!: string;
  @ApiProperty({ enum: QUESTION_CATEGORIES }) category!: QuestionCategory;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty({ description: 'Le département dont c’est la réponse (95, 78…)', example: '95' }) departement!: string;
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ description: 'Dernière modification ou vérification' }) verifiedAt!: string;
  @ApiProperty() pageUrl!: string;
  @ApiProperty() apiUrl!: string;
}
class PublicFaqListDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [PublicFaqEntryDto] }) items!: PublicFaqEntryDto[];
}

const categoryOf = (value: unknown): QuestionCategory | null =>
  typeof value === 'string' && (QUESTION_CATEGORIES as readonly string[]).includes(value) ? (value as QuestionCategory) : null;
const textOf = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 200) : '');

/** The public FAQ: `/api/public/v1/faq` (open data) and `/projets-publics/faq` (portal). Public entries only. */
@ApiTags('API publique (sans authentification)')
@Controller()
export class PublicFaqHttpController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly cache: PublicResponseCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    usePublicFaqHome(config.departement);
  }

  @Get('public/v1/faq')
  @UseGuards(PublicRateLimitGuard)
  @ApiOperation({ summary: 'Questions fréquentes publiques (recherche en français sans accents avec q)' })
  @ApiQuery({ name: 'q', required: false, description: 'Recherche (les 200 premiers caractères)', example: 'subvention ecole', schema: { type: 'string' } })
  @ApiQuery({ name: 'category', required: false, enum: QUESTION_CATEGORIES })
  @ApiQuery({ name: 'departement', required: false, description: 'Les réponses d’un département seulement (code officiel : 95, 2A, 971…)', schema: { type: 'string', pattern: `^(${DEPARTEMENT_CODES.join('|')})$` } })
  @ApiOkResponse({ type: PublicFaqListDto })
  @ApiResponse({ status: 400, description: 'Catégorie inconnue, ou paramètre donné deux fois', content: PROBLEM })
  @PublicReadAnswers()
  async list(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    // A parameter given twice (?q=a&q=b) is refused, as on the public projects list, rather than silently ignored.
    const repeated = ['q', 'category', 'departement'].filter((name) => Array.isArray(query[name]));
    if (repeated.length > 0) {
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', undefined, repeated.map((field) => ({ field, message: 'Ce paramètre ne peut être donné qu’une fois.' })));
    }
    const category = categoryOf(query.category);
    if (query.category !== undefined && !category) {
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', undefined, [{ field: 'category', message: `La catégorie doit être l’une de : ${QUESTION_CATEGORIES.join(', ')}.` }]);
    }
    const departement = query.departement;
    if (departement !== undefined && (typeof departement !== 'string' || !DEPARTEMENT_CODES.includes(departement))) {
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', undefined, [{ field: 'departement', message: 'Département inconnu : son code officiel, par exemple 95, 2A ou 971.' }]);
    }
    const body = await this.cache.get(`json ${req.originalUrl}`, async () => {
      const items = await publicFaqEntries(await this.readModels.current(), textOf(query.q), category, departement);
      return JSON.stringify({ total: items.length, items });
    });
    sendPublic(req, res, body, 'application/json; charset=utf-8', this.config.publicApi.cacheSeconds);
  }

  @Get('public/v1/faq/:id')
  @UseGuards(PublicRateLimitGuard)
  @ApiOperation({ summary: 'Une question fréquente publique' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PublicFaqEntryDto })
  @ApiResponse({ status: 404, description: 'Aucune entrée publique sous cet identifiant', content: PROBLEM })
  @MalformedAddress()
  @PublicReadAnswers()
  async get(@Param('id', UuidParam) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const body = await this.cache.get(`json ${req.originalUrl}`, async () => JSON.stringify(await publicFaqEntry(await this.readModels.current(), id)));
    if (body === 'null') throw new ProblemException(404, 'faq_not_found', 'Entrée introuvable', 'Aucune question fréquente publique sous cet identifiant.');
    sendPublic(req, res, body, 'application/json; charset=utf-8', this.config.publicApi.cacheSeconds);
  }

  @Get('projets-publics/faq')
  @ApiExcludeEndpoint()
  async portalList(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const q = textOf(query.q);
    const category = categoryOf(query.categorie);
    const body = await this.cache.get(`page ${req.originalUrl}`, async () => faqListPage(this.config.publicUrl, await publicFaqEntries(await this.readModels.current(), q, category), q, category ?? ''));
    sendPublic(req, res, body, 'text/html; charset=utf-8', this.config.publicApi.cacheSeconds);
  }

  @Get('projets-publics/faq/:id')
  @ApiExcludeEndpoint()
  async portalEntry(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const entry = /^[0-9a-f-]{36}$/i.test(id) ? await publicFaqEntry(await this.readModels.current(), id.toLowerCase()) : null;
    if (!entry) {
      res.status(404).setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(notFoundPage(this.config.publicUrl, req.path));
      return;
    }
    const body = await this.cache.get(`page ${req.originalUrl}`, async () => faqEntryPage(this.config.publicUrl, entry));
    sendPublic(req, res, body, 'text/html; charset=utf-8', this.config.publicApi.cacheSeconds);
  }
}
