/**
 * Folds text for accent- and case-insensitive matching: « École » and « ecole » fold alike.
 * Every read-store adapter uses it, so a search finds the same documents on every engine.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’']/g, ' ')
    .toLowerCase();
}
