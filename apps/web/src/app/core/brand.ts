/** The server's default, when the page comes without the identity (e.g. in unit tests). */
export const DEFAULT_SITE_NAME = 'Carnet de projets — Val-d’Oise';

/** The logo the server serves (LOGO_FILE, or a mark drawn in BRAND_COLOR). */
export const LOGO_URL = '/marque/logo';

/** The site's name as the Département set it (SITE_NAME): the server writes it into index.html. */
export function siteName(doc: Document): string {
  return doc.querySelector<HTMLMetaElement>('meta[name="carnet-site-name"]')?.content.trim() || DEFAULT_SITE_NAME;
}
