/*
 * French as a careful editor writes it, in one place for the API, the e-mails, the portal and the
 * web app: elision before a vowel or a mute h (« Commune d’Ableiges »), « 1er » for the first day of
 * a month, roles in the form each person chose (« Administratrice »), the typographic apostrophe.
 */

/** How a person wants their role written: « Administrateur » (masculine) or « Administratrice » (feminine). */
export type RoleForm = 'masculine' | 'feminine';
export const ROLE_FORMS: readonly RoleForm[] = ['masculine', 'feminine'];

/** The official spelling of the Département's name. */
export const DEPARTEMENT_NAME = 'Val-d’Oise';

/**
 * Whether « de », « le », « que » elide before `word`: a vowel (accented or not) or an h. Every
 * commune of the Val-d’Oise starting with an H takes the elision (« d’Haravilliers », « d’Hérouville »).
 */
export function elides(word: string): boolean {
  return /^[aeiouyhàâäéèêëîïôöùûüÿœæ]/i.test(word.trim());
}

/** « de Vigny », « d’Ableiges », « du Plessis-Bouchard », « des Mureaux », « de La Roche-Guyon ». */
export function deCommune(name: string): string {
  const n = typographic(name.trim());
  if (/^Le /.test(n)) return `du ${n.slice(3)}`;
  if (/^Les /.test(n)) return `des ${n.slice(4)}`;
  return elides(n) ? `d’${n}` : `de ${n}`;
}

/** « Commune d’Ableiges », « Commune de Vigny ». */
export function communeTitle(name: string): string {
  return `Commune ${deCommune(name)}`;
}

/** « le maire d’Aincourt », « la maire de Vigny » (the mayor's word in the form they chose). */
export function mayorOf(name: string, form: RoleForm | null = null): string {
  return `${form === 'feminine' ? 'la' : 'le'} maire ${deCommune(name)}`;
}

/** `de` followed by any word, elided when it should be: « passée d’Idée à Études ». */
export function de(word: string): string {
  return elides(word) ? `d’${word}` : `de ${word}`;
}

/** `que` followed by any word, elided when it should be: « qu’exactement ». */
export function que(word: string): string {
  return elides(word) ? `qu’${word}` : `que ${word}`;
}

/** The straight apostrophe replaced by the typographic one (’). */
export function typographic(text: string): string {
  return text.replace(/'/g, '’');
}

const DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const TIME_SECONDS = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Paris' });

/**
 * « 1er juin 2026 », « 3 mars 2026 »; with `withTime`, « 1er juin 2026 à 14:05 » (or « à 14:05:09 »
 * with `'seconds'`), in Paris time. Empty for a bad date.
 */
export function frenchDate(at: string | Date, withTime: boolean | 'seconds' = false): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return '';
  const day = DATE.format(date).replace(/^1 /, '1er ');
  if (!withTime) return day;
  return `${day} à ${(withTime === 'seconds' ? TIME_SECONDS : TIME).format(date)}`;
}

/** A sentence ended by one full stop: none added after « … », « . », « ! » or « ? ». */
export function sentence(text: string): string {
  const t = text.trimEnd();
  return /[.…!?]$/.test(t) ? t : `${t}.`;
}

/** The first characters of a fingerprint, followed by « … » (a sentence that ends on it takes no extra full stop). */
export function shortFingerprint(fingerprint: string, length = 12): string {
  return fingerprint.length > length ? `${fingerprint.slice(0, length)}…` : fingerprint;
}

export type RoleKey = 'commune_mayor' | 'commune_member' | 'departement_agent' | 'departement_admin' | 'partner_member' | 'auditor' | 'national_admin';

const ROLE_WORDS: Record<RoleKey, Record<RoleForm, string>> = {
  commune_mayor: { masculine: 'Maire', feminine: 'Maire' },
  commune_member: { masculine: 'Collaborateur de la commune', feminine: 'Collaboratrice de la commune' },
  // « Agent » is used for everyone in the Département's own texts.
  departement_agent: { masculine: 'Agent du Département', feminine: 'Agent du Département' },
  departement_admin: { masculine: 'Administrateur du Département', feminine: 'Administratrice du Département' },
  partner_member: { masculine: 'Partenaire', feminine: 'Partenaire' },
  auditor: { masculine: 'Auditeur', feminine: 'Auditrice' },
  national_admin: { masculine: 'Administrateur national', feminine: 'Administratrice nationale' },
};

/** A role in the form its holder chose (masculine when they have not chosen). */
export function roleLabel(role: RoleKey, form: RoleForm | null | undefined = null): string {
  return ROLE_WORDS[role]?.[form ?? 'masculine'] ?? 'Membre';
}
