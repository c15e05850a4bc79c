import { LEGAL_FOOTER_LINKS, LEGAL_SLUGS, STEP_LABELS, deCommune, shortFingerprint, STEP_ORDER, THEME_LABELS, type LegalBlock, type LegalInline, type LegalPage, type LegalPageSlug } from '@carnet/contracts';
import { departementOfCommune, PROJECT_THEMES } from '@carnet/domain';
import { COST_BAND_LABELS, COST_BANDS } from '../projections/public-project.projection.js';
import { OPEN_DATA_PAGE, PORTAL, PUBLIC_API, type PublicCommune, type PublicFilters, type PublicProject, type PublicProjectSummary } from '../public-catalog.js';
import { GEO_ATTRIBUTION } from '../commune-geo.js';
import { DEPARTEMENT_NAMES } from '../../communes/commune-catalog.js';
import { DEFAULT_SITE_NAME, FAVICON_PATH, LOGO_PATH, type Brand } from '../../branding/brand.js';
import { esc, euros, fileSize, frDate, html, isoDay, SafeHtml } from './html.js';

/*
 * The public portal's pages, rendered on the server as complete HTML: readable without JavaScript,
 * in French, with landmarks, a skip link, one h1, a title, a description and a canonical link.
 * The look follows the web app's stylesheet (same colours, type and spacing), inlined: one request.
 */

/** The portal's one stylesheet, inlined; the Content-Security-Policy allows it by its hash (ADR 0021). */
export const STYLE = `
:root{--text:#1b1b1b;--muted:#4a4f55;--bg:#f6f7f8;--surface:#fff;--border:#c9ced4;--primary:#1f4e79;--primary-dark:#163a5a;--soft:#e6eef6;--focus:#b34700;--radius:6px}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;font-size:1.0625rem;line-height:1.55;color:var(--text);background:var(--bg);overflow-wrap:break-word}
h1,h2,h3{line-height:1.25;margin:0 0 .75rem}h1{font-size:1.875rem}h2{font-size:1.375rem}h3{font-size:1.125rem}p{margin:0 0 .75rem}
a{color:var(--primary);text-underline-offset:.15em}a:hover{color:var(--primary-dark);text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.pictures{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem}.pictures figure{margin:0}.pictures img{display:block;width:100%;height:auto;border-radius:4px}.skip-link{position:absolute;left:-9999px;top:0;background:var(--surface);padding:.5rem 1rem;z-index:10}.skip-link:focus{left:1rem}
.container{max-width:70rem;margin:0 auto;padding:0 1rem}
.site-header{background:var(--primary);color:#fff}.site-header a{color:#fff}
.site-header__inner{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;padding:.75rem 1rem}
.brand{display:inline-flex;align-items:center;gap:.625rem;font-weight:700;text-decoration:none;font-size:1.125rem;line-height:1.2}.brand__logo{flex:none;border-radius:8px;background:#fff}.brand__sub{display:block;font-weight:400;font-size:.9375rem}
.site-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
main{padding:1.5rem 0 3rem}
.lead{font-size:1.125rem;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem;list-style:none;padding:0;margin:0 0 1.5rem}
.card{background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);padding:0 0 1rem;overflow:hidden;display:flex;flex-direction:column}
.card>:not(.card__picture){margin-left:1rem;margin-right:1rem}.card__picture{display:block;width:100%;height:auto;aspect-ratio:8/5;object-fit:cover;margin-bottom:.75rem;background:var(--soft)}
.card:focus-within{outline:3px solid var(--focus);outline-offset:2px}
.card h3{margin-bottom:.25rem}.meta{color:var(--muted);font-size:.9375rem;margin:0 0 .5rem}
.panel{background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);padding:1rem 1.25rem;margin:0 0 1.25rem}
form.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem 1rem;align-items:end}form.filters .scope{grid-column:1/-1;margin:0}
label{display:block;font-weight:600;margin-bottom:.25rem}
input,select,button{font:inherit;width:100%;min-height:2.75rem;padding:.4rem .6rem;border:1px solid #6b7178;border-radius:var(--radius);background:#fff;color:var(--text)}
button{background:var(--primary);color:#fff;border-color:var(--primary);font-weight:600;cursor:pointer}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
ol.timeline{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}
ol.timeline li{border:1px solid var(--border);border-radius:var(--radius);padding:.4rem .75rem;background:var(--soft)}
ol.timeline li.is-missing{background:var(--surface);color:var(--muted)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--border)}td.num,th.num{text-align:right}
.pagination{display:flex;gap:1rem;flex-wrap:wrap;align-items:center}
.commune-map{max-width:100%;height:auto;background:var(--soft);border-radius:var(--radius)}
.commune-map path{fill:#9fb8d1;stroke:var(--primary);stroke-width:1.5}
.site-footer{border-top:1px solid var(--border);background:var(--surface);padding:1rem 0;font-size:.9375rem;color:var(--muted)}
.site-footer a{color:var(--primary)}
.legal .panel>:last-child{margin-bottom:0}
.site-footer ul.legal-links{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;list-style:none;padding:0;margin:0}
.site-footer ul.legal-links a{display:inline-block;padding:.25rem 0}
.breadcrumb ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;padding:0;margin:0 0 1rem;font-size:.9375rem}
.breadcrumb li+li::before{content:"›";margin-right:.25rem;color:var(--muted)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9375em;overflow-wrap:anywhere}
pre{margin:0 0 .75rem;padding:.75rem 1rem;background:var(--soft);border-radius:var(--radius);white-space:pre-wrap;overflow-wrap:anywhere}
h4{font-size:1rem;margin:1rem 0 .5rem}.open-data section{margin-bottom:2rem}.open-data .operation{margin-bottom:1.25rem}ul.params{padding-left:1.25rem;margin:0 0 .75rem}
@media (max-width:40rem){h1{font-size:1.5rem}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.5rem}}
`;

/** The identity of the portal (SITE_NAME, LOGO_FILE, BRAND_COLOR): set once at start-up from the configuration. */
let brand: Pick<Brand, 'siteName' | 'color' | 'colorDark' | 'colorSoft'> = { siteName: DEFAULT_SITE_NAME, color: '#1f4e79', colorDark: '#163a5a', colorSoft: '#e6eef6' };
/** The identity's colours, as the portal's second <style> (its text is hashed into the CSP: ADR 0021). */
export const brandStyle = (b: Pick<Brand, 'color' | 'colorDark' | 'colorSoft'>): string => `:root{--primary:${b.color};--primary-dark:${b.colorDark};--soft:${b.colorSoft}}`;

export function usePortalBrand(configured: Brand): void {
  brand = configured;
}

/** A Département the instance serves, as the portal names it. */
export interface ServedDepartement {
  code: string;
  name: string;
  /** « du Val-d’Oise », « des Yvelines ». */
  of: string;
}

/** The Départements served (DEPARTEMENTS, issue #17): set once at start-up. The portal names its area after them. */
let served: ServedDepartement[] = [{ code: '95', name: 'Val-d’Oise', of: 'du Val-d’Oise' }];

export function usePortalDepartements(departements: ServedDepartement[]): void {
  served = departements;
}

/** « du Val-d’Oise »; « du Val-d’Oise et des Yvelines »; « de France » beyond three Départements. */
export function ofArea(): string {
  if (served.length > 3) return 'de France';
  const parts = served.map((d) => d.of);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

/** « du Département du Val-d’Oise »; « des Départements du Val-d’Oise et des Yvelines ». */
export const ofServingDepartements = (): string => (served.length > 1 ? `des Départements ${ofArea()}` : `du Département ${ofArea()}`);

/** A served Département by its code (the per-Département pages). */
export const servedDepartement = (code: string): ServedDepartement | undefined => served.find((d) => d.code === code);

/** Each theme's tint for the illustration of a card without picture. */
const THEME_TINTS: Record<string, string> = {
  ecole: '#d9e7f5', batiment_public: '#e6e0d4', voirie: '#dcdfe3', eclairage: '#f4ecc8', energie: '#e3efd6', eau_assainissement: '#d6ebf0',
  espaces_verts: '#dcefd8', sport_culture: '#f3dfd4', mobilite: '#e2dcef', numerique: '#d8e4ec', patrimoine: '#eee2cf', autre: '#e6e8eb',
};

/** The card's picture: the project's own, or a neutral illustration (hills, sun) tinted by its theme. Decorative: the title says it all. */
function cardPicture(p: PublicProjectSummary): SafeHtml {
  if (p.pictureUrl) return html`<img class="card__picture" src="${p.pictureUrl}" alt="" loading="lazy" width="480" height="300">`;
  const tint = THEME_TINTS[p.theme] ?? THEME_TINTS['autre']!;
  return html`<svg class="card__picture" viewBox="0 0 480 300" aria-hidden="true" focusable="false"><rect width="480" height="300" fill="${tint}"/><circle cx="396" cy="70" r="30" fill="#fff" opacity=".8"/><path d="M0 230 Q120 150 250 215 T480 190 V300 H0Z" fill="${brand.color}" opacity=".18"/><path d="M0 260 Q160 200 300 250 T480 240 V300 H0Z" fill="${brand.color}" opacity=".28"/></svg>`;
}

export interface PageMeta {
  title: string;
  description: string;
  /** Path of the page (canonical link = public base URL + path). */
  path: string;
  baseUrl: string;
  breadcrumb?: Array<{ label: string; href?: string }>;
  /** Stylesheets and deferred scripts of the page (same origin, no inline script): the map's. */
  stylesheets?: string[];
  scripts?: string[];
}

export function layout(meta: PageMeta, main: SafeHtml): string {
  const crumbs = meta.breadcrumb?.length
    ? html`<nav class="breadcrumb" aria-label="Fil d’Ariane"><ol>${meta.breadcrumb.map((c) =>
        c.href ? html`<li><a href="${c.href}">${c.label}</a></li>` : html`<li aria-current="page">${c.label}</li>`,
      )}</ol></nav>`
    : '';
  return `<!doctype html>\n${html`<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title} — Projets publics — ${brand.siteName}</title>
<link rel="icon" type="image/svg+xml" href="${FAVICON_PATH}">
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${meta.baseUrl + meta.path}">
<link rel="alternate" type="application/json" href="${PUBLIC_API}/projects" title="API publique">
<style>${new SafeHtml(STYLE)}</style>
<style>${new SafeHtml(brandStyle(brand))}</style>
${(meta.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}
${(meta.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header">
  <div class="container site-header__inner">
    <a class="brand" href="${PORTAL}"><img class="brand__logo" src="${LOGO_PATH}" alt="" width="40" height="40"><span>${brand.siteName}<span class="brand__sub">Projets publics</span></span></a>
    <nav class="site-nav" aria-label="Menu du portail">
      <ul>
        <li><a href="${PORTAL}">Accueil</a></li>
        <li><a href="${PORTAL}/recherche">Rechercher</a></li>
        <li><a href="${PORTAL}/communes">Communes</a></li>
        <li><a href="${PORTAL}/carte">Carte</a></li>
        <li><a href="${PORTAL}/faq">Questions fréquentes</a></li>
        <li><a href="${OPEN_DATA_PAGE}">Données ouvertes</a></li>
        <li><a href="/connexion">Espace des communes</a></li>
      </ul>
    </nav>
  </div>
</header>
<main id="contenu" tabindex="-1">
  <div class="container">
    ${crumbs}
    ${main}
  </div>
</main>
<footer class="site-footer">
  <div class="container">
    <p>Projets terminés des communes ${ofArea()}, publiés avec l’accord de leur maire : seule la version approuvée est affichée.</p>
    <p><a href="${OPEN_DATA_PAGE}">Données ouvertes</a> : <a href="${PUBLIC_API}/exports/projects.csv">export CSV</a>, <a href="${PUBLIC_API}/exports/projects.geojson">export GeoJSON</a>, API sans compte. ${GEO_ATTRIBUTION}.</p>
    <nav aria-label="Informations légales"><ul class="legal-links">${LEGAL_FOOTER_LINKS.map((l) => html`<li><a href="${legalPath(l.page)}">${l.label}</a></li>`)}</ul></nav>
  </div>
</footer>
</body>
</html>`.value}\n`;
}

function card(p: PublicProjectSummary, headingLevel: 'h2' | 'h3' = 'h3'): SafeHtml {
  const title = html`<a href="${p.pageUrl}">${p.title}</a>`;
  return html`<li class="card">
  ${cardPicture(p)}
  ${headingLevel === 'h2' ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
  <p class="meta">${p.communeName} · ${p.themeLabel} · terminé en ${p.yearFinished}</p>
  <p>${truncate(p.summary, 220)}</p>
</li>`;
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')}…`);

export function filtersForm(filters: PublicFilters, communes: PublicCommune[], years: number[], action = `${PORTAL}/recherche`, submitLabel = 'Rechercher'): SafeHtml {
  const option = (value: string | number, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  // A Département asked for in the address (?departement=, issue #17): said, and kept when the form is sent again.
  const scope = filters.departement
    ? html`<p class="scope"><input type="hidden" name="departement" value="${filters.departement}">Département : ${DEPARTEMENT_NAMES.get(filters.departement) ?? ''} (${filters.departement}) seulement. <a href="${action}">Voir tous les projets</a></p>`
    : '';
  return html`<form class="filters panel" method="get" action="${action}" role="search" aria-label="Rechercher des projets">
  ${scope}
  <div><label for="f-q">Mots-clés</label><input id="f-q" name="q" type="search" maxlength="200" value="${filters.text ?? ''}"></div>
  <div><label for="f-theme">Thème</label><select id="f-theme" name="theme">${option('', 'Tous les thèmes', !filters.theme)}${PROJECT_THEMES.map((t) => option(t, THEME_LABELS[t], filters.theme === t))}</select></div>
  <div><label for="f-commune">Commune</label><select id="f-commune" name="commune">${option('', 'Toutes les communes', !filters.commune)}${communes.map((c) => option(c.codeInsee, c.name, filters.commune === c.codeInsee))}</select></div>
  <div><label for="f-annee">Année d’achèvement</label><select id="f-annee" name="annee">${option('', 'Toutes les années', filters.year === undefined)}${years.map((y) => option(y, String(y), filters.year === y))}</select></div>
  <div><label for="f-cout">Coût final</label><select id="f-cout" name="cout">${option('', 'Tous les coûts', !filters.costBand)}${COST_BANDS.map((b) => option(b, COST_BAND_LABELS[b], filters.costBand === b))}</select></div>
  <div><button type="submit">${submitLabel}</button></div>
</form>`;
}

/** Where a Département's own portal page lives (issue #17). */
export const departementPath = (code: string) => `${PORTAL}/departements/${code}`;

/**
 * The portal's home: nationally (every Département served, with a link to each one's page when there
 * are several), or one Département's page (`departement`), whose search stays within it.
 */
export function homePage(base: string, latest: PublicProjectSummary[], total: number, communes: PublicCommune[], years: number[], departement?: ServedDepartement): string {
  const of = departement ? departement.of : ofArea();
  const searchAll = departement ? `${PORTAL}/recherche?departement=${encodeURIComponent(departement.code)}` : `${PORTAL}/recherche`;
  const perDepartement = !departement && served.length > 1
    ? html`<nav aria-labelledby="par-departement"><h2 id="par-departement">Par département</h2><ul class="links">${served.map((d) => html`<li><a href="${departementPath(d.code)}">${d.name} (${d.code})</a></li>`)}</ul></nav>`
    : '';
  return layout(
    {
      title: departement ? `Projets ${departement.of}` : 'Accueil',
      description: `Projets terminés des petites communes ${of} : ce qui a été fait, combien cela a coûté, qui a financé, et leur retour d’expérience.`,
      path: departement ? departementPath(departement.code) : PORTAL,
      baseUrl: base,
      ...(departement ? { breadcrumb: [{ label: 'Accueil', href: PORTAL }, { label: departement.name }] } : {}),
    },
    html`<h1>Projets des communes ${of}</h1>
<p class="lead">Toitures d’écoles, éclairage public, voirie, salles communales… Les communes partagent leurs projets terminés et leur retour d’expérience, avec l’accord de leur maire.</p>
${perDepartement}
<h2>Rechercher</h2>
${filtersForm(departement ? { departement: departement.code } : {}, communes, years)}
<h2>Derniers projets publiés</h2>
${latest.length ? html`<ul class="cards">${latest.map((p) => card(p))}</ul>` : html`<p>Aucun projet n’est encore publié.</p>`}
${total > latest.length ? html`<p><a href="${searchAll}">Voir les ${total} projets publiés</a></p>` : ''}`,
  );
}

export function searchPage(base: string, filters: PublicFilters, items: PublicProjectSummary[], total: number, page: number, pageSize: number, communes: PublicCommune[], years: number[]): string {
  const params = (p: number) => {
    const q = new URLSearchParams();
    if (filters.text) q.set('q', filters.text);
    if (filters.theme) q.set('theme', filters.theme);
    if (filters.commune) q.set('commune', filters.commune);
    if (filters.departement) q.set('departement', filters.departement);
    if (filters.year !== undefined) q.set('annee', String(filters.year));
    if (filters.costBand) q.set('cout', filters.costBand);
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return `${PORTAL}/recherche${s ? `?${s}` : ''}`;
  };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const title = page > 1 ? `Recherche, page ${page} sur ${pages}` : 'Recherche';
  return layout(
    { title, description: `${total} projet${total > 1 ? 's' : ''} publié${total > 1 ? 's' : ''} des communes ${filters.departement ? (servedDepartement(filters.departement)?.of ?? ofArea()) : ofArea()}, par thème, commune, année et coût.`, path: params(page), baseUrl: base, breadcrumb: [{ label: 'Accueil', href: PORTAL }, { label: 'Recherche' }] },
    html`<h1>Rechercher un projet</h1>
${filtersForm(filters, communes, years)}
<h2 id="resultats">${total === 0 ? 'Aucun projet ne correspond' : `${total} projet${total > 1 ? 's' : ''} publié${total > 1 ? 's' : ''}`}${pages > 1 ? ` — page ${page} sur ${pages}` : ''}</h2>
${items.length ? html`<ul class="cards">${items.map((p) => card(p))}</ul>` : ''}
${pages > 1
  ? html`<nav class="pagination" aria-label="Pages de résultats">
${page > 1 ? html`<a href="${params(page - 1)}" rel="prev">Page précédente</a>` : ''}
<span>Page ${page} sur ${pages}</span>
${page < pages ? html`<a href="${params(page + 1)}" rel="next">Page suivante</a>` : ''}
</nav>`
  : ''}`,
  );
}

/** « d’<a>Ableiges</a> », « du <a>Plessis-Bouchard</a> »: the elision outside the link, the commune's name inside. */
function communeLink(codeInsee: string, name: string): SafeHtml {
  const full = deCommune(name);
  const linked = full.endsWith(name) ? name : full.slice(full.indexOf(' ') + 1);
  return html`${full.slice(0, full.length - linked.length)}<a href="${PORTAL}/communes/${codeInsee}">${linked}</a>`;
}

export function projectPage(base: string, p: PublicProject): string {
  const reached = new Map(p.timeline.map((s) => [s.step, s.reachedAt]));
  const funded = p.funding.reduce((sum, f) => sum + f.amountHt, 0);
  return layout(
    {
      title: `${p.title} (${p.communeName})`,
      description: truncate(`${p.communeName}, ${p.themeLabel.toLowerCase()} : ${p.summary}`, 300),
      path: p.pageUrl,
      baseUrl: base,
      breadcrumb: [{ label: 'Accueil', href: PORTAL }, { label: p.communeName, href: `${PORTAL}/communes/${p.codeInsee}` }, { label: p.title }],
    },
    html`<article>
<h1>${p.title}</h1>
<p class="meta">Commune ${communeLink(p.codeInsee, p.communeName)} · ${p.themeLabel} · terminé en ${p.yearFinished}</p>
<section class="panel" aria-labelledby="t-resume"><h2 id="t-resume">Ce qui a été fait</h2><p>${p.summary}</p></section>
<section class="panel" aria-labelledby="t-etapes"><h2 id="t-etapes">Avancement</h2>
<ol class="timeline">${STEP_ORDER.map((step) => {
      const at = reached.get(step);
      return at
        ? html`<li>${STEP_LABELS[step]} : <time datetime="${isoDay(at)}">${frDate(at)}</time></li>`
        : html`<li class="is-missing">${STEP_LABELS[step]} : non renseigné</li>`;
    })}</ol></section>
<section class="panel" aria-labelledby="t-cout"><h2 id="t-cout">Coût et financement</h2>
<dl class="facts"><dt>Coût final</dt><dd>${p.finalCostHt === null ? 'non communiqué' : `${euros(p.finalCostHt)} HT`}</dd></dl>
${p.funding.length
  ? html`<table><caption class="meta">Financements obtenus (montants HT)</caption><thead><tr><th scope="col">Financeur</th><th scope="col" class="num">Montant</th></tr></thead><tbody>
${p.funding.map((f) => html`<tr><td>${f.source}</td><td class="num">${euros(f.amountHt)}</td></tr>`)}
${p.finalCostHt !== null ? html`<tr><td>Autofinancement de la commune</td><td class="num">${euros(Math.max(0, p.finalCostHt - funded))}</td></tr>` : ''}
</tbody></table>`
  : html`<p>Aucun financement n’est publié.</p>`}
</section>
${p.lessonsLearned ? html`<section class="panel" aria-labelledby="t-rex"><h2 id="t-rex">Retour d’expérience</h2><p>${p.lessonsLearned}</p></section>` : ''}
${p.documents.some((d) => d.mediaType.startsWith('image/'))
  ? html`<section class="panel" aria-labelledby="t-pictures"><h2 id="t-pictures">En images</h2><div class="pictures">${p.documents
      .filter((d) => d.mediaType.startsWith('image/'))
      .map((d) => html`<figure><img src="${d.downloadUrl}" alt="${d.title}" loading="lazy"><figcaption>${d.title}</figcaption></figure>`)}</div></section>`
  : ''}
${p.documents.length
  ? html`<section class="panel" aria-labelledby="t-docs"><h2 id="t-docs">Documents</h2><ul>${p.documents.map(
      (d) => html`<li><a href="${d.downloadUrl}" download>${d.title}</a> <span class="meta">(${d.fileName}, ${fileSize(d.size)})</span></li>`,
    )}</ul></section>`
  : ''}
<p class="meta">Version ${p.version} approuvée par le maire le <time datetime="${isoDay(p.publishedAt)}">${frDate(p.publishedAt)}</time>${p.fingerprint ? html` · empreinte <code>${shortFingerprint(p.fingerprint)}</code>` : '.'} <a href="${PUBLIC_API}/projects/${p.id}">Données de cette fiche (JSON)</a></p>
</article>`,
  );
}

export function communePage(base: string, commune: { codeInsee: string; name: string; population: number | null }, items: PublicProjectSummary[], map: { d: string; width: number; height: number } | null): string {
  return layout(
    {
      title: `Projets ${deCommune(commune.name)}`,
      description: `${items.length} projet${items.length > 1 ? 's' : ''} publié${items.length > 1 ? 's' : ''} par la commune ${deCommune(commune.name)} (${DEPARTEMENT_NAMES.get(departementOfCommune(commune.codeInsee)) ?? ''}, code INSEE ${commune.codeInsee}).`,
      path: `${PORTAL}/communes/${commune.codeInsee}`,
      baseUrl: base,
      breadcrumb: [{ label: 'Accueil', href: PORTAL }, { label: 'Communes', href: `${PORTAL}/communes` }, { label: commune.name }],
    },
    html`<h1>${commune.name}</h1>
<p class="meta">Code INSEE ${commune.codeInsee}${commune.population ? ` · ${commune.population.toLocaleString('fr-FR')} habitants` : ''}</p>
${map
  ? html`<figure><svg class="commune-map" role="img" aria-labelledby="map-title" viewBox="-4 -4 ${map.width + 8} ${map.height + 8}" width="${map.width + 8}" height="${map.height + 8}"><title id="map-title">Contour de la commune ${deCommune(commune.name)}</title><path d="${map.d}"/></svg><figcaption class="meta">${GEO_ATTRIBUTION}</figcaption></figure>`
  : ''}
<h2>Projets publiés</h2>
${items.length ? html`<ul class="cards">${items.map((p) => card(p))}</ul>` : html`<p>Cette commune n’a pas encore publié de projet.</p>`}`,
  );
}

export function communesPage(base: string, communes: PublicCommune[]): string {
  return layout(
    { title: 'Communes', description: `Les communes ${ofArea()} qui ont publié des projets.`, path: `${PORTAL}/communes`, baseUrl: base, breadcrumb: [{ label: 'Accueil', href: PORTAL }, { label: 'Communes' }] },
    html`<h1>Communes qui publient leurs projets</h1>
${communes.length
  ? html`<ul>${communes.map((c) => html`<li><a href="${c.pageUrl}">${c.name}</a> — ${c.publishedProjects} projet${c.publishedProjects > 1 ? 's' : ''}</li>`)}</ul>`
  : html`<p>Aucune commune n’a encore publié de projet.</p>`}`,
  );
}

export function notFoundPage(base: string, path: string): string {
  return messagePage(base, path, 'Page introuvable', 'Cette page n’existe pas, ou ce projet n’est pas (ou plus) publié.');
}

/** What the portal says to a visitor of the errors it knows; any other keeps the problem's own French title. */
const ERROR_PAGES: Record<number, { title: string; text: string }> = {
  400: { title: 'Adresse invalide', text: 'Cette adresse n’est pas valide : elle contient des caractères qui ne peuvent pas y figurer. Vérifiez-la, ou repartez de l’accueil.' },
  405: { title: 'Action impossible sur cette page', text: 'Cette page se consulte seulement : elle ne reçoit pas de formulaire.' },
};

/** A portal page for an error that happened before any page was rendered (ProblemFilter): its status, in plain French. */
export function errorPage(base: string, path: string, problem: { status: number; title: string; detail?: string }): string {
  if (problem.status === 404) return notFoundPage(base, path);
  const known = ERROR_PAGES[problem.status];
  return known ? messagePage(base, path, known.title, known.text) : messagePage(base, path, problem.title, problem.detail ?? 'Réessayez dans un instant.');
}

function messagePage(base: string, path: string, title: string, text: string): string {
  return layout({ title, description: text, path, baseUrl: base }, html`<h1>${title}</h1><p>${text}</p><p><a href="${PORTAL}">Retour à l’accueil du portail</a></p>`);
}

/** Address of a legal page on the portal. */
export const legalPath = (page: LegalPageSlug): string => `${PORTAL}/${page}`;

function inline(part: LegalInline): SafeHtml {
  if (typeof part === 'string') return html`${part}`;
  return 'page' in part ? html`<a href="${legalPath(part.page)}">${part.text}</a>` : html`<a href="${part.href}">${part.text}</a>`;
}

function block(b: LegalBlock): SafeHtml {
  return 'paragraph' in b ? html`<p>${b.paragraph.map(inline)}</p>` : html`<ul>${b.list.map((item) => html`<li>${item.map(inline)}</li>`)}</ul>`;
}

/** A legal page (accessibility statement, personal data, legal notice), from the text shared with the web app. */
export function legalPage(base: string, page: LegalPage): string {
  return layout(
    { title: page.title, description: page.description, path: legalPath(page.slug), baseUrl: base, breadcrumb: [{ label: 'Accueil', href: PORTAL }, { label: page.title }] },
    html`<article class="legal">
<h1>${page.title}</h1>
<p class="lead">${page.lead}</p>
${page.sections.map((s) => html`<section class="panel"><h2>${s.heading}</h2>${s.blocks.map(block)}</section>`)}
</article>`,
  );
}

export function sitemapXml(base: string, projects: PublicProjectSummary[], communes: PublicCommune[], extra: Array<{ loc: string; lastmod?: string }> = []): string {
  const url = (loc: string, lastmod?: string) => `<url><loc>${esc(base + loc)}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(PORTAL),
    url(`${PORTAL}/communes`),
    url(OPEN_DATA_PAGE),
    // Each Département's page, when the instance serves several (issue #17).
    ...(served.length > 1 ? served.map((d) => url(departementPath(d.code))) : []),
    ...LEGAL_SLUGS.map((slug) => url(legalPath(slug))),
    ...communes.map((c) => url(c.pageUrl)),
    ...projects.map((p) => url(p.pageUrl, p.publishedAt)),
    ...extra.map((u) => url(u.loc, u.lastmod)),
    '</urlset>',
    '',
  ].join('\n');
}

export function robotsTxt(base: string): string {
  // Only the public portal is for search engines; the app and the API are not.
  return `User-agent: *\nAllow: ${PORTAL}\nDisallow: /api/\nDisallow: /projets/\nDisallow: /connexion\nSitemap: ${base}/sitemap.xml\n`;
}
