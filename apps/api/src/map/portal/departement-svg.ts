import { communeOutlines } from '../../shared/geo/commune-outlines.js';

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

/** Sequential blues for 0, 1, 2–3, 4–9, 10+ published projects (the legend repeats them in words). */
export const PUBLISHED_CLASSES = [
  { min: 0, max: 0, fill: '#ffffff', label: 'aucun projet publié' },
  { min: 1, max: 1, fill: '#c6dbef', label: '1 projet' },
  { min: 2, max: 3, fill: '#6baed6', label: '2 ou 3 projets' },
  { min: 4, max: 9, fill: '#2171b5', label: '4 à 9 projets' },
  { min: 10, max: Number.POSITIVE_INFINITY, fill: '#08306b', label: '10 projets ou plus' },
];
export const publishedClass = (n: number) => PUBLISHED_CLASSES.find((c) => n >= c.min && n <= c.max) ?? PUBLISHED_CLASSES[0];

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const frames = new Map<string, { k: number; minX: number; minY: number; scale: number; width: number; height: number }>();

function frameOf(width: number, departement: string) {
  const known = frames.get(`${departement} ${width}`);
  if (known) return known;
  const points = [...communeOutlines(departement).values()].flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2));
  const lat0 = points.reduce((s, [, lat]) => s + lat, 0) / points.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = points.map(([lon]) => lon * k);
  const ys = points.map(([, lat]) => -lat);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const scale = width / (Math.max(...xs) - minX);
  const frame = { k, minX, minY, scale, width, height: Math.ceil((Math.max(...ys) - minY) * scale) };
  frames.set(`${departement} ${width}`, frame);
  return frame;
}

/** The SVG (as a string of markup, every text escaped) of a Département's communes (« du Val-d’Oise »: `of`). */
export function departementSvg(
  counts: ReadonlyMap<string, number>,
  names: (code: string) => string,
  projects: SvgProject[],
  departement: { code: string; of: string } = { code: '95', of: 'du Val-d’Oise' },
  width = 640,
): string {
  const f = frameOf(width, departement.code);
  const x = (lon: number) => ((lon * f.k - f.minX) * f.scale).toFixed(1);
  const y = (lat: number) => ((-lat - f.minY) * f.scale).toFixed(1);
  const paths = [...communeOutlines(departement.code).values()].map((feature) => {
    const code = feature.properties.code;
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const d = polygons
      .flat()
      .map((ring) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${x(lon)} ${y(lat)}`).join('') + 'Z')
      .join('');
    const n = counts.get(code) ?? 0;
    return `<path d="${d}" fill="${publishedClass(n).fill}"><title>${esc(`${names(code)} : ${n === 0 ? 'aucun projet publié' : n === 1 ? '1 projet publié' : `${n} projets publiés`}`)}</title></path>`;
  });
  const dots = projects.map((p) => `<circle cx="${x(p.at[0])}" cy="${y(p.at[1])}" r="5"><title>${esc(`${p.title} — ${p.communeName}`)}</title></circle>`);
  return (
    `<svg class="departement-map" xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 ${f.width + 8} ${f.height + 8}" role="img" aria-labelledby="carte-svg-titre carte-svg-desc">` +
    `<title id="carte-svg-titre">${esc(`Carte des communes ${departement.of} et des projets publiés`)}</title>` +
    `<desc id="carte-svg-desc">Chaque commune est d’autant plus foncée qu’elle a de projets publiés ; chaque rond est un projet. La liste sous la carte donne les mêmes projets.</desc>` +
    `<g class="communes">${paths.join('')}</g><g class="projets">${dots.join('')}</g></svg>`
  );
}
