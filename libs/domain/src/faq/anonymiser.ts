/*
 * The anonymiser of a FAQ draft (issue #11): an answered question becomes a draft with the names,
 * e-mail addresses, phone numbers and the commune's name removed. The agent always reads and edits
 * the draft before publishing: this is a first pass that removes what the system knows (names of
 * accounts, contacts and communes) and what has a recognisable shape, not a guarantee.
 */

export interface AnonymiseOptions {
  /** Names of people known to the system (accounts, contacts of the directory): « Claire Martin ». */
  personNames: readonly string[];
  /** Names of communes (reference data): « Nesles-la-Vallée ». */
  communeNames: readonly string[];
}

export interface Anonymised {
  text: string;
  /** How many pieces were removed, by kind: the review screen says so. */
  removed: { names: number; emails: number; phones: number; communes: number };
}

export const PLACEHOLDERS = { name: '[nom]', email: '[adresse e-mail]', phone: '[téléphone]', commune: 'la commune' } as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// French numbers: 0X XX XX XX XX or +33 (0)X …, with spaces, dots or dashes between pairs.
const PHONE = /(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g;
// A civility followed by a capitalised word names a person even when the system does not know them.
const CIVILITY = /\b(M\.|MM\.|Mme|Mmes|Mlle|Madame|Monsieur|Maître|Dr|Docteur)(\s+)(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/gu;

const VARIANTS: Record<string, string> = {
  a: 'aàâä', c: 'cç', e: 'eéèêë', i: 'iîï', o: 'oôö', u: 'uùûü', y: 'yÿ',
};

/** A regular expression source matching `word` whatever its accents, apostrophes and separators. */
function loosePattern(word: string): string {
  const base = word.normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  for (const ch of base) {
    const lower = ch.toLowerCase();
    if (VARIANTS[lower]) out += `[${VARIANTS[lower]}${VARIANTS[lower].toUpperCase()}]`;
    else if (/[\s-]/.test(ch)) out += '[\\s-]+';
    else if (/['’]/.test(ch)) out += '[\'’]';
    else if (/\p{L}/u.test(ch)) out += `[${lower}${ch.toUpperCase()}]`;
    else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

const boundary = (source: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'gu');

/** Removes names, e-mail addresses, phone numbers and commune names from a text. */
export function anonymise(text: string, options: AnonymiseOptions): Anonymised {
  const removed = { names: 0, emails: 0, phones: 0, communes: 0 };
  let out = text.replace(EMAIL, () => {
    removed.emails++;
    return PLACEHOLDERS.email;
  });
  out = out.replace(PHONE, () => {
    removed.phones++;
    return PLACEHOLDERS.phone;
  });
  // Longest names first, so that « Nesles-la-Vallée » goes before a shorter name inside it.
  const communes = [...new Set(options.communeNames.map((n) => n.trim()).filter((n) => n.length >= 3))].sort((a, b) => b.length - a.length);
  for (const name of communes) {
    // Proper nouns only: « Chars » the commune goes, « des chars » stays.
    out = out.replace(boundary(loosePattern(name)), (match) => {
      if (!/^\p{Lu}/u.test(match)) return match;
      removed.communes++;
      return PLACEHOLDERS.commune;
    });
  }
  // « la commune de la commune » reads badly: fold the phrases a removal leaves behind.
  out = out.replace(/\b(commune|mairie|ville|village)\s+(?:de|d['’])\s*la commune\b/giu, (_m, noun: string) => `${noun === noun.toLowerCase() ? 'la' : 'La'} ${noun.toLowerCase()}`);
  out = out.replace(/\b(la|La)\s+la commune\b/gu, '$1 commune');
  const people = [...new Set(options.personNames.map((n) => n.trim()).filter((n) => n.length >= 3))].sort((a, b) => b.length - a.length);
  for (const name of people) {
    out = out.replace(boundary(loosePattern(name)), () => {
      removed.names++;
      return PLACEHOLDERS.name;
    });
  }
  // Parts of known names (« Martin », « Claire ») when written with a capital: « petit » stays, « Petit » goes.
  const parts = [...new Set(people.flatMap((n) => n.split(/[\s]+/)).filter((p) => p.length >= 3 && /^\p{Lu}/u.test(p)))].sort((a, b) => b.length - a.length);
  for (const part of parts) {
    out = out.replace(boundary(loosePattern(part)), (match) => {
      if (!/^\p{Lu}/u.test(match)) return match;
      removed.names++;
      return PLACEHOLDERS.name;
    });
  }
  out = out.replace(CIVILITY, (_m, civility: string, space: string, name: string) => {
    if (name === PLACEHOLDERS.name) return `${civility}${space}${name}`;
    removed.names++;
    return `${civility}${space}${PLACEHOLDERS.name}`;
  });
  // Two removals in a row (« [nom] [nom] ») are one name.
  out = out.replace(/\[nom\](?:\s+\[nom\])+/g, PLACEHOLDERS.name);
  return { text: out, removed };
}
