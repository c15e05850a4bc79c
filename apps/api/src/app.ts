import 'reflect-metadata';
import { Logger, RequestMethod, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { AnchorScheduler } from './infrastructure/anchor-scheduler.js';
import { jsonNestLogger } from './operations/logging.js';
import { Metrics } from './operations/metrics.js';
import type { AppConfig } from './config.js';
import { brandIndexHtml, faviconSvg, FAVICON_PATH, LOGO_PATH, type Brand } from './branding/brand.js';
import { DemoData } from './demo/demo-data.js';
import { DemoFaq } from './demo/demo-faq.js';
import { DemoAccounts } from './identity/demo-accounts.js';
import { StartingRuleSetSeeder } from './financing/commands/publish-rule-set/starting-rule-set.seeder.js';
import { ReadModels } from './shared/read-models.js';
import { publicCors } from './public/http/http-cache.js';
import { PublicOpenApi } from './public/http/public-openapi-document.js';
import { ProblemFilter } from './shared/problem.filter.js';
import { validationPipe } from './shared/validation.js';
import { InputGuardPipe, jsonInputGuard, verifyUtf8 } from './shared/input-guard.js';
import { completeOpenApi } from './shared/openapi-contract.js';
import { methodNotAllowed } from './shared/method-not-allowed.js';
import { cspNonce, securityHeaders, securityHeadersConfig } from './shared/security-headers.js';
import { brandStyle, STYLE as PORTAL_STYLE } from './public/portal/portal.html.js';

/** Builds the whole application (API, OpenAPI, web app) for a configuration; used by main and by tests. */
export async function createApp(config: AppConfig, options: { logger?: LogLevel[] | false; logDestination?: DestinationStream } = {}): Promise<NestExpressApplication> {
  // Tests pass their own Nest log levels: their access log stays quiet unless they collect it (ADR 0022).
  const jsonLogs = options.logger === undefined || options.logDestination !== undefined;
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, undefined, { logDestination: options.logDestination, logLevel: jsonLogs ? undefined : 'silent' }),
    { logger: jsonLogs ? jsonNestLogger(config, { destination: options.logDestination }) : options.logger, bodyParser: false },
  );
  app.use(app.get(Metrics).httpMiddleware());
  // Security headers first, so that every answer carries them, the body parser's 400s included (ADR 0021).
  app.use(...securityHeaders(securityHeadersConfig(config, process.env, [PORTAL_STYLE, brandStyle(config.brand)])));
  // express.json itself rather than useBodyParser, whose options leave out `verify`.
  app.use(express.json({ limit: '1mb', type: ['application/json', 'application/*+json'], verify: verifyUtf8 }));
  // Depth, prototype keys, control characters, lone surrogates, NFC: before any guard or DTO (ADR 0020).
  app.use(jsonInputGuard);
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // The public portal, its sitemap and robots.txt are pages of the site, not of the API.
  app.setGlobalPrefix('api', { exclude: SERVER_PAGES.map((path) => ({ path, method: RequestMethod.GET })) });
  app.use('/api/public', publicCors);
  // The complete OpenAPI document is readable from any site too (reusers' tools); the public API's own is under /api/public.
  app.use('/api/openapi.json', publicCors);
  app.useGlobalPipes(new InputGuardPipe(), validationPipe);
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();

  const openapi = new DocumentBuilder()
    .setTitle('Carnet de projets — API')
    .setDescription(
      'API des projets des communes et du Département. Les commandes répondent avec la version du projet et la position écrite dans le journal ; ' +
        'les lectures acceptent ?minPosition= pour lire leur propre écriture. Erreurs au format application/problem+json (RFC 9457), en français.',
    )
    .setVersion('0.1.0')
    .build();
  // Completed from what the server is made of: every 2xx body, UUID ids, the shared problems (ADR 0021).
  const document = completeOpenApi(SwaggerModule.createDocument(app, openapi), app);
  app.use(methodNotAllowed(document));
  // The public API's operations alone, served at /api/public/v1/openapi.json and listed by the portal's « Données ouvertes ».
  app.get(PublicOpenApi).use(document);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    useGlobalPrefix: false,
    // No badge fetched from validator.swagger.io: the CSP allows images from this site only.
    swaggerOptions: { validatorUrl: null },
  });

  serveBrand(app, config.brand);
  serveWebApp(app, config.webDist, config.brand);
  await app.init();
  let written = 0;
  if (config.demoData) {
    // Demo people first (their accounts), then their seats and projects, written as events.
    await app.get(DemoAccounts).seedIfEmpty();
    written = await app.get(DemoFaq).seedAfter(await app.get(DemoData).seedIfEmpty());
  }
  // The financing rules start from the Val-d’Oise set (issue #12), or the national one for another home Département;
  // the other Départements served get theirs in the background, once the server is up (issue #17).
  written = Math.max(written, await app.get(StartingRuleSetSeeder).seedIfMissing());
  // Serve the first page with the demo and the rules already in the read models.
  if (written > 0) await app.get(ReadModels).current(written);
  // The start-up anchor seals the demo and the home Département's starting rules (ADR 0020; the other Départements'
  // come with the next anchor); without demo data it runs in the background.
  if (config.demoData && config.anchors.atStartup) await app.get(AnchorScheduler).recordAtStartup();
  return app;
}

/** Pages rendered by the server (public portal, issue #5): outside /api, and never the web app's fallback. */
const SERVER_PAGES = ['projets-publics', 'projets-publics/{*rest}', 'sitemap.xml', 'robots.txt', 'metrics'];
const isServerPage = (path: string) => path === '/projets-publics' || path.startsWith('/projets-publics/') || path === '/sitemap.xml' || path === '/robots.txt' || path === '/metrics';

/** The logo and the favicon of the configured identity (LOGO_FILE, BRAND_COLOR), for the app and the portal. */
function serveBrand(app: NestExpressApplication, brand: Brand): void {
  const favicon = faviconSvg(brand);
  app.use(LOGO_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Content-Type', brand.logo.mediaType);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    // An SVG logo is shown as an image only: no script of it may run if someone opens it directly.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    res.end(brand.logo.bytes);
  });
  app.use(FAVICON_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Content-Type', 'image/svg+xml');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.end(favicon);
  });
}

/** The Angular app at `/`, with its routes falling back to index.html; /api stays the API's. */
function serveWebApp(app: NestExpressApplication, webDist: string, brand: Brand): void {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`Application web absente (${index}) : lancez « npm run build:web ».`);
    return;
  }
  // The identity (name, colours, favicon) goes into the page itself, before the first paint.
  const brandedIndex = brandIndexHtml(readFileSync(index, 'utf8'), brand);
  // The API's paths never touch the disk: static files are looked up for the web app's paths only.
  const assets = express.static(webDist, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api') || isServerPage(req.path) ? next() : assets(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || isServerPage(req.path) || !req.accepts('html')) return next();
    // Someone without a session who opens the site lands on the public portal (published projects, issue #5).
    if (req.path === '/' && !/(?:^|;\s*)carnet_session=/.test(req.headers.cookie ?? '')) return res.redirect(302, '/projets-publics');
    res.setHeader('Cache-Control', 'no-cache');
    // Angular gives this response's CSP nonce to the <style> elements of its components (ngCspNonce);
    // the identity's <style id="brand"> carries it too (ADR 0021).
    const nonce = cspNonce(res);
    res.type('html').send(brandedIndex.replace('<style id="brand">', `<style id="brand" nonce="${nonce}">`).replace('<app-root', `<app-root ngCspNonce="${nonce}"`));
  });
}
