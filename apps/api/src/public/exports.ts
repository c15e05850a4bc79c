import type { CommuneGeo } from './commune-geo.js';
import { GEO_ATTRIBUTION } from './commune-geo.js';
import type { PublicProject, PublicProjectSummary } from './public-catalog.js';
import { csvDocument, decimal } from '../shared/csv.js';

/*
 * Open-data exports of the published projects. CSV: see shared/csv.ts (what a French spreadsheet
 * opens correctly on a double click). GeoJSON: RFC 7946 FeatureCollection, WGS 84, [longitude, latitude].
 */

const csvColumns = (baseUrl: string): Array<[string, (p: PublicProject) => string | number | null]> => [
  ['id', (p) => p.id],
  ['titre', (p) => p.title],
  ['code_insee', (p) => p.codeInsee],
  ['commune', (p) => p.communeName],
  ['theme', (p) => p.theme],
  ['theme_libelle', (p) => p.themeLabel],
  ['annee_achevement', (p) => p.yearFinished],
  ['cout_final_ht_euros', (p) => p.finalCostHt],
  ['tranche_cout', (p) => p.costBand],
  ['financements', (p) => p.funding.map((f) => `${f.source} : ${decimal(f.amountHt)} €`).join(' | ')],
  ['resume', (p) => p.summary],
  ['retour_experience', (p) => p.lessonsLearned],
  ['version_approuvee', (p) => p.version],
  ['empreinte_sha256', (p) => p.fingerprint],
  ['date_publication', (p) => p.publishedAt],
  ['fiche', (p) => `${baseUrl}${p.pageUrl}`],
];

export function projectsCsv(projects: PublicProject[], baseUrl: string): string {
  return csvDocument(csvColumns(baseUrl), projects);
}

export function projectsGeoJson(projects: PublicProjectSummary[], geo: CommuneGeo) {
  return {
    type: 'FeatureCollection' as const,
    features: projects.map((p) => {
      const shape = geo.shape(p.codeInsee);
      // The approved precise point (issue #10), else the commune's centroid; a commune missing from the
      // outlines (merged since 2018) and no point give a feature without geometry (RFC 7946 §3.2).
      const coordinates = p.location ? [p.location.longitude, p.location.latitude] : shape ? [shape.centroid[0], shape.centroid[1]] : null;
      return {
        type: 'Feature' as const,
        id: p.id,
        geometry: coordinates ? { type: 'Point' as const, coordinates } : null,
        properties: { ...summaryOnly(p), precise: p.location !== null },
      };
    }),
    attribution: GEO_ATTRIBUTION,
  };
}

function summaryOnly(p: PublicProjectSummary): PublicProjectSummary {
  const { id, title, summary, codeInsee, communeName, theme, themeLabel, yearFinished, finalCostHt, costBand, costBandLabel, version, publishedAt, pageUrl, location, pictureUrl } = p;
  return { id, title, summary, codeInsee, communeName, theme, themeLabel, yearFinished, finalCostHt, costBand, costBandLabel, version, publishedAt, pageUrl, location, pictureUrl };
}
