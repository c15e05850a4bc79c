import { THEME_LABELS } from '@carnet/contracts';
import { PORTAL, PUBLIC_API, type PublicCommune, type PublicFilters, type PublicProjectSummary } from '../../public/public-catalog.js';
import { GEO_ATTRIBUTION } from '../../public/commune-geo.js';
import { euros, html, SafeHtml } from '../../public/portal/html.js';
import { filtersForm, layout, type ServedDepartement } from '../../public/portal/portal.html.js';
import { DEPARTEMENT_CLASSES, PUBLISHED_CLASSES } from './departement-svg.js';

/** Where the portal map's own files are served (Leaflet, its clustering plugin, the page's script and style). */
export const MAP_ASSETS = `${PORTAL}/carte/fichiers`;

/** The API filters equal to the portal's, for the script's data request: one Département's map asks for its projects only. */
function apiQuery(filters: PublicFilters): string {
  const params = new URLSearchParams();
  if (filters.departement) params.set('departement', filters.departement);
  if (filters.theme) params.set('theme', filters.theme);
  if (filters.commune) params.set('commune', filters.commune);
  if (filters.year !== undefined) params.set('year', String(filters.year));
  if (filters.costBand) params.set('costBand', filters.costBand);
  if (filters.text) params.set('q', filters.text);
  const q = params.toString();
  return q ? `?${q}` : '';
}

/**
 * The portal map's address for a Département (or all of them), keeping the filters chosen (words, theme, year, cost):
 * going from the national map to a Département's, and back, shows the same kind of projects. A commune belongs
 * to one Département: it is not kept.
 */
export function mapHref(filters: PublicFilters, departement?: string): string {
  const params = new URLSearchParams();
  if (departement) params.set('departement', departement);
  if (filters.theme) params.set('theme', filters.theme);
  if (filters.year !== undefined) params.set('annee', String(filters.year));
  if (filters.costBand) params.set('cout', filters.costBand);
  if (filters.text) params.set('q', filters.text);
  const q = params.toString();
  return q ? `${PORTAL}/carte?${q}` : `${PORTAL}/carte`;
}

/** What the map draws: one Département's communes (and a link to each other one served), or the Départements served. */
export type MapView =
  | { kind: 'departement'; departement: ServedDepartement; others: ServedDepartement[]; communeRows: Array<{ codeInsee: string; name: string; count: number }> }
  | { kind: 'national'; of: string; departements: Array<ServedDepartement & { count: number }> };

/** The table beside the list: published projects per Département (national map), or per commune. */
function countsTable(view: MapView, filters: PublicFilters): SafeHtml {
  if (view.kind === 'national') {
    return html`<h2 id="par-departement">Projets publiés par département</h2>
<p>Chaque département a sa carte, avec ses communes.</p>
<div class="table-scroll" role="region" aria-labelledby="par-departement" tabindex="0"><table>
  <thead><tr><th scope="col">Département</th><th scope="col" class="num">Projets publiés</th></tr></thead>
  <tbody>${view.departements.map((d) => html`<tr><td><a href="${mapHref(filters, d.code)}">${d.name} (${d.code})</a></td><td class="num">${d.count}</td></tr>`)}</tbody>
</table></div>`;
  }
  const rows = view.communeRows;
  return html`<details class="panel">
  <summary>Nombre de projets publiés par commune (${rows.length === 1 ? '1 commune' : `${rows.length} communes`})</summary>
  <table>
    <thead><tr><th scope="col">Commune</th><th scope="col" class="num">Projets publiés</th></tr></thead>
    <tbody>${rows.map((c) => html`<tr><td><a href="${PORTAL}/carte?commune=${c.codeInsee}">${c.name}</a></td><td class="num">${c.count}</td></tr>`)}</tbody>
  </table>
</details>`;
}

/** The national map lists the latest published projects only: all of France may have tens of thousands. */
export const NATIONAL_LIST_MAX = 100;

/**
 * `/projets-publics/carte`: the published projects on a map. Without JavaScript: the same filters,
 * the outlines as a static SVG drawn on the server, and the list. With JavaScript, a Leaflet map
 * (clustered points, choropleth of published projects per commune — or per Département on the national
 * map of an instance serving several, issue #17) replaces the picture.
 */
export function mapPage(base: string, filters: PublicFilters, items: PublicProjectSummary[], communes: PublicCommune[], years: number[], svg: string, view: MapView): string {
  const total = items.length;
  const national = view.kind === 'national';
  const listed = national ? items.slice(0, NATIONAL_LIST_MAX) : items;
  const perDepartement = view.kind === 'national' ? JSON.stringify(Object.fromEntries(view.departements.map((d) => [d.code, d.count]))) : '';
  const classes = national ? DEPARTEMENT_CLASSES : PUBLISHED_CLASSES;
  // The script fills the interactive map with the legend's own steps: [min, max (null: no upper bound), fill].
  const steps = JSON.stringify(classes.map((c) => [c.min, Number.isFinite(c.max) ? c.max : null, c.fill]));
  const of = view.kind === 'national' ? view.of : view.departement.of;
  const otherMaps =
    view.kind === 'departement' && view.others.length
      ? html`<nav aria-label="Cartes des autres départements"><p>Autres départements : ${view.others.map((d, i) => html`${i ? ', ' : ''}<a href="${mapHref(filters, d.code)}">${d.name}</a>`)}. <a href="${mapHref(filters)}">Carte de tous les départements</a>.</p></nav>`
      : '';
  const outlines = view.kind === 'national' ? '/api/map/departements.geojson' : `/api/map/communes.geojson?departement=${view.departement.code}`;
  return layout(
    {
      title: 'Carte des projets publiés',
      description: `Carte des projets terminés et publiés par les communes ${of} : où ils sont, ce qu’ils ont coûté, leur fiche.`,
      // One Département's map on an instance of several is a page of its own: its address is its canonical link.
      path: view.kind === 'departement' && view.others.length ? `${PORTAL}/carte?departement=${view.departement.code}` : `${PORTAL}/carte`,
      baseUrl: base,
      breadcrumb: [{ label: 'Accueil', href: PORTAL }, { label: 'Carte' }],
      stylesheets: [`${MAP_ASSETS}/leaflet.css`, `${MAP_ASSETS}/MarkerCluster.css`, `${MAP_ASSETS}/portal-map.css`],
      scripts: [`${MAP_ASSETS}/leaflet.js`, `${MAP_ASSETS}/leaflet.markercluster.js`, `${MAP_ASSETS}/portal-map.js`],
    },
    html`<h1>Carte des projets publiés${view.kind === 'departement' && view.others.length ? ` ${of}` : ''}</h1>
${otherMaps}
<p class="lead">Les projets terminés que les communes ${national ? `${of} ` : ''}ont publiés avec l’accord de leur maire, à l’endroit que le maire a approuvé (ou au centre de la commune).${national ? ' Choisissez un département pour voir ses communes.' : ''}</p>
${filtersForm(filters, communes, years, `${PORTAL}/carte`, 'Afficher sur la carte')}
<p role="status">${total === 0 ? 'Aucun projet publié ne correspond.' : total === 1 ? '1 projet publié' : `${total} projets publiés`}</p>
<div class="portal-map-layout">
  <div>
    <div id="carte-interactive" class="portal-map" hidden
      data-projects="${national ? '' : `${PUBLIC_API}/exports/projects.geojson${apiQuery(filters)}`}"
      data-counts="${perDepartement}"
      data-classes="${steps}"
      data-outlines="${outlines}"
      data-level="${national ? 'departements' : 'communes'}"
      data-settings="/api/map/settings"
      data-commune="${filters.commune ?? ''}"></div>
    <figure id="carte-statique" class="portal-map-static">
      ${new SafeHtml(svg)}
      <figcaption class="meta">${GEO_ATTRIBUTION}.</figcaption>
    </figure>
  </div>
  <div class="panel portal-map-legend">
    <h2>Légende</h2>
    <ul>${classes.map((c) => html`<li><svg width="20" height="20" aria-hidden="true" focusable="false"><rect x="1" y="1" width="18" height="18" fill="${c.fill}" stroke="#4a4f55"/></svg> ${c.label}${national ? ' dans le département' : ''}</li>`)}</ul>
    ${national ? '' : html`<p><svg width="20" height="20" aria-hidden="true" focusable="false"><circle cx="10" cy="10" r="6" fill="#b34700" stroke="#fff" stroke-width="2"/></svg> un projet publié (un chiffre : plusieurs projets proches)</p>`}
  </div>
</div>
${national ? countsTable(view, filters) : ''}
<h2 id="liste-carte">${listed.length < total ? 'Derniers projets publiés' : 'Projets de la carte'}</h2>
${listed.length < total ? html`<p>Les ${listed.length} derniers des ${total} projets publiés ; la carte de chaque département les montre tous.</p>` : ''}
${
  total === 0
    ? html`<p>Aucun projet publié ne correspond à ces filtres.</p>`
    : html`<div class="table-scroll" role="region" aria-labelledby="liste-carte" tabindex="0"><table>
  <thead><tr><th scope="col">Projet</th><th scope="col">Commune</th><th scope="col">Thème</th><th scope="col">Terminé en</th><th scope="col" class="num">Coût final HT</th></tr></thead>
  <tbody>${listed.map(
    (p) => html`<tr><td><a href="${p.pageUrl}">${p.title}</a></td><td><a href="${PORTAL}/communes/${p.codeInsee}">${p.communeName}</a></td><td>${THEME_LABELS[p.theme] ?? p.theme}</td><td>${p.yearFinished}</td><td class="num">${p.finalCostHt === null ? 'non communiqué' : euros(p.finalCostHt)}</td></tr>`,
  )}</tbody>
</table></div>`
}
${national ? '' : countsTable(view, filters)}`,
  );
}
