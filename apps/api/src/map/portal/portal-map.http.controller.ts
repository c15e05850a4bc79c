import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { departementOfCommune } from '@carnet/domain';
import { CommuneCatalog, DEPARTEMENT_NAMES, OF_DEPARTEMENT } from '../../communes/commune-catalog.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { CommuneGeo } from '../../public/commune-geo.js';
import { sendPublic } from '../../public/http/http-cache.js';
import { PublicResponseCache } from '../../public/http/response-cache.js';
import { parseFilters, PublicCatalog, type PublicFilters } from '../../public/public-catalog.js';
import { ProblemException } from '../../shared/problem.js';
import { communeOutlines } from '../../shared/geo/commune-outlines.js';
import { ofArea } from '../../public/portal/portal.html.js';
import { departementsSvg, departementSvg } from './departement-svg.js';
import { mapPage } from './portal-map.html.js';

const require = createRequire(import.meta.url);
const leafletDist = dirname(require.resolve('leaflet/dist/leaflet.js'));
const clusterDist = dirname(require.resolve('leaflet.markercluster/dist/leaflet.markercluster.js'));
// Built files (dist/map/portal) and sources (src/map/portal) are both three levels below apps/api.
const ownAssets = fileURLToPath(new URL('../../../assets/portal/', import.meta.url));

/** The files the portal map page loads, read once: nothing else is served from these folders. */
const ASSETS: Record<string, { path: string; type: string }> = {
  'leaflet.js': { path: join(leafletDist, 'leaflet.js'), type: 'text/javascript; charset=utf-8' },
  'leaflet.css': { path: join(leafletDist, 'leaflet.css'), type: 'text/css; charset=utf-8' },
  'leaflet.markercluster.js': { path: join(clusterDist, 'leaflet.markercluster.js'), type: 'text/javascript; charset=utf-8' },
  'MarkerCluster.css': { path: join(clusterDist, 'MarkerCluster.css'), type: 'text/css; charset=utf-8' },
  'portal-map.js': { path: join(ownAssets, 'portal-map.js'), type: 'text/javascript; charset=utf-8' },
  'portal-map.css': { path: join(ownAssets, 'portal-map.css'), type: 'text/css; charset=utf-8' },
};

/** The public portal's map (issue #10): server-rendered, usable without JavaScript. */
@ApiExcludeController()
@Controller()
export class PortalMapHttpController {
  private readonly files = new Map<string, Buffer>();

  constructor(
    private readonly catalog: PublicCatalog,
    private readonly communes: CommuneCatalog,
    private readonly geo: CommuneGeo,
    private readonly cache: PublicResponseCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('projets-publics/carte')
  async map(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    let filters: PublicFilters;
    try {
      filters = parseFilters(query, { theme: 'theme', commune: 'commune', year: 'annee', costBand: 'cout' });
    } catch (e) {
      if (!(e instanceof ProblemException)) throw e;
      filters = {}; // a hand-edited address: show everything rather than an error page
    }
    // An instance serving several Départements (issue #17) draws them all, each a link to its own map; one
    // Département's map draws its communes: the one asked for, or the one of the commune asked for.
    const served = this.config.departements;
    const ofCommune = filters.commune ? departementOfCommune(filters.commune) : undefined;
    const drawn =
      served.length === 1 ? served[0]! : filters.departement && served.includes(filters.departement) ? filters.departement : ofCommune && served.includes(ofCommune) ? ofCommune : undefined;
    if (served.length > 1) {
      const { departement: _asked, ...rest } = filters;
      filters = drawn ? { ...rest, departement: drawn } : rest;
    }
    const body = await this.cache.get(`page ${req.originalUrl}`, async () => {
      const [items, all, years] = await Promise.all([this.catalog.all(filters), this.catalog.communesWithProjects(), this.catalog.years()]);
      const named = (code: string) => ({ code, name: DEPARTEMENT_NAMES.get(code) ?? code, of: OF_DEPARTEMENT.get(code) ?? code });
      if (!drawn) {
        const perDepartement = new Map<string, number>();
        for (const p of items) perDepartement.set(departementOfCommune(p.codeInsee), (perDepartement.get(departementOfCommune(p.codeInsee)) ?? 0) + 1);
        const of = ofArea();
        // No dot per project: all of France may have tens of thousands; each Département's map has them.
        const svg = departementsSvg(served, perDepartement, (code) => DEPARTEMENT_NAMES.get(code) ?? code, [], of);
        const departements = served.map((code) => ({ ...named(code), count: perDepartement.get(code) ?? 0 }));
        return mapPage(this.config.publicUrl, filters, items, all, years, svg, { kind: 'national', of, departements });
      }
      const points = items.flatMap((p) => {
        const at: [number, number] | undefined = p.location ? [p.location.longitude, p.location.latitude] : this.geo.shape(p.codeInsee)?.centroid;
        return at ? [{ title: p.title, communeName: p.communeName, at }] : [];
      });
      const communes = all.filter((c) => departementOfCommune(c.codeInsee) === drawn);
      const counts = new Map<string, number>();
      for (const p of items) counts.set(p.codeInsee, (counts.get(p.codeInsee) ?? 0) + 1);
      const nameOf = (code: string) => {
        const name = this.communes.nameOf(code);
        return name === code ? (communeOutlines(drawn).get(code)?.properties.nom ?? code) : name;
      };
      const svg = departementSvg(counts, nameOf, points, named(drawn));
      const communeRows = [...counts].map(([codeInsee, count]) => ({ codeInsee, name: this.communes.nameOf(codeInsee), count })).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
      const others = served.filter((code) => code !== drawn).map(named);
      return mapPage(this.config.publicUrl, filters, items, communes, years, svg, { kind: 'departement', departement: named(drawn), others, communeRows });
    });
    sendPublic(req, res, body, 'text/html; charset=utf-8', this.config.publicApi.cacheSeconds);
  }

  @Get('projets-publics/carte/fichiers/:file')
  asset(@Param('file') file: string, @Req() req: Request, @Res() res: Response): void {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) {
      res.status(404).setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Fichier introuvable');
      return;
    }
    let bytes = this.files.get(file);
    if (!bytes) {
      bytes = readFileSync(asset.path);
      this.files.set(file, bytes);
    }
    sendPublic(req, res, bytes, asset.type, 86_400);
  }
}
