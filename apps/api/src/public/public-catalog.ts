import { Injectable } from '@nestjs/common';
import { STEP_LABELS, THEME_LABELS } from '@carnet/contracts';
import { PROJECT_THEMES, type ProjectTheme } from '@carnet/domain';
import { analyseFrench, analyseQuery, type FindQuery, type RangeCondition, type ReadModelSet, type Scalar } from '@carnet/read-store';
import { CommuneCatalog, DEPARTEMENT_CODES } from '../communes/commune-catalog.js';
import { ReadModels } from '../shared/read-models.js';
import { isCalendarDay } from '../shared/calendar-day.js';
import { ProblemException } from '../shared/problem.js';
import { publicChangeProjection, type PublicChangeEntry } from './projections/public-change.projection.js';
import {
  COST_BAND_LABELS,
  COST_BANDS,
  costBandOf,
  publicProjectProjection,
  type CostBand,
  type PublicDocumentView,
  type PublicProjectDoc,
  type PublicProjectView,
} from './projections/public-project.projection.js';

/** The filters of the public lists (API and portal). */
export interface PublicFilters {
  theme?: ProjectTheme;
  commune?: string;
  /** The projects of one Département's communes (issue #17): its official code, such as 95, 2A or 971. */
  departement?: string;
  year?: number;
  costBand?: CostBand;
  /** ISO-8601 instant: fiches changed (approved, or a document removed) at or after it. */
  updatedSince?: string;
  /** Words to find in the title, the summary, the lessons learned, the theme or the commune (portal search, « q »). */
  text?: string;
}

export interface PublicProjectSummary {
  id: string;
  title: string;
  summary: string;
  codeInsee: string;
  communeName: string;
  theme: ProjectTheme;
  themeLabel: string;
  yearFinished: number;
  finalCostHt: number | null;
  costBand: CostBand;
  costBandLabel: string;
  version: number;
  publishedAt: string;
  /** The fiche on the public portal. */
  pageUrl: string;
  /** The precise point the mayor approved (WGS 84); null: the project is placed on its commune as a whole. */
  location: { longitude: number; latitude: number } | null;
  /** The first picture of the approved content (a public image document), for cards; null when there is none. */
  pictureUrl: string | null;
}

export interface PublicDocument {
  id: string;
  version: number;
  title: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  downloadUrl: string;
}

export interface PublicProject extends PublicProjectSummary {
  fingerprint: string | null;
  funding: Array<{ source: string; amountHt: number }>;
  lessonsLearned: string;
  timeline: Array<{ step: string; stepLabel: string; reachedAt: string }>;
  documents: PublicDocument[];
  firstPublishedAt: string;
}

export interface PublicChangeItem {
  position: number;
  kind: 'published' | 'updated' | 'withdrawn';
  projectId: string;
  version: number | null;
  at: string;
  /** The project as the public sees it now (absent when it is withdrawn or no longer published). */
  projectUrl: string | null;
}

export interface PublicCommune {
  codeInsee: string;
  name: string;
  publishedProjects: number;
  pageUrl: string;
}

export const PORTAL = '/projets-publics';
export const PUBLIC_API = '/api/public/v1';
/** The portal's page for open-data reusers (the same name everywhere: « Données ouvertes »). */
export const OPEN_DATA_PAGE = `${PORTAL}/donnees-ouvertes`;

/** Opaque cursors: base64url of a small JSON object, checked on the way back. */
export function encodeCursor(position: number): string {
  return Buffer.from(JSON.stringify({ p: position }), 'utf8').toString('base64url');
}
export function decodeCursor(cursor: string | undefined, field = 'cursor'): number | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { p?: unknown };
    if (Number.isSafeInteger(value.p) && (value.p as number) >= 0) return value.p as number;
  } catch {
    // falls through to the problem below
  }
  throw new ProblemException(400, 'invalid_cursor', 'Curseur invalide', 'Reprenez le curseur tel que la réponse précédente l’a donné.', [
    { field, message: 'Ce curseur n’a pas été donné par cette API.' },
  ]);
}

/**
 * The forms of `updatedSince`, as the OpenAPI document announces them (without anchors): a day, or a day and a time
 * (after a T or a space), with or without seconds, milliseconds and a zone. The day must also exist (isCalendarDay).
 */
export const UPDATED_SINCE_FORM =
  '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([T ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,3})?)?(Z|[+-]([01]\\d|2[0-3]):?[0-5]\\d)?)?';

/** Parses query-string filters (API names or portal names), with French problems for wrong values. */
export function parseFilters(query: Record<string, unknown>, names = { theme: 'theme', commune: 'commune', year: 'year', costBand: 'costBand' }): PublicFilters {
  const errors: Array<{ field: string; message: string }> = [];
  const text = (name: string) => {
    // A filter given twice (?theme=a&theme=b) is refused rather than silently ignored.
    if (Array.isArray(query[name])) errors.push({ field: name, message: 'Ce paramètre ne peut être donné qu’une fois.' });
    return typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string) : undefined;
  };
  const filters: PublicFilters = {};
  const theme = text(names.theme);
  if (theme !== undefined) {
    if ((PROJECT_THEMES as readonly string[]).includes(theme)) filters.theme = theme as ProjectTheme;
    else errors.push({ field: names.theme, message: `Thème inconnu ; valeurs possibles : ${PROJECT_THEMES.join(', ')}.` });
  }
  const commune = text(names.commune);
  if (commune !== undefined) {
    if (/^\d[\dAB]\d{3}$/.test(commune)) filters.commune = commune;
    else errors.push({ field: names.commune, message: 'Le code INSEE de la commune a 5 caractères, par exemple 95002.' });
  }
  const departement = text('departement');
  if (departement !== undefined) {
    if (DEPARTEMENT_CODES.includes(departement)) filters.departement = departement;
    else errors.push({ field: 'departement', message: 'Département inconnu : son code officiel, par exemple 95, 2A ou 971.' });
  }
  const year = text(names.year);
  if (year !== undefined) {
    if (/^\d{4}$/.test(year)) filters.year = Number(year);
    else errors.push({ field: names.year, message: 'L’année s’écrit sur 4 chiffres, par exemple 2026.' });
  }
  const band = text(names.costBand);
  if (band !== undefined) {
    if ((COST_BANDS as readonly string[]).includes(band)) filters.costBand = band as CostBand;
    else errors.push({ field: names.costBand, message: `Tranche de coût inconnue ; valeurs possibles : ${COST_BANDS.join(', ')}.` });
  }
  const words = text('q');
  if (words !== undefined && words.trim()) filters.text = words.trim().slice(0, 200);
  const since = text('updatedSince');
  if (since !== undefined) {
    const expected = 'Date ISO 8601 attendue, par exemple 2026-01-31 ou 2026-01-31T08:00:00Z.';
    const wellFormed = new RegExp(`^${UPDATED_SINCE_FORM}$`).test(since);
    // A day the calendar does not have (« 2026-02-30 ») is refused: Date.parse would read it as 2 March.
    if (wellFormed && !isCalendarDay(since.slice(0, 10))) {
      errors.push({ field: 'updatedSince', message: `Le jour « ${since.slice(0, 10)} » n’existe pas dans le calendrier. ${expected}` });
    } else {
      // The pattern announced accepts a space between date and time (RFC 3339 allows it); Date.parse wants a T.
      const ms = wellFormed ? Date.parse(since.replace(' ', 'T')) : NaN;
      if (!Number.isNaN(ms)) filters.updatedSince = new Date(ms).toISOString();
      else errors.push({ field: 'updatedSince', message: expected });
    }
  }
  if (errors.length) throw new ProblemException(400, 'validation', 'Certains paramètres sont invalides', undefined, errors);
  return filters;
}

export function parseLimit(value: unknown, fallback = 20, max = 100): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new ProblemException(400, 'validation', 'Certains paramètres sont invalides', undefined, [
      { field: 'limit', message: `Nombre entier de 1 à ${max}.` },
    ]);
  }
  return n;
}

/**
 * Every listed fiche has an approval position. Said in the query of a page, it leads SQLite to walk
 * the `approvedPosition` index in order and stop at the page's end, instead of reading every listed
 * fiche through the `listed` index and sorting them (61,000 fiches on a national log: issue #15).
 */
const APPROVED: RangeCondition = { field: 'approvedPosition', op: 'gt', value: 0 };

/**
 * The public side of the read models: published fiches, communes, the change feed. Everything it
 * returns comes from `public` (the approved fiche) of listed documents — never from the working state.
 */
@Injectable()
export class PublicCatalog {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
  ) {}

  private where(filters: PublicFilters): { where: Record<string, Scalar>; range: RangeCondition[] } {
    const where: Record<string, Scalar> = { listed: true };
    if (filters.theme) where.theme = filters.theme;
    if (filters.commune) where.codeInsee = filters.commune;
    if (filters.year !== undefined) where.year = filters.year;
    if (filters.costBand) where.costBand = filters.costBand;
    const range: RangeCondition[] = filters.updatedSince ? [{ field: 'changedAt', op: 'gte', value: filters.updatedSince }] : [];
    if (filters.departement) {
      // A Département's communes are the codes that start with its own (departementOfCommune): a range of the codeInsee index.
      range.push({ field: 'codeInsee', op: 'gte', value: filters.departement }, { field: 'codeInsee', op: 'lt', value: `${filters.departement}~` });
    }
    return { where, range };
  }

  private async set(): Promise<ReadModelSet> {
    return this.readModels.current();
  }

  /**
   * The listed fiches whose title, summary, lessons learned, theme or commune hold every word of `text`, most recently
   * approved first. Published fiches are few (one per finished project): words are matched in memory, with the search's
   * French analyser. Every list that takes « q » goes through here, so that the search, the map and the exports agree.
   */
  private async withWords(set: ReadModelSet, filters: PublicFilters, text: string): Promise<PublicProjectDoc[]> {
    const { where, range } = this.where(filters);
    const terms = analyseQuery(text);
    const docs = await set.find<PublicProjectDoc>(publicProjectProjection.collection, { where, range, orderBy: [{ field: 'approvedPosition', direction: 'desc' }] });
    return docs.filter((d) => {
      const v = d.public!;
      const words = new Set(analyseFrench([v.title, v.summary, v.lessonsLearned, THEME_LABELS[v.theme], this.communes.nameOf(v.codeInsee)].join(' ')));
      return terms.every((t) => words.has(t));
    });
  }

  /** Most recently approved first; `after` is the approval position of the last item seen. */
  async page(filters: PublicFilters, limit: number, after?: number): Promise<{ items: PublicProjectSummary[]; next: string | null; total: number }> {
    const set = await this.set();
    if (filters.text) {
      const found = await this.withWords(set, filters, filters.text);
      const rest = after !== undefined ? found.filter((d) => d.approvedPosition! < after) : found;
      const next = rest.length > limit ? encodeCursor(rest[limit - 1].approvedPosition!) : null;
      return { items: rest.slice(0, limit).map((d) => this.summary(d.public!)), next, total: found.length };
    }
    const { where, range } = this.where(filters);
    const query: FindQuery = {
      where,
      range: after !== undefined ? [...range, APPROVED, { field: 'approvedPosition', op: 'lt', value: after }] : [...range, APPROVED],
      orderBy: [{ field: 'approvedPosition', direction: 'desc' }],
      limit: limit + 1,
    };
    const [docs, total] = await Promise.all([
      set.find<PublicProjectDoc>(publicProjectProjection.collection, query),
      set.count(publicProjectProjection.collection, { where, range }),
    ]);
    const items = docs.slice(0, limit).map((d) => this.summary(d.public!));
    const next = docs.length > limit ? encodeCursor(docs[limit - 1].approvedPosition!) : null;
    return { items, next, total };
  }

  /** A page by number (the portal's "page 2, 3…"). */
  async pageByNumber(filters: PublicFilters, pageSize: number, page: number): Promise<{ items: PublicProjectSummary[]; total: number }> {
    const set = await this.set();
    if (filters.text) {
      const found = await this.withWords(set, filters, filters.text);
      return { items: found.slice((page - 1) * pageSize, page * pageSize).map((d) => this.summary(d.public!)), total: found.length };
    }
    const { where, range } = this.where(filters);
    const [docs, total] = await Promise.all([
      set.find<PublicProjectDoc>(publicProjectProjection.collection, {
        where,
        range: [...range, APPROVED],
        orderBy: [{ field: 'approvedPosition', direction: 'desc' }],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      set.count(publicProjectProjection.collection, { where, range }),
    ]);
    return { items: docs.map((d) => this.summary(d.public!)), total };
  }

  /** Every published fiche, most recent first (exports, map, sitemap). */
  async all(filters: PublicFilters = {}): Promise<PublicProject[]> {
    const set = await this.set();
    const { where, range } = this.where(filters);
    const docs = filters.text
      ? await this.withWords(set, filters, filters.text)
      : await set.find<PublicProjectDoc>(publicProjectProjection.collection, { where, range, orderBy: [{ field: 'approvedPosition', direction: 'desc' }] });
    return docs.map((d) => this.detail(d.public!));
  }

  async project(id: string): Promise<PublicProject | null> {
    const view = await this.view(id);
    return view ? this.detail(view) : null;
  }

  /** The approved fiche with its internal document facts (the download endpoint needs the blob key). */
  async view(id: string): Promise<PublicProjectView | null> {
    const doc = await (await this.set()).get<PublicProjectDoc>(publicProjectProjection.collection, id);
    return doc?.listed && doc.public ? doc.public : null;
  }

  /** Communes with at least one published project, by name. */
  async communesWithProjects(): Promise<PublicCommune[]> {
    const set = await this.set();
    const docs = await set.find<PublicProjectDoc>(publicProjectProjection.collection, { where: { listed: true } });
    const counts = new Map<string, number>();
    for (const d of docs) counts.set(d.codeInsee!, (counts.get(d.codeInsee!) ?? 0) + 1);
    const collator = new Intl.Collator('fr');
    return [...counts]
      .map(([codeInsee, publishedProjects]) => ({ codeInsee, name: this.communes.nameOf(codeInsee), publishedProjects, pageUrl: `${PORTAL}/communes/${codeInsee}` }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }

  /** Years in which published projects finished, most recent first (portal filter). */
  async years(): Promise<number[]> {
    const docs = await (await this.set()).find<PublicProjectDoc>(publicProjectProjection.collection, { where: { listed: true } });
    return [...new Set(docs.map((d) => d.year!))].sort((a, b) => b - a);
  }

  /** Change feed entries after a log position, in log order; of one Département's communes when it is given. */
  async changes(after: number, limit: number, departement?: string): Promise<{ items: PublicChangeItem[]; next: string }> {
    const set = await this.set();
    const ofDepartement = departement
      ? [{ field: 'codeInsee', op: 'gte' as const, value: departement }, { field: 'codeInsee', op: 'lt' as const, value: `${departement}~` }]
      : [];
    const entries = await set.find<PublicChangeEntry>(publicChangeProjection.collection, {
      where: { entry: true },
      range: [{ field: 'position', op: 'gt', value: after }, ...ofDepartement],
      orderBy: [{ field: 'position', direction: 'asc' }],
      limit,
    });
    const listed = await set.getMany<PublicProjectDoc>(publicProjectProjection.collection, entries.map((e) => e.projectId));
    const items = entries.map((e) => ({
      position: e.position,
      kind: e.kind,
      projectId: e.projectId,
      version: e.version,
      at: e.at,
      projectUrl: listed.get(e.projectId)?.listed ? `${PUBLIC_API}/projects/${e.projectId}` : null,
    }));
    // With no new entry, the cursor stays where it was: the mirror asks again later with the same one.
    return { items, next: encodeCursor(entries.length ? entries[entries.length - 1].position : after) };
  }

  summary(view: PublicProjectView): PublicProjectSummary {
    return {
      id: view.projectId,
      title: view.title,
      summary: view.summary,
      codeInsee: view.codeInsee,
      communeName: this.communes.nameOf(view.codeInsee),
      theme: view.theme,
      themeLabel: THEME_LABELS[view.theme] ?? view.theme,
      yearFinished: view.yearFinished,
      finalCostHt: view.finalCostHt,
      costBand: costBandOfView(view),
      costBandLabel: COST_BAND_LABELS[costBandOfView(view)],
      version: view.version,
      publishedAt: view.publishedAt,
      pageUrl: `${PORTAL}/projets/${view.projectId}`,
      location: view.location ? { longitude: view.location.longitude, latitude: view.location.latitude } : null,
      pictureUrl: pictureOf(view),
    };
  }

  detail(view: PublicProjectView): PublicProject {
    return {
      ...this.summary(view),
      fingerprint: view.fingerprint,
      funding: view.funding.map((f) => ({ source: f.source, amountHt: f.amountHt })),
      lessonsLearned: view.lessonsLearned,
      timeline: view.timeline.map((s) => ({ step: s.step, stepLabel: STEP_LABELS[s.step], reachedAt: s.reachedAt })),
      documents: view.documents.map((d) => publicDocument(view.projectId, d)),
      firstPublishedAt: view.firstPublishedAt,
    };
  }
}

const costBandOfView = (view: PublicProjectView): CostBand => costBandOf(view.finalCostHt);

/** The download address of the first image among the approved content's documents. */
function pictureOf(view: PublicProjectView): string | null {
  const picture = view.documents.find((d) => d.mediaType.startsWith('image/'));
  return picture ? publicDocument(view.projectId, picture).downloadUrl : null;
}

function publicDocument(projectId: string, d: PublicDocumentView): PublicDocument {
  // Listed field by field: the blob key stays inside.
  return {
    id: d.documentId,
    version: d.version,
    title: d.title,
    fileName: d.fileName,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    downloadUrl: `${PUBLIC_API}/projects/${projectId}/documents/${d.documentId}`,
  };
}
