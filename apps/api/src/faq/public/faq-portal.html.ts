import { answerParts, CATEGORY_LABELS } from '@carnet/contracts';
import { html, frDate, isoDay } from '../../public/portal/html.js';
import { layout, ofServingDepartements } from '../../public/portal/portal.html.js';
import { PORTAL } from '../../public/public-catalog.js';
import type { PublicFaqEntry } from './public-faq.js';

/** The portal's FAQ pages (server-rendered, no JavaScript): the public entries only. */

export const FAQ_PORTAL = `${PORTAL}/faq`;

const answer = (text: string) =>
  html`<div class="faq-answer">${text.split(/\n{2,}/).map((p) => html`<p>${answerParts(p).map((part) => (part.href ? html`<a href="${part.href}">${part.text}</a>` : html`${part.text}`))}</p>`)}</div>`;

export function faqListPage(base: string, entries: PublicFaqEntry[], q: string, category: string): string {
  const byCategory = new Map<string, PublicFaqEntry[]>();
  for (const e of entries) byCategory.set(e.categoryLabel, [...(byCategory.get(e.categoryLabel) ?? []), e]);
  const found = q || category ? html`<p role="status">${entries.length === 0 ? 'Aucune réponse ne correspond à cette recherche.' : entries.length === 1 ? '1 réponse trouvée.' : `${entries.length} réponses trouvées.`}</p>` : '';
  return layout(
    {
      title: 'Questions fréquentes',
      description: `Les réponses ${ofServingDepartements()} aux questions que les communes se posent sur leurs projets : subventions, marchés publics, démarches.`,
      path: FAQ_PORTAL,
      baseUrl: base,
      breadcrumb: [{ label: 'Accueil', href: PORTAL }, { label: 'Questions fréquentes' }],
    },
    html`<h1>Questions fréquentes des communes</h1>
<p class="lead">Les réponses du Département aux questions que les communes se posent sur leurs projets.</p>
<form class="filters panel" method="get" action="${FAQ_PORTAL}" role="search">
  <div><label for="faq-q">Rechercher</label><input id="faq-q" name="q" type="search" value="${q}" autocomplete="off"></div>
  <div><label for="faq-category">Catégorie</label><select id="faq-category" name="categorie"><option value="">Toutes</option>${Object.entries(CATEGORY_LABELS).map(
    ([code, label]) => html`<option value="${code}"${category === code ? html` selected` : ''}>${label}</option>`,
  )}</select></div>
  <div><button type="submit">Rechercher</button></div>
</form>
${found}
${[...byCategory.entries()].map(
  ([label, list]) => html`<section class="panel"><h2>${label}</h2><ul class="faq-list">${list.map(
    (e) => html`<li><a href="${e.pageUrl}">${e.question}</a></li>`,
  )}</ul></section>`,
)}`,
  );
}

export function faqEntryPage(base: string, e: PublicFaqEntry): string {
  return layout(
    {
      title: e.question,
      description: e.answer.slice(0, 160),
      path: e.pageUrl,
      baseUrl: base,
      breadcrumb: [{ label: 'Accueil', href: PORTAL }, { label: 'Questions fréquentes', href: FAQ_PORTAL }, { label: e.question }],
    },
    html`<article class="panel">
<h1>${e.question}</h1>
<p class="meta">${e.categoryLabel} · vérifiée le <time datetime="${isoDay(e.verifiedAt)}">${frDate(e.verifiedAt)}</time></p>
${answer(e.answer)}
</article>
<p><a href="${FAQ_PORTAL}">Toutes les questions fréquentes</a></p>`,
  );
}
