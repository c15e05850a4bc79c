import { CATEGORY_LABELS } from '@carnet/contracts';
import { QUESTION_CATEGORIES, type QuestionCategory } from '@carnet/domain';
import { analyseQuery, type ReadModelSet } from '@carnet/read-store';
import { PORTAL, PUBLIC_API } from '../../public/public-catalog.js';
import type { FaqEntryDoc } from '../projections/faq-entry.projection.js';

/** A public FAQ entry as the portal and the open API show it: nothing of the projects it came from. */
export interface PublicFaqEntry {
  id: string;
  question: string;
  answer: string;
  category: QuestionCategory;
  categoryLabel: string;
  keywords: string[];
  /** The Département whose answer it is (95, 78…): answers about its own aids and services. */
  departement: string;
  /** Last revision, publication or check (ISO-8601). */
  verifiedAt: string;
  pageUrl: string;
  apiUrl: string;
}

/** The instance's home Département: the one of entries older than the field (set at start-up, issue #17). */
let home = '95';
export function usePublicFaqHome(departement: string): void {
  home = departement;
}

/** The condition that keeps one Département's entries (those without one are the home Département's). */
const ofDepartement = (code: string | undefined): Record<string, string | Array<string | null>> => (code ? { departement: code === home ? [code, null] : code } : {});

const toPublic = (d: FaqEntryDoc): PublicFaqEntry => ({
  id: d.entryId,
  question: d.question,
  answer: d.answer,
  category: d.category,
  categoryLabel: CATEGORY_LABELS[d.category],
  keywords: d.keywords,
  departement: d.departement ?? home,
  verifiedAt: d.verifiedAt,
  pageUrl: `${PORTAL}/faq/${d.entryId}`,
  apiUrl: `${PUBLIC_API}/faq/${d.entryId}`,
});

const PUBLIC: Record<string, string> = { status: 'published', audience: 'public' };

/** Published public entries, searched in French when `q` is given (by usefulness, then relevance). */
export async function publicFaqEntries(set: ReadModelSet, q: string, category: QuestionCategory | null, departement?: string): Promise<PublicFaqEntry[]> {
  const where = { ...PUBLIC, ...(category ? { category } : {}), ...ofDepartement(departement) };
  const terms = q ? analyseQuery(q) : [];
  if (terms.length === 0) {
    const docs = await set.find<FaqEntryDoc>('faq_entries', { where });
    return docs.sort((a, b) => QUESTION_CATEGORIES.indexOf(a.category) - QUESTION_CATEGORIES.indexOf(b.category) || a.question.localeCompare(b.question, 'fr')).map(toPublic);
  }
  const page = await set.search<FaqEntryDoc>('faq_entries', { field: 'terms', terms, where, limit: 200 });
  return page.hits.sort((a, b) => b.doc.usefulCount - a.doc.usefulCount || b.score - a.score).map((h) => toPublic(h.doc));
}

export async function publicFaqEntry(set: ReadModelSet, id: string): Promise<PublicFaqEntry | null> {
  const doc = await set.get<FaqEntryDoc>('faq_entries', id);
  return doc && doc.status === 'published' && doc.audience === 'public' ? toPublic(doc) : null;
}

/** Addresses of the FAQ pages for /sitemap.xml. */
export async function publicFaqSitemap(set: ReadModelSet): Promise<Array<{ loc: string; lastmod?: string }>> {
  const docs = await set.find<FaqEntryDoc>('faq_entries', { where: PUBLIC });
  return [{ loc: `${PORTAL}/faq` }, ...docs.map((d) => ({ loc: `${PORTAL}/faq/${d.entryId}`, lastmod: d.verifiedAt }))];
}
