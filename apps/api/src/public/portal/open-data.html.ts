import type { Problem } from '@carnet/contracts';
import type { OpenAPIObject } from '@nestjs/swagger';
import { GEO_ATTRIBUTION } from '../commune-geo.js';
import { OPEN_DATA_PAGE, PORTAL, PUBLIC_API } from '../public-catalog.js';
import { html, type SafeHtml } from './html.js';
import { layout, ofArea } from './portal.html.js';

/*
 * « Données ouvertes »: the portal's page for open-data reusers, in plain French, rendered on the server (no
 * JavaScript). Its list of addresses is read from the public-only OpenAPI document, so that it cannot drift from
 * what the API really offers.
 */

/** What the page says besides the document: the figures of the day, the configuration, examples taken from the data. */
export interface OpenDataFacts {
  /** The OpenAPI document of the public API (its operations only). */
  document: OpenAPIObject;
  publishedProjects: number;
  communes: number;
  /** Values for the examples' path parameters: a published project, one of its public documents, a public FAQ entry. */
  examples: { projectId?: string; documentId?: string; faqId?: string };
  rateLimitPerMinute: number;
  cacheSeconds: number;
  contactEmail: string;
  /** The problem the API answers to an impossible date (computed by the API's own parser). */
  problemExample: Problem;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: { enum?: unknown[]; example?: unknown; type?: string };
}

interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

export interface PublicOperation {
  verb: string;
  path: string;
  op: Operation;
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document, in its order. */
export function publicOperations(document: OpenAPIObject): PublicOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    VERBS.filter((verb) => (item as Record<string, unknown>)[verb]).map((verb) => ({ verb, path, op: (item as Record<string, Operation>)[verb]! })),
  );
}

const WHERE: Record<string, string> = { path: 'dans l’adresse', query: 'après « ? »', header: 'en-tête HTTP' };
/** The query parameters an example shows, when the operation has them (at most two). */
const EXAMPLE_QUERY = ['theme', 'limit', 'departement'];

const anchorOf = (verb: string, path: string) => `op-${verb}-${path.replace(/^\/api\/public\/v1\/?/, '').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'racine'}`;

/** The address of the example: path parameters from the data (else left as {name}), a query parameter or two. */
function exampleUrl(base: string, { path, op }: PublicOperation, examples: OpenDataFacts['examples']): string {
  const values: Record<string, string | undefined> = path.startsWith(`${PUBLIC_API}/faq`)
    ? { id: examples.faqId }
    : { id: examples.projectId, documentId: examples.documentId };
  const filled = path.replace(/\{([^}]+)\}/g, (whole, name: string) => values[name] ?? whole);
  const query = new URLSearchParams();
  for (const name of EXAMPLE_QUERY) {
    const p = (op.parameters ?? []).find((q) => q.in === 'query' && q.name === name);
    const value = name === 'limit' ? (p ? '5' : undefined) : (p?.example ?? p?.schema?.example ?? p?.schema?.enum?.[0]);
    if (p && value !== undefined && query.size < 2) query.set(name, String(value));
  }
  return `${base}${filled}${query.size ? `?${query}` : ''}`;
}

/** The curl command of the example: JSON shown, a CSV or GeoJSON export saved to a file, a document under its own name. */
function curlOf(url: string, op: Operation): string {
  const types = Object.keys(op.responses['200']?.content ?? {});
  const quoted = `'${url}'`;
  if (types.includes('text/csv')) return `curl -s -o projets-publies.csv ${quoted}`;
  if (types.includes('application/geo+json')) return `curl -s -o projets-publies.geojson ${quoted}`;
  if (types.length && !types.some((t) => t.endsWith('json'))) return `curl -s -O -J ${quoted}`;
  return `curl -s ${quoted}`;
}

function parameterItem(p: Parameter): SafeHtml {
  const values = p.schema?.enum?.filter((v) => v !== null && v !== '');
  const example = p.example ?? p.schema?.example;
  const description = p.description?.trim().replace(/\.$/, '');
  return html`<li><code>${p.name}</code> <span class="meta">(${WHERE[p.in] ?? p.in}, ${p.required ? 'obligatoire' : 'facultatif'})</span>${description ? html` : ${description}` : ''}${
    values?.length ? html`. Valeurs : ${values.map((v, i) => html`${i ? ', ' : ''}<code>${String(v)}</code>`)}` : ''
  }${example !== undefined && !values?.length ? html`. Exemple : <code>${String(example)}</code>` : ''}.</li>`;
}

function operationSection(base: string, o: PublicOperation, examples: OpenDataFacts['examples']): SafeHtml {
  const id = anchorOf(o.verb, o.path);
  const url = exampleUrl(base, o, examples);
  const parameters = o.op.parameters ?? [];
  return html`<section class="panel operation" aria-labelledby="${id}">
<h3 id="${id}"><code>${o.verb.toUpperCase()} ${o.path}</code></h3>
${o.op.summary ? html`<p>${o.op.summary}</p>` : ''}
${o.op.description ? html`<p>${o.op.description}</p>` : ''}
<h4>Paramètres</h4>
${parameters.length ? html`<ul class="params">${parameters.map(parameterItem)}</ul>` : html`<p>Aucun.</p>`}
<h4>Réponses</h4>
<ul class="params">${Object.entries(o.op.responses).map(
    ([status, r]) => html`<li><code>${status}</code> : ${r.description || (status.startsWith('2') ? 'Succès' : '')}${r.content ? html` <span class="meta">(${Object.keys(r.content).length > 3 ? 'le type du fichier' : Object.keys(r.content).join(', ')})</span>` : ''}</li>`,
  )}</ul>
<h4>Exemple</h4>
<pre><code>${curlOf(url, o.op)}</code></pre>
${o.verb === 'get' && !url.includes('{') ? html`<p>Dans un navigateur : <a href="${url}">${url}</a></p>` : ''}
</section>`;
}

export function openDataPage(base: string, facts: OpenDataFacts): string {
  const operations = publicOperations(facts.document);
  const api = `${base}${PUBLIC_API}`;
  const openapiUrl = `${api}/openapi.json`;
  // The filters the CSV export takes, read from the document like the list of addresses.
  const exportFilters = (operations.find((o) => o.path === `${PUBLIC_API}/exports/projects.csv`)?.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
  const sections: Array<[string, string]> = [
    ['publie', 'Ce qui est publié, et quand'],
    ['licence', 'Licence et conditions de réutilisation'],
    ['telecharger', 'Télécharger les données'],
    ['adresses', 'Les adresses de l’API'],
    ['pages', 'Pages de résultats (curseur)'],
    ['formats', 'Formats'],
    ['cache', 'Cache : ETag et réponse 304'],
    ['limite', 'Limite de requêtes'],
    ['erreurs', 'Erreurs'],
    ['changements', 'Suivre les changements'],
    ['openapi', 'Description OpenAPI'],
  ];
  return layout(
    {
      title: 'Données ouvertes',
      description: `Réutiliser les projets publiés des communes ${ofArea()} : ce qui est publié, licence, API sans compte, exports CSV et GeoJSON, flux des changements.`,
      path: OPEN_DATA_PAGE,
      baseUrl: base,
      breadcrumb: [{ label: 'Accueil', href: PORTAL }, { label: 'Données ouvertes' }],
    },
    html`<article class="open-data">
<h1>Données ouvertes</h1>
<p class="lead">Les projets terminés que les communes ${ofArea()} publient avec l’accord de leur maire peuvent être repris par programme : sans compte, sans clé, sans cookie. Cette page dit ce qui est publié, à quelles conditions, et comment l’obtenir.</p>
<p>À ce jour : ${plural(facts.publishedProjects, 'projet publié', 'projets publiés')} par ${plural(facts.communes, 'commune', 'communes')}.</p>
<nav class="panel" aria-labelledby="sommaire"><h2 id="sommaire">Sur cette page</h2><ul>${sections.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ul></nav>

<section aria-labelledby="publie"><h2 id="publie">Ce qui est publié, et quand</h2>
<ul>
<li>Seule la version d’un projet que son maire a approuvée est publiée : ce qui a été fait, le coût final, les financements obtenus, les étapes datées, le retour d’expérience, les documents rendus publics et, s’il a été approuvé avec elle, l’emplacement précis du projet.</li>
<li>Un projet apparaît quand son maire approuve sa publication. Une demande de publication, ou une correction du Département, n’est montrée qu’après l’accord du maire : jusque-là, seule la version approuvée précédente, s’il y en a une, reste visible.</li>
<li>Le maire peut retirer la publication : le projet disparaît de l’API et des exports, et le flux des changements l’annonce.</li>
<li>Ne sont jamais publiés : les projets en cours, les questions posées au Département et leurs échanges, les notes internes, les documents qui ne sont pas rendus publics, les comptes des personnes qui utilisent le Carnet.</li>
<li>Les questions fréquentes que le Département publie pour tout public sont disponibles aussi (adresses <code>/faq</code> ci-dessous).</li>
</ul>
</section>

<section aria-labelledby="licence"><h2 id="licence">Licence et conditions de réutilisation</h2>
<p><strong>Aucune licence de réutilisation n’est encore indiquée pour le contenu des fiches publiées</strong> (textes, montants, documents). Avant de les rediffuser, demandez les conditions au Département : <a href="mailto:${facts.contactEmail}">${facts.contactEmail}</a>. Le titre d’un document peut indiquer sa propre licence.</p>
<p>Les contours des communes, qui placent les projets sans point précis, viennent de l’IGN et de l’INSEE : ${GEO_ATTRIBUTION}.</p>
<p>Le logiciel Carnet de projets est sous licence EUPL 1.2 : cette licence porte sur son code, pas sur les données.</p>
</section>

<section aria-labelledby="telecharger"><h2 id="telecharger">Télécharger les données</h2>
<ul>
<li><a href="${PUBLIC_API}/exports/projects.csv">Tous les projets publiés, en tableur (CSV)</a></li>
<li><a href="${PUBLIC_API}/exports/projects.geojson">Tous les projets publiés, sur une carte (GeoJSON)</a></li>
<li><a href="${PUBLIC_API}/projects">Les projets publiés, en JSON (première page)</a></li>
<li><a href="${PUBLIC_API}/communes">Les communes qui publient, en JSON</a></li>
</ul>
${exportFilters.length ? html`<p>Les exports acceptent les filtres de la liste : ${exportFilters.map((name, i) => html`${i ? ', ' : ''}<code>${name}</code>`)} (détails ci-dessous).</p>` : ''}
</section>

<section aria-labelledby="adresses"><h2 id="adresses">Les adresses de l’API</h2>
<p>Toutes commencent par <code>${api}</code>, se lisent avec GET (ou HEAD), sans authentification, et depuis n’importe quel site : elles envoient l’en-tête <code>Access-Control-Allow-Origin: *</code>. Cette liste de ${operations.length} adresses est tirée de la <a href="${PUBLIC_API}/openapi.json">description OpenAPI</a> de l’API : elle suit ses évolutions.</p>
${operations.map((o) => operationSection(base, o, facts.examples))}
</section>

<section aria-labelledby="pages"><h2 id="pages">Pages de résultats (curseur)</h2>
<p>La liste des projets répond par pages : <code>limit</code> en fixe la taille (1 à 100, 20 par défaut). Chaque réponse donne <code>next</code>, un curseur à renvoyer tel quel dans <code>?cursor=</code> pour la page suivante ; <code>next</code> vaut <code>null</code> sur la dernière page. Le curseur est opaque : ne le construisez pas, un curseur inventé est refusé (400). Les filtres se gardent d’une page à l’autre.</p>
<pre><code>curl -s '${api}/projects?limit=20'
curl -s '${api}/projects?limit=20&amp;cursor=…valeur de next…'</code></pre>
</section>

<section aria-labelledby="formats"><h2 id="formats">Formats</h2>
<ul>
<li><strong>JSON</strong> (UTF-8) : la liste, chaque fiche, les communes, le flux des changements, les questions fréquentes.</li>
<li><strong>CSV</strong> (RFC 4180) : UTF-8 avec BOM, séparateur « ; », virgule décimale, une ligne par projet — il s’ouvre tel quel dans un tableur en français.</li>
<li><strong>GeoJSON</strong> (RFC 7946) : un point par projet, en WGS 84 <code>[longitude, latitude]</code> ; le point approuvé par le maire, sinon le centre de sa commune (la propriété <code>precise</code> dit lequel).</li>
<li>Les documents publics se téléchargent dans leur propre format (PDF, image, bureautique).</li>
</ul>
</section>

<section aria-labelledby="cache"><h2 id="cache">Cache : ETag et réponse 304</h2>
<p>Chaque réponse réussie porte un <code>ETag</code> et <code>Cache-Control: public, max-age=${facts.cacheSeconds}</code>. Renvoyez l’ETag reçu dans l’en-tête <code>If-None-Match</code> : si rien n’a changé, la réponse est <code>304</code>, sans contenu : rien à télécharger de nouveau.</p>
<pre><code>curl -s -i '${api}/projects' | grep -i '^etag'
curl -s -i -H 'If-None-Match: …ETag reçu, guillemets compris…' '${api}/projects'</code></pre>
</section>

<section aria-labelledby="limite"><h2 id="limite">Limite de requêtes</h2>
${facts.rateLimitPerMinute > 0
  ? html`<p>Chaque adresse IP peut envoyer jusqu’à ${facts.rateLimitPerMinute} requêtes par minute à l’API, d’un coup ou réparties. Au-delà, le serveur peut répondre <code>429</code> (« Trop de requêtes ») avec l’en-tête <code>Retry-After</code> : le nombre de secondes à attendre avant de réessayer. Les autres adresses ne sont pas touchées.</p>`
  : html`<p>Ce serveur ne limite pas le nombre de requêtes. Restez mesuré : pour suivre les changements, une requête par minute suffit.</p>`}
</section>

<section aria-labelledby="erreurs"><h2 id="erreurs">Erreurs</h2>
<p>Une erreur est décrite en JSON au format <code>application/problem+json</code> (RFC 9457), en français : <code>status</code>, <code>title</code>, <code>detail</code> et, pour un paramètre invalide, <code>errors</code> avec un message par paramètre. Un filtre invalide, un filtre donné deux fois, un curseur inventé ou une date qui n’existe pas répondent <code>400</code> ; un projet, un document ou une question non publiés, <code>404</code> ; une méthode d’écriture (POST, PUT, DELETE…), <code>405</code>. Par exemple, <code>${PUBLIC_API}/projects?updatedSince=2026-02-30</code> répond :</p>
<pre><code>${JSON.stringify(facts.problemExample, null, 2)}</code></pre>
</section>

<section aria-labelledby="changements"><h2 id="changements">Suivre les changements</h2>
<p>Pour garder une copie à jour, lisez tout une fois, puis suivez le flux des changements :</p>
<pre><code>curl -s '${api}/changes'
curl -s '${api}/changes?after=…valeur de next…'</code></pre>
<p>Chaque entrée donne <code>position</code>, <code>kind</code>, <code>projectId</code>, <code>version</code>, <code>at</code> et <code>projectUrl</code>, dans l’ordre où les changements ont eu lieu. Pour <code>published</code> et <code>updated</code>, relisez <code>projectUrl</code> (<code>null</code> si le projet a été retiré depuis) et remplacez votre copie ; pour <code>withdrawn</code>, effacez-la. Gardez <code>next</code> après avoir appliqué une page et redemandez avec lui, par exemple toutes les minutes ; quand rien n’a changé, <code>items</code> est vide et <code>next</code> est le curseur envoyé. Seuls les changements visibles du public y figurent : une demande en attente de l’accord du maire n’y apparaît jamais. <code>?departement=95</code> garde les projets d’un département.</p>
</section>

<section aria-labelledby="openapi"><h2 id="openapi">Description OpenAPI</h2>
<p>La description OpenAPI 3 de cette API, limitée à ses adresses publiques, se lit à <a href="${PUBLIC_API}/openapi.json">${openapiUrl}</a>, depuis n’importe quel site : elle se charge dans les outils qui lisent ce format (éditeurs, générateurs de clients, tests).</p>
<p>Pour les développeurs, la documentation complète de la plateforme, y compris ses parties réservées aux comptes, est à <a href="/api/docs">/api/docs</a> (interface en anglais, qui demande JavaScript).</p>
</section>
</article>`,
  );
}
