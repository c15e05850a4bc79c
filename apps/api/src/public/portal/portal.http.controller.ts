import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { departementOfCommune } from '@carnet/domain';
import { CommuneCatalog, DEPARTEMENT_NAMES, OF_DEPARTEMENT } from '../../communes/commune-catalog.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { ProblemException } from '../../shared/problem.js';
import { useServerPages } from '../../shared/problem.filter.js';
import { CommuneGeo } from '../commune-geo.js';
import { sendPublic } from '../http/http-cache.js';
import { PublicResponseCache } from '../http/response-cache.js';
import { parseFilters, PORTAL, PUBLIC_API, PublicCatalog, type PublicFilters } from '../public-catalog.js';
import { PublicOpenApi } from '../http/public-openapi-document.js';
import { openDataPage } from './open-data.html.js';
import { legalPages, type LegalPageSlug, type Problem } from '@carnet/contracts';
import { publicFaqSitemap } from '../../faq/public/public-faq.js';
import { ReadModels } from '../../shared/read-models.js';
import { usePortalBrand, usePortalDepartements, servedDepartement, communePage, communesPage, errorPage, homePage, legalPage, notFoundPage, projectPage, robotsTxt, searchPage, sitemapXml } from './portal.html.js';

const HTML = 'text/html; charset=utf-8';
const PAGE_SIZE = 12;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public portal (issue #5) under /projets-publics, plus /sitemap.xml and /robots.txt: complete
 * HTML rendered on the server from the public read models, no login, no JavaScript.
 */
@ApiExcludeController()
@Controller()
export class PortalHttpController {
  constructor(
    private readonly catalog: PublicCatalog,
    private readonly communes: CommuneCatalog,
    private readonly geo: CommuneGeo,
    private readonly cache: PublicResponseCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readModels: ReadModels,
    private readonly openApi: PublicOpenApi,
  ) {
    usePortalBrand(config.brand);
    usePortalDepartements(config.departements.map((code) => ({ code, name: DEPARTEMENT_NAMES.get(code) ?? code, of: OF_DEPARTEMENT.get(code) ?? code })));
    // The portal is read only; an address of it that fails before any page (unknown, malformed, not a GET) answers a browser with a page too.
    useServerPages(PORTAL, { methods: ['GET', 'HEAD'], errorPage: (problem, path) => errorPage(config.publicUrl, path, problem) });
  }

  /** A page computed once per read-model position (see PublicResponseCache); null: not found. */
  private async page(req: Request, res: Response, render: () => Promise<string | null>, type = HTML): Promise<void> {
    const body = await this.cache.get(`page ${req.originalUrl}`, async () => (await render()) ?? '');
    if (body === '') return this.send(req, res, notFoundPage(this.base, req.path), HTML, 404);
    this.send(req, res, body, type);
  }

  private send(req: Request, res: Response, body: string, type = HTML, status = 200): void {
    if (status !== 200) {
      res.status(status).setHeader('Content-Type', type);
      res.setHeader('Cache-Control', 'no-cache');
      res.end(body);
      return;
    }
    sendPublic(req, res, body, type, this.config.publicApi.cacheSeconds);
  }

  private get base(): string {
    return this.config.publicUrl;
  }

  @Get('projets-publics')
  async home(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.page(req, res, async () => {
      const [page, communes, years] = await Promise.all([this.catalog.pageByNumber({}, 6, 1), this.catalog.communesWithProjects(), this.catalog.years()]);
      return homePage(this.base, page.items, page.total, communes, years);
    });
  }

  /** One Département's page (issue #17): its latest published projects, a search kept within it; 404 for a Département not served. */
  @Get('projets-publics/departements/:code')
  async departement(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.page(req, res, async () => {
      const departement = servedDepartement(code.toUpperCase());
      if (!departement) return null;
      const filters: PublicFilters = { departement: departement.code };
      const [page, communes, years] = await Promise.all([this.catalog.pageByNumber(filters, 6, 1), this.catalog.communesWithProjects(), this.catalog.years()]);
      const own = communes.filter((c) => departementOfCommune(c.codeInsee) === departement.code);
      return homePage(this.base, page.items, page.total, own, years, departement);
    });
  }

  @Get('projets-publics/recherche')
  async search(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    let filters: PublicFilters;
    try {
      filters = parseFilters(query, { theme: 'theme', commune: 'commune', year: 'annee', costBand: 'cout' });
    } catch (e) {
      if (!(e instanceof ProblemException)) throw e;
      filters = {}; // a hand-edited address: show everything rather than an error page
    }
    const page = typeof query.page === 'string' && /^[1-9]\d{0,4}$/.test(query.page) ? Number(query.page) : 1;
    await this.page(req, res, async () => {
      const [result, communes, years] = await Promise.all([this.catalog.pageByNumber(filters, PAGE_SIZE, page), this.catalog.communesWithProjects(), this.catalog.years()]);
      // Within a Département, its communes only in the list.
      const offered = filters.departement ? communes.filter((c) => departementOfCommune(c.codeInsee) === filters.departement) : communes;
      return searchPage(this.base, filters, result.items, result.total, page, PAGE_SIZE, offered, years);
    });
  }

  @Get('projets-publics/projets/:id')
  async project(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.page(req, res, async () => {
      const project = UUID.test(id) ? await this.catalog.project(id.toLowerCase()) : null;
      return project && projectPage(this.base, project);
    });
  }

  @Get('projets-publics/communes')
  async communeList(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.page(req, res, async () => communesPage(this.base, await this.catalog.communesWithProjects()));
  }

  @Get('projets-publics/communes/:codeInsee')
  async commune(@Param('codeInsee') codeInsee: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.page(req, res, async () => {
      const commune = this.communes.get(codeInsee);
      if (!commune) return null;
      const projects = await this.catalog.all({ commune: codeInsee });
      return communePage(this.base, { codeInsee, name: commune.name, population: commune.population || null }, projects, this.geo.svgPath(codeInsee));
    });
  }

  /**
   * « Données ouvertes »: the open-data reusers' page. Its addresses come from the public API's OpenAPI document; its
   * figures and examples from the public read models (computed once per read-model position, like every page).
   */
  @Get('projets-publics/donnees-ouvertes')
  async openData(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.page(req, res, async () => {
      const [page, communes, faq] = await Promise.all([this.catalog.pageByNumber({}, 6, 1), this.catalog.communesWithProjects(), this.readModels.current().then(publicFaqSitemap)]);
      // The examples' project: a recent one with a public document if there is one, so that every example answers.
      const recent = (await Promise.all(page.items.map((p) => this.catalog.project(p.id)))).filter((p) => p !== null);
      const project = recent.find((p) => p.documents.length > 0) ?? recent[0];
      const faqEntry = faq.map((u) => u.loc.slice(`${PORTAL}/faq/`.length)).find((id) => id !== '' && !id.includes('/'));
      return openDataPage(this.base, {
        document: this.openApi.document,
        publishedProjects: page.total,
        communes: communes.length,
        examples: { projectId: project?.id, documentId: project?.documents[0]?.id, faqId: faqEntry },
        rateLimitPerMinute: this.config.publicApi.rateLimitPerMinute,
        cacheSeconds: this.config.publicApi.cacheSeconds,
        contactEmail: this.config.site.contactEmail,
        problemExample: impossibleDateProblem(),
      });
    });
  }

  // The legal pages: their text (shared with the web app) changes only with the configuration.
  @Get('projets-publics/accessibilite')
  accessibility(@Req() req: Request, @Res() res: Response): void {
    this.legal(req, res, 'accessibilite');
  }

  @Get('projets-publics/donnees-personnelles')
  personalData(@Req() req: Request, @Res() res: Response): void {
    this.legal(req, res, 'donnees-personnelles');
  }

  @Get('projets-publics/mentions-legales')
  legalNotice(@Req() req: Request, @Res() res: Response): void {
    this.legal(req, res, 'mentions-legales');
  }

  private legal(req: Request, res: Response, slug: LegalPageSlug): void {
    this.send(req, res, legalPage(this.base, legalPages(this.config.site)[slug]));
  }

  @Get('sitemap.xml')
  async sitemap(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.page(
      req,
      res,
      async () => {
        const [projects, communes, faq] = await Promise.all([this.catalog.all(), this.catalog.communesWithProjects(), this.readModels.current().then(publicFaqSitemap)]);
        return sitemapXml(this.base, projects, communes, faq);
      },
      'application/xml; charset=utf-8',
    );
  }

  @Get('robots.txt')
  robots(@Req() req: Request, @Res() res: Response): void {
    this.send(req, res, robotsTxt(this.base), 'text/plain; charset=utf-8');
  }
}

/** What the public API answers to an impossible date, from its own parser: the page's example cannot drift from it. */
function impossibleDateProblem(): Problem {
  const query = { updatedSince: '2026-02-30' };
  try {
    parseFilters(query);
  } catch (e) {
    if (e instanceof ProblemException) return e.toProblem(`${PUBLIC_API}/projects?updatedSince=${query.updatedSince}`);
    throw e;
  }
  throw new Error('updatedSince=2026-02-30 was accepted');
}
