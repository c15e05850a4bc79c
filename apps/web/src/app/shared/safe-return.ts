/** Only addresses inside the application: never another site (`//evil.example`), never the login page itself. */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/connexion')) return null;
  return value;
}

/** « de la commune d’Ableiges », « de la commune de Cergy ». */
export function communeOf(name: string): string {
  return /^[aeiouyhâàéèêîôûAEIOUYHÂÀÉÈÊÎÔÛ]/.test(name) ? `d’${name}` : `de ${name}`;
}
