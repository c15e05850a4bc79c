/** Only addresses inside the application: never another site (`//evil.example`), never the login page itself. */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/connexion')) return null;
  return value;
}

/** « d’Ableiges », « de Cergy », « du Plessis-Bouchard »: the one rule of libs/contracts/src/french.ts. */
export { deCommune as communeOf } from '@carnet/contracts';
