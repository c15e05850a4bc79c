import { communeOutlines, type OutlineFeature } from '../../shared/geo/commune-outlines.js';
import { departementOutlines } from '../../shared/geo/departement-outlines.js';

/*
 * The map of the portal without JavaScript (issue #10): every commune outline as one static SVG,
 * drawn on the server, filled by the number of published projects, with a dot per project. North
 * up; longitudes shrunk by cos(latitude) so that the shapes are not stretched.
 */

export interface SvgProject {
  title: string;
  communeName: string;
  /** [longitude, latitude] */
  at: [number, number];
}

/** Sequential blues, light to dark: the same five for communes and for Départements, only the steps differ. */
const BLUES = ['#ffffff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
const stepsOf = (steps: Array<[min: number, max: number, label: string]>) => steps.map(([min, max, label], i) => ({ min, max, fill: BLUES[i]!, label }));
type Step = ReturnType<typeof stepsOf>[number];
/** The step a count falls in (the first one, « none », for anything outside them). */
const stepIn = (steps: Step[]) => (n: number) => steps.find((c) => n >= c.min && n <= c.max) ?? steps[0]!;

/** Published projects of a commune: 0, 1, 2–3, 4–9, 10+ (the legend repeats them in words; the script reads them from the page). */
export const PUBLISHED_CLASSES = stepsOf([
  [0, 0, 'aucun projet publié'],
  [1, 1, '1 projet'],
  [2, 3, '2 ou 3 projets'],
  [4, 9, '4 à 9 projets'],
  [10, Number.POSITIVE_INFINITY, '10 projets ou plus'],
]);
export const publishedClass = stepIn(PUBLISHED_CLASSES);

/** Published projects of a Département (national map): it has a hundred times a commune's. */
export const DEPARTEMENT_CLASSES = stepsOf([
  [0, 0, 'aucun projet publié'],
  [1, 9, '1 à 9 projets'],
  [10, 49, '10 à 49 projets'],
  [50, 199, '50 à 199 projets'],
  [200, Number.POSITIVE_INFINITY, '200 projets ou plus'],
]);
const departementClass = stepIn(DEPARTEMENT_CLASSES);

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const frames = new Map<string, Frame>();

interface Frame {
  k: number;
  minX: number;
  minY: number;
  scale: number;
  width: number;
  height: number;
}

const polygonsOf = (feature: OutlineFeature) => (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates);

/** The projection of a set of outlines onto `width` pixels, kept per key (a Département's code, or the list of those served). */
function frameOf(key: string, width: number, features: readonly OutlineFeature[]): Frame {
  const known = frames.get(`${key} ${width}`);
  if (known) return known;
  const points = features.flatMap((f) => polygonsOf(f).flat(2));
  const lat0 = points.reduce((s, [, lat]) => s + lat, 0) / points.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = points.map(([lon]) => lon * k);
  const ys = points.map(([, lat]) => -lat);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const scale = width / (Math.max(...xs) - minX);
  const frame = { k, minX, minY, scale, width, height: Math.ceil((Math.max(...ys) - minY) * scale) };
  frames.set(`${key} ${width}`, frame);
  return frame;
}

/**
 * Outlines as one SVG (a string of markup, every text escaped): each area filled by its number of published
 * projects, a dot per project. Points that fall on the same tenth of a pixel as the one before are dropped: a map
 * of all France stays a few hundred kilobytes.
 */
function outlinesSvg(
  key: string,
  features: readonly OutlineFeature[],
  counts: ReadonlyMap<string, number>,
  names: (code: string) => string,
  projects: SvgProject[],
  text: { title: string; desc: string },
  width: number,
  classOf: (n: number) => { fill: string } = publishedClass,
): string {
  if (features.length === 0) return '';
  const f = frameOf(key, width, features);
  const x = (lon: number) => ((lon * f.k - f.minX) * f.scale).toFixed(1);
  const y = (lat: number) => ((-lat - f.minY) * f.scale).toFixed(1);
  const paths = features.map((feature) => {
    const code = feature.properties.code;
    const d = polygonsOf(feature)
      .flat()
      .map((ring) => {
        let last = '';
        const parts: string[] = [];
        for (const [lon, lat] of ring) {
          const at = `${x(lon)} ${y(lat)}`;
          if (at === last) continue;
          parts.push(`${parts.length ? 'L' : 'M'}${at}`);
          last = at;
        }
        return `${parts.join('')}Z`;
      })
      .join('');
    const n = counts.get(code) ?? 0;
    return `<path d="${d}" fill="${classOf(n).fill}"><title>${esc(`${names(code)} : ${n === 0 ? 'aucun projet publié' : n === 1 ? '1 projet publié' : `${n} projets publiés`}`)}</title></path>`;
  });
  const dots = projects.map((p) => `<circle cx="${x(p.at[0])}" cy="${y(p.at[1])}" r="5"><title>${esc(`${p.title} — ${p.communeName}`)}</title></circle>`);
  return (
    `<svg class="departement-map" xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 ${f.width + 8} ${f.height + 8}" role="img" aria-labelledby="carte-svg-titre carte-svg-desc">` +
    `<title id="carte-svg-titre">${esc(text.title)}</title>` +
    `<desc id="carte-svg-desc">${esc(text.desc)}</desc>` +
    `<g class="communes">${paths.join('')}</g><g class="projets">${dots.join('')}</g></svg>`
  );
}

/** The SVG of a Département's communes (« du Val-d’Oise »: `of`), filled by published projects per commune. */
export function departementSvg(
  counts: ReadonlyMap<string, number>,
  names: (code: string) => string,
  projects: SvgProject[],
  departement: { code: string; of: string } = { code: '95', of: 'du Val-d’Oise' },
  width = 640,
): string {
  return outlinesSvg(departement.code, [...communeOutlines(departement.code).values()], counts, names, projects, {
    title: `Carte des communes ${departement.of} et des projets publiés`,
    desc: 'Chaque commune est d’autant plus foncée qu’elle a de projets publiés ; chaque rond est un projet. La liste sous la carte donne les mêmes projets.',
  }, width);
}

/**
 * The SVG of the Départements served (issue #17), filled by published projects per Département (`projects`: none on
 * the national map, whose Départements may hold tens of thousands); empty when none of them has an outline (overseas only). `of` names them: « du Val-d’Oise et des Yvelines ».
 */
export function departementsSvg(
  codes: readonly string[],
  counts: ReadonlyMap<string, number>,
  names: (code: string) => string,
  projects: SvgProject[],
  of: string,
  width = 640,
): string {
  return outlinesSvg(codes.join(','), departementOutlines(codes), counts, names, projects, {
    title: `Carte des projets publiés ${of}, par département`,
    desc: 'Chaque département est d’autant plus foncé qu’il a de projets publiés. Le tableau sous la carte donne les mêmes nombres, avec un lien vers la carte de chaque département, qui montre ses projets.',
  }, width, departementClass);
}
