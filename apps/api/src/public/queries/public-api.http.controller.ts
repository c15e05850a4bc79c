import { Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PROJECT_THEMES } from '@carnet/domain';
import type { Request, Response } from 'express';
import { DEPARTEMENT_CODES } from '../../communes/commune-catalog.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { DocumentBytesResponse, ProblemDto } from '../../shared/openapi.js';
import { ProblemException } from '../../shared/problem.js';
import { UuidParam } from '../../shared/uuid-param.js';
import { CommuneGeo } from '../commune-geo.js';
import { projectsCsv, projectsGeoJson } from '../exports.js';
import { ifNoneMatch, sendPublic } from '../http/http-cache.js';
import { MalformedAddress, PROBLEM, PublicReadAnswers } from '../http/public-openapi.js';
import { PublicOpenApi } from '../http/public-openapi-document.js';
import { PublicRateLimitGuard } from '../http/rate-limit.js';
import { PublicResponseCache } from '../http/response-cache.js';
import { COST_BANDS } from '../projections/public-project.projection.js';
import {
  PublicChangePageDto,
  PublicCommuneListDto,
  PublicGeoJsonDto,
  PublicProjectDto,
  PublicProjectPageDto,
} from '../public-api.dto.js';
import { decodeCursor, OPEN_DATA_PAGE, parseFilters, parseLimit, PublicCatalog, UPDATED_SINCE_FORM } from '../public-catalog.js';
import { PublicDocumentBytes } from '../public-document-bytes.js';

const FILTERS = [
  ApiQuery({
    name: 'q',
    required: false,
    description: 'Mots-clés : les projets dont le titre, le résumé, le retour d’expérience, le thème ou la commune contiennent chacun de ces mots (sans tenir compte des accents ni des majuscules), comme la recherche du portail',
    example: 'lavoir',
    schema: { type: 'string' },
  }),
  ApiQuery({ name: 'theme', required: false, enum: PROJECT_THEMES, description: 'Thème', example: 'ecole' }),
  ApiQuery({ name: 'commune', required: false, description: 'Code INSEE de la commune', example: '95002', schema: { type: 'string', pattern: '^(\\d[\\dAB]\\d{3})?$' } }),
  ApiQuery({
    name: 'departement',
    required: false,
    description: 'Code officiel du Département (projets de ses communes)',
    example: '95',
    schema: { type: 'string', pattern: `^(${DEPARTEMENT_CODES.join('|')})?$` },
  }),
  ApiQuery({ name: 'year', required: false, description: 'Année d’achèvement', example: 2026, schema: { type: 'string', pattern: '^(\\d{4})?$' } }),
  ApiQuery({ name: 'costBand', required: false, enum: COST_BANDS, description: 'Tranche de coût final HT' }),
  ApiQuery({ name: 'updatedSince', required: false, description: 'Fiches publiées ou modifiées depuis cette date (ISO 8601 ; un jour seul compte depuis minuit UTC ; un jour qui n’existe pas, comme 2026-02-30, est refusé : 400)', example: '2026-01-01T00:00:00Z', schema: { type: 'string', pattern: `^(${UPDATED_SINCE_FORM})?$` } }),
];
const applyAll = (decorators: MethodDecorator[]): MethodDecorator => (target, key, descriptor) => {
  for (const d of decorators) d(target, key, descriptor);
};

/**
 * The public read API (issue #5): no login, no cookie, open CORS, cacheable, rate-limited per
 * address. Everything comes from the public read models, i.e. from versions the mayor approved.
 */
@ApiTags('API publique (sans authentification)')
// ProblemDto is referenced by every problem answer: registered here so that the document's $refs resolve.
@ApiExtraModels(PublicProjectDto, ProblemDto)
@UseGuards(PublicRateLimitGuard)
@Controller('public/v1')
export class PublicApiHttpController {
  constructor(
    private readonly catalog: PublicCatalog,
    private readonly geo: CommuneGeo,
    private readonly bytes: PublicDocumentBytes,
    private readonly cache: PublicResponseCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly openApi: PublicOpenApi,
  ) {}

  private async json(req: Request, res: Response, compute: () => Promise<unknown>): Promise<void> {
    const body = await this.cache.get(`json ${req.originalUrl}`, async () => JSON.stringify(await compute()));
    sendPublic(req, res, body, 'application/json; charset=utf-8', this.config.publicApi.cacheSeconds);
  }

  @Get('openapi.json')
  @ApiOperation({
    summary: 'Description OpenAPI 3 de cette API publique : ses seules opérations, pour les outils des réutilisateurs',
    description: `Lisible depuis tout site (CORS). Le guide en français est la page « Données ouvertes » du portail : ${OPEN_DATA_PAGE}.`,
  })
  @ApiResponse({
    status: 200,
    description: 'Le document OpenAPI 3.0 des opérations sous /api/public/',
    content: { 'application/json': { schema: { type: 'object', required: ['openapi', 'info', 'paths'], properties: { openapi: { type: 'string', example: '3.0.0' }, info: { type: 'object' }, paths: { type: 'object' } } } } },
  })
  @PublicReadAnswers()
  openapi(@Req() req: Request, @Res() res: Response): void {
    sendPublic(req, res, this.openApi.json, 'application/json; charset=utf-8', this.config.publicApi.cacheSeconds);
  }

  @Get('projects')
  @ApiOperation({ summary: 'Projets publiés, les plus récemment approuvés d’abord, par pages (curseur opaque)' })
  @applyAll(FILTERS)
  @ApiQuery({ name: 'limit', required: false, description: 'Taille de page, 1 à 100 (20 par défaut)', example: 20, schema: { type: 'integer', minimum: 1, maximum: 100 } })
  @ApiQuery({ name: 'cursor', required: false, description: 'Valeur de « next » de la page précédente (opaque : tout autre curseur est refusé, 400)', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]*$' } })
  @ApiOkResponse({ type: PublicProjectPageDto })
  @ApiResponse({ status: 400, description: 'Filtre ou curseur invalide', content: PROBLEM })
  @PublicReadAnswers()
  async list(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const filters = parseFilters(query);
    const limit = parseLimit(query.limit);
    const cursor = decodeCursor(query.cursor as string | undefined);
    await this.json(req, res, () => this.catalog.page(filters, limit, cursor));
  }

  @Get('projects/:id')
  @ApiOperation({ summary: 'Un projet publié : la version approuvée par le maire' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Identifiant du projet publié (champ « id » de la liste)' })
  @ApiOkResponse({ type: PublicProjectDto })
  @ApiResponse({ status: 404, description: 'Aucun projet publié sous cet identifiant', content: PROBLEM })
  @MalformedAddress()
  @PublicReadAnswers()
  async get(@Param('id', UuidParam) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const body = await this.cache.get(`json ${req.originalUrl}`, async () => JSON.stringify(await this.catalog.project(id)));
    if (body === 'null') throw notPublished();
    sendPublic(req, res, body, 'application/json; charset=utf-8', this.config.publicApi.cacheSeconds);
  }

  @Get('projects/:id/documents/:documentId')
  @ApiOperation({ summary: 'Télécharger un document public d’un projet publié (seulement ceux de la version approuvée)' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Identifiant du projet publié (champ « id » de la liste)' })
  @ApiParam({ name: 'documentId', format: 'uuid', description: 'Identifiant du document (champ « id » de ses « documents »)' })
  @DocumentBytesResponse('Le fichier, à la version approuvée')
  @ApiResponse({ status: 404, description: 'Document absent de la version publiée', content: PROBLEM })
  @MalformedAddress()
  @PublicReadAnswers()
  async document(@Param('id', UuidParam) id: string, @Param('documentId', UuidParam) documentId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const view = await this.catalog.view(id);
    const doc = view?.documents.find((d) => d.documentId === documentId);
    if (!doc) throw documentNotFound();
    // A given version of a document never changes: its bytes may be cached for long, and their SHA-256 is their ETag.
    const caching = { 'Cache-Control': `public, max-age=${this.config.publicApi.cacheSeconds}`, ETag: `"${doc.sha256}"` };
    if (ifNoneMatch(req.header('if-none-match'), caching.ETag)) {
      // The client holds these very bytes: they are not even read.
      res.status(304).set(caching).end();
      return;
    }
    const bytes = await this.bytes.read(doc.blobKey, { sha256: doc.sha256, size: doc.size });
    if (!bytes) throw documentNotFound();
    const ascii = doc.fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'document';
    res.setHeader('Content-Type', doc.mediaType);
    res.setHeader('Content-Length', String(doc.size));
    res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.set(caching);
    res.end(bytes);
  }

  @Get('communes')
  @ApiOperation({ summary: 'Communes qui ont au moins un projet publié, avec leur nombre de projets publiés' })
  @ApiOkResponse({ type: PublicCommuneListDto })
  @PublicReadAnswers()
  async communes(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.json(req, res, async () => ({ items: await this.catalog.communesWithProjects() }));
  }

  @Get('changes')
  @ApiOperation({
    summary: 'Flux des changements : publications, mises à jour et retraits, dans l’ordre du journal',
    description:
      'Un miroir garde le dernier « next » reçu et redemande ?after=<next> (toutes les minutes, par exemple) : chaque entrée dit quel projet relire ' +
      '(published, updated) ou effacer (withdrawn). Sans ?after, le flux part du début.',
  })
  @ApiQuery({ name: 'after', required: false, description: 'Curseur « next » de la réponse précédente (opaque : tout autre curseur est refusé, 400)', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]*$' } })
  @ApiQuery({ name: 'limit', required: false, description: '1 à 500 (100 par défaut)', schema: { type: 'integer', minimum: 1, maximum: 500 } })
  @ApiQuery({ name: 'departement', required: false, description: 'Les changements des projets d’un département seulement (code officiel)', example: '95', schema: { type: 'string', pattern: `^(${DEPARTEMENT_CODES.join('|')})?$` } })
  @ApiOkResponse({ type: PublicChangePageDto })
  @ApiResponse({ status: 400, description: 'Curseur invalide', content: PROBLEM })
  @PublicReadAnswers()
  async changes(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const after = decodeCursor(query.after as string | undefined, 'after') ?? 0;
    const limit = parseLimit(query.limit, 100, 500);
    const { departement } = parseFilters({ departement: query.departement });
    await this.json(req, res, () => this.catalog.changes(after, limit, departement));
  }

  @Get('exports/projects.csv')
  @ApiOperation({ summary: 'Export CSV des projets publiés (RFC 4180, UTF-8 avec BOM, séparateur « ; », virgule décimale)' })
  @applyAll(FILTERS)
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'Fichier CSV', content: { 'text/csv': { schema: { type: 'string' } } } })
  @PublicReadAnswers()
  async csv(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const filters = parseFilters(query);
    const csv = await this.cache.get(`csv ${req.originalUrl}`, async () => projectsCsv(await this.catalog.all(filters), this.config.publicUrl));
    res.setHeader('Content-Disposition', 'attachment; filename="projets-publies.csv"');
    sendPublic(req, res, csv, 'text/csv; charset=utf-8; header=present', this.config.publicApi.cacheSeconds);
  }

  @Get('exports/projects.geojson')
  @ApiOperation({ summary: 'Export GeoJSON (RFC 7946) : un point par projet — le point précis approuvé par le maire, sinon le centroïde de sa commune —, WGS 84 [longitude, latitude]' })
  @applyAll(FILTERS)
  @ApiProduces('application/geo+json')
  @ApiResponse({ status: 200, description: 'FeatureCollection', content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/PublicGeoJsonDto' } } } })
  @ApiExtraModels(PublicGeoJsonDto)
  @PublicReadAnswers()
  async geojson(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const filters = parseFilters(query);
    const geojson = await this.cache.get(`geojson ${req.originalUrl}`, async () => JSON.stringify(projectsGeoJson(await this.catalog.all(filters), this.geo)));
    sendPublic(req, res, geojson, 'application/geo+json', this.config.publicApi.cacheSeconds);
  }
}

export const notPublished = () => new ProblemException(404, 'not_published', 'Projet introuvable', 'Aucun projet publié ne porte cet identifiant.');
const documentNotFound = () => new ProblemException(404, 'document_not_found', 'Document introuvable', 'Ce document ne fait pas partie d’un projet publié.');
