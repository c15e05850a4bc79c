/** Messages to show under fields, keyed by the field name the API uses. */
export type FieldErrors = Record<string, string>;

/**
 * Reads an amount typed the French way (« 120 000 », « 1 500,50 »).
 * Returns null when empty, undefined when it is not a positive amount.
 */
export function parseAmount(text: string | number | null | undefined): number | null | undefined {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!cleaned) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** Moves focus to the first field marked invalid, after the view shows the errors. */
export function focusFirstError(form: HTMLElement): void {
  setTimeout(() => {
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('.alert--error');
    if (target) {
      if (!target.matches('input, select, textarea, button')) target.setAttribute('tabindex', '-1');
      target.focus();
    }
  });
}

/** The form's own line once fields are marked: « Un champ est à corriger. » or « Des champs sont à corriger. ». */
export function fieldsToFix(errors: FieldErrors): string {
  return Object.keys(errors).length === 1 ? 'Un champ est à corriger.' : 'Des champs sont à corriger.';
}
