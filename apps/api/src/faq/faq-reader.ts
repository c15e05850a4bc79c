import { Inject, Injectable } from '@nestjs/common';
import {
  CATEGORY_LABELS,
  FAQ_STATUS_LABELS,
  TEAM_LABELS,
  type FaqEntryList,
  type FaqEntryView,
  type FaqMonthUsage,
  type FaqStats,
  type FaqSuggestion,
} from '@carnet/contracts';
import { FAQ_REVIEW_AFTER_DAYS, isCommuneRole, isDepartementRole, maySeeFaqEntry, type Actor, type DepartementTeam, type FaqStatus, type QuestionCategory } from '@carnet/domain';
import { analyseQuery, excerptOf, type Condition, type ReadModelSet, type Scalar } from '@carnet/read-store';
import { CommuneCatalog } from '../communes/commune-catalog.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ReadModels } from '../shared/read-models.js';
import { departementOfActor } from '../shared/actor-of.js';
import type { FaqEntryDoc } from './projections/faq-entry.projection.js';
import type { FaqSourceDoc } from './projections/faq-source.projection.js';
import type { FaqUsageMonthDoc } from './projections/faq-usage.projection.js';

/** Staff and auditors read every entry and its figures; everybody else published entries only. */
export const isFaqStaff = (actor: Actor | null): boolean => !!actor && (isDepartementRole(actor.role) || actor.role === 'auditor');

export interface FaqListFilter {
  q?: string;
  category?: QuestionCategory;
  /** Staff: any status; a commune member: `proposed`/`declined` for their commune's proposals. */
  status?: FaqStatus;
  /** A visitor's choice of one Département's FAQ (people read their own). */
  departement?: string;
  team?: DepartementTeam;
  limit: number;
  offset: number;
  minPosition?: number;
}

/** How many hits of a search are ranked by usefulness (a FAQ holds hundreds of entries, not millions). */
const RANKED_HITS = 200;
const DAY = 86_400_000;
/** Excerpts read as one line: paragraphs of the answer joined. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');
const MONTH_LABEL = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The FAQ's reads: read models only (faq_entries, faq_sources, faq_usage_months). */
@Injectable()
export class FaqReader {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The Département whose FAQ an entry is: its own, or the home one for an entry older than that field (issue #17). */
  departementOf(doc: Pick<FaqEntryDoc, 'departement'>): string {
    return doc.departement ?? this.communes.departement;
  }

  /** The entry as the access rule reads it, its Département resolved. */
  private seen(actor: Actor | null, doc: FaqEntryDoc): boolean {
    return maySeeFaqEntry(actor, { ...doc, departement: this.departementOf(doc) });
  }

  /**
   * The condition on the Département a person reads the FAQ of: their own (the entries of the home
   * one without a Département included); a visitor, the one asked for, else every one.
   */
  private departementCondition(actor: Actor | null, asked?: string): Condition {
    const departement = actor ? departementOfActor(actor, this.communes.departement) : asked;
    if (!departement) return {};
    return { departement: departement === this.communes.departement ? [departement, null] : departement };
  }

  /** Conditions of the entries a person may list with a given status (null: none). */
  private scopeOf(actor: Actor | null, status: FaqStatus, departement?: string): Condition[] | null {
    const ours = this.departementCondition(actor, departement);
    if (isFaqStaff(actor)) return [{ status, ...ours }];
    if (status === 'published') return actor ? [{ status, ...ours }] : [{ status, audience: 'public', ...ours }];
    if (actor && isCommuneRole(actor.role) && actor.communeInsee && (status === 'proposed' || status === 'declined')) return [{ status, proposedBy: actor.communeInsee }];
    return null;
  }

  async list(actor: Actor | null, filter: FaqListFilter): Promise<FaqEntryList> {
    const set = await this.readModels.current(filter.minPosition);
    const scopes = this.scopeOf(actor, filter.status ?? 'published', filter.departement);
    if (!scopes) return { total: 0, items: [] };
    const where: Condition = {};
    if (filter.category) where['category'] = filter.category;
    if (filter.team) where['team'] = filter.team;
    const terms = filter.q ? analyseQuery(filter.q) : [];
    let docs: Array<{ doc: FaqEntryDoc; score: number }>;
    let total: number;
    if (terms.length > 0) {
      const page = await set.search<FaqEntryDoc>('faq_entries', { field: 'terms', terms, where, scopes, limit: RANKED_HITS });
      docs = page.hits;
      total = page.total;
    } else {
      const all = await set.find<FaqEntryDoc>('faq_entries', { where: { ...where, ...scopes[0] } as Record<string, Scalar | Scalar[]> });
      docs = all.map((doc) => ({ doc, score: 0 }));
      total = docs.length;
    }
    // Within a search, the entries people found useful come first; then relevance; then the question.
    docs.sort((a, b) => b.doc.usefulCount - a.doc.usefulCount || b.score - a.score || a.doc.question.localeCompare(b.doc.question, 'fr'));
    const pageDocs = docs.slice(filter.offset, filter.offset + filter.limit).map((h) => h.doc);
    const sources = isFaqStaff(actor) ? await this.sourcesOf(set, pageDocs) : new Map<string, string | null>();
    return {
      total,
      items: pageDocs.map((doc) => ({ ...this.view(doc, actor, sources.get(doc.entryId) ?? null), ...(terms.length ? { excerpt: excerptOf(flat(`${doc.question} — ${doc.answer}`), terms) } : {}) })),
    };
  }

  async get(entryId: string, actor: Actor | null, minPosition?: number): Promise<FaqEntryView | null> {
    const set = await this.readModels.current(minPosition);
    const doc = await set.get<FaqEntryDoc>('faq_entries', entryId);
    if (!doc || !this.seen(actor, doc)) return null;
    const sources = isFaqStaff(actor) ? await this.sourcesOf(set, [doc]) : new Map<string, string | null>();
    return this.view(doc, actor, sources.get(entryId) ?? null);
  }

  /**
   * The five published entries closest to what a person is typing: entries holding the most of
   * the typed words first (a question rarely shares every word with an entry), then relevance,
   * then usefulness.
   */
  async suggestions(actor: Actor, text: string, limit = 5): Promise<FaqSuggestion[]> {
    const terms = analyseQuery(text).slice(0, 12);
    if (terms.length === 0) return [];
    const set = await this.readModels.current();
    const found = new Map<string, { doc: FaqEntryDoc; matched: number; score: number }>();
    for (const term of terms) {
      const page = await set.search<FaqEntryDoc>('faq_entries', { field: 'terms', terms: [term], scopes: [{ status: 'published', ...this.departementCondition(actor) }], limit: 50 });
      for (const { doc, score } of page.hits) {
        const seen = found.get(doc.entryId) ?? { doc, matched: 0, score: 0 };
        seen.matched++;
        seen.score += score;
        found.set(doc.entryId, seen);
      }
    }
    return [...found.values()]
      .filter(({ doc }) => this.seen(actor, doc))
      .sort((a, b) => b.matched - a.matched || b.score - a.score || b.doc.usefulCount - a.doc.usefulCount)
      .slice(0, limit)
      .map(({ doc }) => ({ id: doc.entryId, question: doc.question, answer: doc.answer, categoryLabel: CATEGORY_LABELS[doc.category], excerpt: excerptOf(flat(`${doc.question} — ${doc.answer}`), terms, 140) }));
  }

  /**
   * What a team should look at: published entries not revised nor checked for 12 months, entries
   * whose source answer changed since their last revision, and the communes' proposals.
   */
  async review(actor: Actor, teams: DepartementTeam[], minPosition?: number): Promise<{ due: FaqEntryView[]; sourceChanged: FaqEntryView[]; proposals: FaqEntryView[]; drafts: FaqEntryView[] }> {
    const set = await this.readModels.current(minPosition);
    // The entries of the person's Département, of their teams.
    const mine = (d: FaqEntryDoc) => this.departementOf(d) === actor.departement && (teams.length === 0 || teams.includes(d.team));
    const [published, proposed, drafts] = await Promise.all([
      set.find<FaqEntryDoc>('faq_entries', { where: { status: 'published' } }),
      set.find<FaqEntryDoc>('faq_entries', { where: { status: 'proposed' } }),
      set.find<FaqEntryDoc>('faq_entries', { where: { status: 'draft' } }),
    ]);
    const sources = await this.sourcesOf(set, [...published, ...drafts]);
    const views = (docs: FaqEntryDoc[]) => docs.filter(mine).map((d) => this.view(d, actor, sources.get(d.entryId) ?? null));
    const byAge = (a: FaqEntryView, b: FaqEntryView) => a.verifiedAt.localeCompare(b.verifiedAt);
    return {
      due: views(published).filter((v) => v.reviewDue).sort(byAge),
      sourceChanged: views([...published, ...drafts]).filter((v) => v.sourceChangedAt !== null).sort(byAge),
      proposals: views(proposed).sort(byAge),
      drafts: views(drafts).sort(byAge),
    };
  }

  /** Entries opened, votes and questions avoided, the last 12 calendar months (UTC). */
  async stats(actor: Actor, minPosition?: number): Promise<FaqStats> {
    const set = await this.readModels.current(minPosition);
    const now = this.clock.now();
    const months: string[] = [];
    for (let i = 11; i >= 0; i--) months.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
    const [docs, publishedCount] = await Promise.all([
      set.getMany<FaqUsageMonthDoc>('faq_usage_months', months),
      set.count('faq_entries', { where: { status: 'published', ...this.departementCondition(actor) } }),
    ]);
    const rows: FaqMonthUsage[] = months.map((month) => {
      const d = docs.get(month);
      return { month, label: MONTH_LABEL.format(new Date(`${month}-01T00:00:00Z`)), opened: d?.opened ?? 0, votes: d?.votes ?? 0, avoided: d?.avoided ?? 0 };
    });
    const sum = (k: 'opened' | 'votes' | 'avoided') => rows.reduce((n, r) => n + r[k], 0);
    return { generatedAt: now.toISOString(), publishedCount, months: rows, totals: { opened: sum('opened'), votes: sum('votes'), avoided: sum('avoided') } };
  }

  /** Entry id → the latest change of a source answer after the entry's last revision (null when none). */
  private async sourcesOf(set: ReadModelSet, docs: FaqEntryDoc[]): Promise<Map<string, string | null>> {
    const questionIds = [...new Set(docs.flatMap((d) => d.sourceQuestions.map((s) => s.questionId)))];
    if (questionIds.length === 0) return new Map();
    const sources = await set.getMany<FaqSourceDoc>('faq_sources', questionIds);
    const out = new Map<string, string | null>();
    for (const doc of docs) {
      const changes: string[] = [];
      for (const s of doc.sourceQuestions) {
        const source = sources.get(s.questionId);
        const at = source?.lastAnsweredAt ?? null;
        // An answer given after the entry was made (and after its last revision) corrects the source.
        if (at && at > doc.verifiedAt && at > (source?.linkedAt[doc.entryId] ?? '')) changes.push(at);
      }
      const changed = changes.sort().pop() ?? null;
      out.set(doc.entryId, changed);
    }
    return out;
  }

  view(doc: FaqEntryDoc, actor: Actor | null, sourceChangedAt: string | null): FaqEntryView {
    const staff = isFaqStaff(actor);
    const ownProposal = !!actor && isCommuneRole(actor.role) && !!doc.proposedBy && actor.communeInsee === doc.proposedBy;
    const vote = actor ? doc.votes[actor.id] : undefined;
    return {
      id: doc.entryId,
      question: doc.question,
      answer: doc.answer,
      category: doc.category,
      categoryLabel: CATEGORY_LABELS[doc.category],
      keywords: doc.keywords,
      team: doc.team,
      teamLabel: TEAM_LABELS[doc.team],
      audience: doc.audience,
      status: doc.status,
      statusLabel: FAQ_STATUS_LABELS[doc.status],
      verifiedAt: doc.verifiedAt,
      version: doc.version,
      myVote: vote === undefined ? null : vote,
      usefulCount: staff ? doc.usefulCount : null,
      notUsefulCount: staff ? Object.values(doc.votes).filter((v) => !v).length : null,
      openedCount: staff ? doc.openedCount : null,
      sourceQuestions: staff ? doc.sourceQuestions : null,
      proposedBy: doc.proposedBy && (staff || ownProposal) ? { codeInsee: doc.proposedBy, name: this.communes.nameOf(doc.proposedBy) } : null,
      statusReason: staff || ownProposal ? doc.statusReason : null,
      sourceChangedAt: staff ? sourceChangedAt : null,
      reviewDue: staff && doc.status === 'published' && this.clock.now().getTime() - Date.parse(doc.verifiedAt) > FAQ_REVIEW_AFTER_DAYS * DAY,
    };
  }
}
