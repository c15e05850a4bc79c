import { Inject, Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { OPEN_DATA_PAGE } from '../public-catalog.js';

/** The public API's operations are those of the document under this path. */
export const PUBLIC_API_PATHS = '/api/public/';

/**
 * The OpenAPI document of the public API alone: the operations of the application's document whose path starts
 * with /api/public/, the components they reference (transitively) and nothing else — no internal schema, no
 * internal tag. Built from the complete document (same schemas, same answers), never kept by hand.
 */
export function publicOnly(full: OpenAPIObject, guideUrl: string): OpenAPIObject {
  const paths = structuredClone(Object.fromEntries(Object.entries(full.paths).filter(([path]) => path.startsWith(PUBLIC_API_PATHS))));
  const components = (full.components ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const kept: Record<string, Record<string, unknown>> = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const ref = key === '$ref' && typeof child === 'string' ? /^#\/components\/([^/]+)\/(.+)$/.exec(child) : null;
      if (!ref) {
        visit(child);
        continue;
      }
      const [, kind, name] = ref as unknown as [string, string, string];
      const target = components[kind]?.[name];
      if (target === undefined || kept[kind]?.[name] !== undefined) continue;
      (kept[kind] ??= {})[name] = structuredClone(target);
      visit(target);
    }
  };
  visit(paths);
  const sorted = Object.fromEntries(
    Object.entries(kept)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, entries]) => [kind, Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)))]),
  );
  const used = new Set(Object.values(paths).flatMap((item) => Object.values(item ?? {}).flatMap((op) => (op as { tags?: string[] })?.tags ?? [])));
  const tags = [...used].map((name) => full.tags?.find((t) => t.name === name) ?? { name });
  return {
    openapi: full.openapi,
    info: {
      title: 'Carnet de projets — API publique (données ouvertes)',
      version: full.info.version,
      description:
        'Les projets terminés des communes, publiés avec l’accord de leur maire (seule la version approuvée), et les questions fréquentes ' +
        'publiées par le Département : sans compte, sans clé, lisibles depuis tout site (CORS). Réponses en JSON, CSV ou GeoJSON, ' +
        'avec un ETag (If-None-Match → 304) ; erreurs au format application/problem+json (RFC 9457), en français. ' +
        `Guide en français : ${guideUrl}`,
    },
    externalDocs: { description: 'Données ouvertes : le guide des réutilisateurs, en français', url: guideUrl },
    ...(tags.length ? { tags } : {}),
    paths,
    components: sorted,
  } as OpenAPIObject;
}

/**
 * Holds the public-only document. app.ts gives it the application's complete document once built (it is built
 * from the running controllers, after the modules): the public API serves it, the portal's « Données ouvertes »
 * page lists its operations.
 */
@Injectable()
export class PublicOpenApi {
  private built: { document: OpenAPIObject; json: string } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  use(full: OpenAPIObject): void {
    const document = publicOnly(full, `${this.config.publicUrl}${OPEN_DATA_PAGE}`);
    this.built = { document, json: JSON.stringify(document) };
  }

  private get ready(): { document: OpenAPIObject; json: string } {
    if (!this.built) throw new Error('PublicOpenApi: the application’s OpenAPI document was not given (app.ts)');
    return this.built;
  }

  get document(): OpenAPIObject {
    return this.ready.document;
  }

  get json(): string {
    return this.ready.json;
  }
}
