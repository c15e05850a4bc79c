import { foldForSearch } from './search-text.js';

/*
 * The French analyser of the search index: the same function turns indexed text and a person's
 * query into terms, so « écoles » finds « École » and « financements » finds « financement » on
 * every engine. Words are folded (case, accents), short function words dropped, and each word
 * reduced by a deliberately light stemmer: plurals and a few common derivational endings only.
 * A wrong conflation (two unrelated words sharing a stem) costs more trust than a missed one.
 */

/** Function words that carry no meaning in a search, already folded. */
const STOP_WORDS = new Set(
  (
    'au aux avec ce ces cet cette dans de des du elle en et il ils je la le les leur leurs lui ma mais me mes moi mon ' +
    'ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous ' +
    'est sont ete etre avoir a y ni si plus tres'
  ).split(' '),
);

/** Derivational endings removed when enough of the word is left (longest first). */
const SUFFIXES: Array<{ ending: string; minStem: number }> = [
  { ending: 'atrice', minStem: 3 },
  { ending: 'ateur', minStem: 3 },
  { ending: 'ation', minStem: 3 },
  { ending: 'ement', minStem: 4 },
  { ending: 'age', minStem: 5 },
  { ending: 'ee', minStem: 3 },
  { ending: 'er', minStem: 3 },
  { ending: 'e', minStem: 3 },
];

/** Reduces one folded word (lowercase, no accents) to its stem. */
export function stemFrench(word: string): string {
  let w = word;
  if (/^\d+$/.test(w)) return w;
  // Plurals: « eaux » → « eau », « -aux » → « -al » (locaux → local), « -x » after au/eu/ou, then « -s ».
  if (w.length > 4 && w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.length > 4 && w.endsWith('aux')) w = `${w.slice(0, -3)}al`;
  else if (w.length > 3 && /(au|eu|ou)x$/.test(w)) w = w.slice(0, -1);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  for (const { ending, minStem } of SUFFIXES) {
    if (w.endsWith(ending) && w.length - ending.length >= minStem) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  return w;
}

/** A word of the original text, where it is, and its term (null for a function word). */
export interface AnalysedToken {
  start: number;
  end: number;
  term: string | null;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text with their positions and terms: what highlighting needs. */
export function tokenizeFrench(text: string): AnalysedToken[] {
  const out: AnalysedToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldForSearch(match[0]).replace(/[^a-z0-9]/g, '');
    const term = folded.length < 2 || STOP_WORDS.has(folded) ? null : stemFrench(folded);
    out.push({ start: match.index!, end: match.index! + match[0].length, term });
  }
  return out;
}

/** The terms of a text, in order, repeated words kept (their count is the term frequency). */
export function analyseFrench(text: string): string[] {
  return tokenizeFrench(text)
    .map((t) => t.term)
    .filter((t): t is string => t !== null);
}

/** The distinct terms of a query. */
export function analyseQuery(text: string): string[] {
  return [...new Set(analyseFrench(text))];
}

/** A piece of an excerpt; `match` is true for a word the query found. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

/**
 * An excerpt of `text` around the first word matching one of `terms` (at most about `maxLength`
 * characters), cut into parts so that a page can wrap the matches in `<mark>` without HTML in data.
 */
export function excerptOf(text: string, terms: readonly string[], maxLength = 180): ExcerptPart[] {
  const wanted = new Set(terms);
  const tokens = tokenizeFrench(text);
  const first = tokens.find((t) => t.term !== null && wanted.has(t.term));
  let from = 0;
  let to = text.length;
  if (text.length > maxLength) {
    const anchor = first?.start ?? 0;
    from = Math.max(0, anchor - Math.floor(maxLength / 3));
    to = Math.min(text.length, from + maxLength);
    from = Math.max(0, to - maxLength);
    // Cut between words, never inside one.
    const startToken = tokens.find((t) => t.end > from);
    if (from > 0 && startToken && startToken.start < from) from = startToken.end;
    const endToken = [...tokens].reverse().find((t) => t.start < to);
    if (to < text.length && endToken && endToken.end > to) to = endToken.start;
  }
  const parts: ExcerptPart[] = [];
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match && !match) last.text += s;
    else parts.push({ text: s, match });
  };
  if (from > 0) push('… ', false);
  let cursor = from;
  for (const t of tokens) {
    if (t.start < from || t.end > to) continue;
    if (t.term !== null && wanted.has(t.term)) {
      push(text.slice(cursor, t.start), false);
      push(text.slice(t.start, t.end), true);
      cursor = t.end;
    }
  }
  push(text.slice(cursor, to).replace(/\s+$/, to < text.length ? '' : '$&'), false);
  if (to < text.length) push(' …', false);
  return parts;
}
