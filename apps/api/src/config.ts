import { randomBytes } from 'node:crypto';
import { availableParallelism, hostname } from 'node:os';
import { resolve } from 'node:path';
import { DOCUMENT_MEDIA_TYPES, type DocumentMediaType } from '@carnet/domain';
import { loadBrand, type Brand } from './branding/brand.js';
import { DEPARTEMENT_CODES, DEPARTEMENT_NAMES, OF_DEPARTEMENT } from './communes/departement-names.js';

/** Every setting of the server, read once from the environment (documented in the README). */
export interface AppConfig {
  port: number;
  host: string;
  production: boolean;
  dataDir: string;
  eventStore: { engine: 'sqlite' } | { engine: 'kurrentdb'; url: string };
  readStore: { engine: 'sqlite' } | { engine: 'mongodb'; url: string; dbName: string };
  /**
   * The Départements whose communes this instance serves (DEPARTEMENTS: `95,78`, or `all`; else
   * DEPARTEMENT alone), in the order given: the first is the home Département, to which belong the
   * accounts created before accounts named one, and the demo personas.
   */
  departements: string[];
  /** The home Département: `departements[0]`. */
  departement: string;
  /** Population under which a commune has a space: ELIGIBILITY_THRESHOLD, per Département ELIGIBILITY_THRESHOLDS (`78:3500,60:2000`). */
  eligibilityThreshold: number;
  eligibilityThresholds: Readonly<Record<string, number>>;
  demoData: boolean;
  readWaitTimeoutMs: number;
  /**
   * Audit anchors recorded by the server (ADR 0020): one at start-up, then after `everyEvents`
   * events or `everyMinutes` minutes, whichever comes first (0: not by that trigger).
   */
  anchors: { atStartup: boolean; everyEvents: number; everyMinutes: number };
  webDist: string;
  /** Uploaded documents: size limit and accepted types (sniffed from the content). */
  documents: { maxMb: number; mediaTypes: DocumentMediaType[] };
  /** Hour (0–23, Europe/Paris) from which the daily notification digests are sent. */
  digestHour: number;
  /** Days after which a question still waiting for its answer is flagged overdue (« en retard »). */
  questionOverdueDays: number;
  /** Public API (issue #5): requests allowed per client address and minute, and the Cache-Control max-age of public answers. */
  publicApi: { rateLimitPerMinute: number; cacheSeconds: number };
  /** Absolute base of the public portal's canonical links and sitemap (e.g. https://projets.valdoise.fr). */
  publicUrl: string;
  /** Shown on the legal pages (accessibility statement, personal data, legal notice): who to write to, who hosts the service. */
  site: { contactEmail: string; hostedBy: string; publisher?: { name: string; of: string; plural: boolean } };
  /** The identity of the app and the portal: SITE_NAME, LOGO_FILE, BRAND_COLOR (checked for contrast). */
  brand: Brand;
  /** Operations (ADR 0022): log level, the token protecting /metrics (null: no metrics), health check timeout, engine retries at start. */
  operations: OperationsConfig;
  /** Map of projects (issue #10): an optional base map (raster tiles `{z}/{x}/{y}`) and its attribution; without it, outlines on a plain background. */
  map: { tileUrl: string | null; tileAttribution: string | null };
  /** Several processes or machines on the same stores (ADR 0024). */
  instances: InstancesConfig;
}

export interface InstancesConfig {
  /** HTTP processes started on this machine on one port (WORKERS; default the cores, at most 4). 1: one process, as before. */
  workers: number;
  /** This process's name in the projections' lease and the logs: INSTANCE_ID (default host-pid) and a random part of its own. */
  instanceId: string;
  /** How long the projections' lease lasts without renewal: the longest a dead holder delays the others (PROJECTION_LEASE_MS). */
  leaseMs: number;
  /** How often the embedded event log is read for events other processes appended (EVENT_POLL_MS). */
  eventPollMs: number;
  /**
   * Niceness of the HTTP processes WORKERS starts (HTTP_NICENESS, 0 to 19, default 0): above 0, the
   * projections process gets the cores first when requests fill them, so that what a person just
   * wrote is readable sooner, at the cost of fewer commands per second (measured in the README).
   */
  httpNiceness: number;
  /**
   * What this process does, set by the WORKERS primary for the processes it starts: `all` (a single
   * process: HTTP and projections), `http` (HTTP only; it takes the projections over only if the
   * projections process stays away) or `projections` (no HTTP: it runs the projections, anchors and e-mails).
   */
  processRole: 'all' | 'http' | 'projections';
}

function instances(env: NodeJS.ProcessEnv): InstancesConfig {
  const workersText = env.WORKERS?.trim();
  const workers = workersText ? int(workersText, 1, 'WORKERS') : Math.min(4, availableParallelism());
  if (workers < 1 || workers > 64) throw new Error(`WORKERS must be between 1 and 64, got "${env.WORKERS}"`);
  const name = env.INSTANCE_ID?.trim() || `${hostname()}-${process.pid}`;
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(name)) throw new Error(`INSTANCE_ID may only hold letters, digits and . _ : - (at most 100), got "${env.INSTANCE_ID}"`);
  // A random part of its own: two processes never share a lease, even given the same name or restarted with it.
  const instanceId = `${name}-${randomBytes(3).toString('hex')}`;
  const leaseMs = int(env.PROJECTION_LEASE_MS, 5000, 'PROJECTION_LEASE_MS');
  if (leaseMs < 500) throw new Error(`PROJECTION_LEASE_MS must be at least 500, got "${env.PROJECTION_LEASE_MS}"`);
  const eventPollMs = int(env.EVENT_POLL_MS, 25, 'EVENT_POLL_MS');
  if (eventPollMs < 1) throw new Error(`EVENT_POLL_MS must be at least 1, got "${env.EVENT_POLL_MS}"`);
  const httpNiceness = int(env.HTTP_NICENESS, 0, 'HTTP_NICENESS');
  if (httpNiceness < 0 || httpNiceness > 19) throw new Error(`HTTP_NICENESS must be between 0 and 19, got "${env.HTTP_NICENESS}"`);
  const processRole = env.CARNET_PROCESS_ROLE === 'http' || env.CARNET_PROCESS_ROLE === 'projections' ? env.CARNET_PROCESS_ROLE : 'all';
  return { workers, instanceId, leaseMs, eventPollMs, httpNiceness, processRole };
}

/**
 * What the site is called and who hosts it when SITE_NAME and HOSTED_BY are not set: the Département's
 * name for one (« Carnet de projets — Val-d’Oise », « le Département du Val-d’Oise »), none for several.
 */
function defaultsFor(departements: readonly string[]): { siteName: string; hostedBy: string; publisher: NonNullable<AppConfig['site']['publisher']> } {
  if (departements.length === 1) {
    const code = departements[0]!;
    const of = OF_DEPARTEMENT.get(code)!;
    return { siteName: `Carnet de projets — ${DEPARTEMENT_NAMES.get(code)}`, hostedBy: `le Département ${of}`, publisher: { name: `Département ${of}`, of, plural: false } };
  }
  const ofs = departements.map((code) => OF_DEPARTEMENT.get(code)!);
  const of = departements.length > 3 ? '' : `${ofs.slice(0, -1).join(', ')} et ${ofs[ofs.length - 1]}`;
  const hostedBy = of ? `les Départements ${of}` : 'l’opérateur national de la plateforme';
  // The legal pages name who publishes the service: the Départements served, as many as there are (issue #17).
  return { siteName: 'Carnet de projets', hostedBy, publisher: { name: of ? `Départements ${of}` : 'Départements servis par la plateforme', of, plural: true } };
}

function served(env: NodeJS.ProcessEnv): Pick<AppConfig, 'departements' | 'departement' | 'eligibilityThreshold' | 'eligibilityThresholds'> {
  const listed = env.DEPARTEMENTS?.trim();
  const single = env.DEPARTEMENT?.trim();
  if (listed && single) throw new Error('Give DEPARTEMENTS or DEPARTEMENT, not both (DEPARTEMENTS=95,78 serves both)');
  const asked = listed === 'all' ? [...DEPARTEMENT_CODES] : (listed ?? single ?? '95').split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
  const unknown = asked.filter((c) => !DEPARTEMENT_CODES.includes(c));
  if (unknown.length || !asked.length) {
    throw new Error(`${listed ? 'DEPARTEMENTS' : 'DEPARTEMENT'} must list official Département codes (such as 95, 2A, 971) or be "all", got "${listed ?? single}"`);
  }
  const departements = [...new Set(asked)];
  const eligibilityThreshold = int(env.ELIGIBILITY_THRESHOLD, 5000, 'ELIGIBILITY_THRESHOLD');
  const eligibilityThresholds: Record<string, number> = {};
  for (const pair of (env.ELIGIBILITY_THRESHOLDS ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [code, value] = pair.split(':').map((p) => p.trim());
    if (!code || !departements.includes(code.toUpperCase())) {
      throw new Error(`ELIGIBILITY_THRESHOLDS names Départements served, as "78:3500,60:2000"; "${pair}" names none`);
    }
    eligibilityThresholds[code.toUpperCase()] = int(value, 0, 'ELIGIBILITY_THRESHOLDS');
  }
  return { departements, departement: departements[0]!, eligibilityThreshold, eligibilityThresholds };
}

/** The population under which a commune of this Département has a space. */
export function thresholdOf(config: Pick<AppConfig, 'eligibilityThreshold' | 'eligibilityThresholds'>, departement: string): number {
  return config.eligibilityThresholds[departement] ?? config.eligibilityThreshold;
}

export interface OperationsConfig {
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  metricsToken: string | null;
  healthTimeoutMs: number;
  engineStartSeconds: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function operations(env: NodeJS.ProcessEnv): OperationsConfig {
  const level = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const token = env.METRICS_TOKEN?.trim() || null;
  if (token !== null && token.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters long');
  return {
    logLevel: level as OperationsConfig['logLevel'],
    metricsToken: token,
    healthTimeoutMs: Math.max(50, int(env.HEALTH_TIMEOUT_MS, 800, 'HEALTH_TIMEOUT_MS')),
    engineStartSeconds: int(env.ENGINE_START_SECONDS, 120, 'ENGINE_START_SECONDS'),
  };
}

function mapTiles(url: string | undefined, attribution: string | undefined): AppConfig['map'] {
  const tileUrl = url?.trim() || null;
  const tileAttribution = attribution?.trim() || null;
  if (!tileUrl) return { tileUrl: null, tileAttribution: null };
  if (!/^https?:\/\/\S+$/.test(tileUrl) || !['{z}', '{x}', '{y}'].every((p) => tileUrl.includes(p))) {
    throw new Error(`MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}, got "${tileUrl}"`);
  }
  if (!tileAttribution) throw new Error('MAP_TILE_ATTRIBUTION is required with MAP_TILE_URL (the base map’s source must be shown)');
  return { tileUrl, tileAttribution };
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function mediaTypes(value: string | undefined): DocumentMediaType[] {
  if (value === undefined || value.trim() === '') return [...DOCUMENT_MEDIA_TYPES];
  const asked = value.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = asked.filter((t) => !(DOCUMENT_MEDIA_TYPES as readonly string[]).includes(t));
  if (unknown.length) throw new Error(`DOCUMENT_MEDIA_TYPES may only list ${DOCUMENT_MEDIA_TYPES.join(', ')}; got ${unknown.join(', ')}`);
  return asked as DocumentMediaType[];
}

function hour(value: string | undefined): number {
  const n = int(value, 7, 'DIGEST_HOUR');
  if (n > 23) throw new Error(`DIGEST_HOUR must be an hour from 0 to 23, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  const departements = served(env);
  const defaults = defaultsFor(departements.departements);
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    production,
    dataDir,
    eventStore: env.KURRENTDB_URL ? { engine: 'kurrentdb', url: env.KURRENTDB_URL } : { engine: 'sqlite' },
    readStore: env.MONGO_URL
      ? { engine: 'mongodb', url: env.MONGO_URL, dbName: env.MONGO_DB ?? 'carnet' }
      : { engine: 'sqlite' },
    ...departements,
    demoData: env.DEMO_DATA ? env.DEMO_DATA === 'true' : !production,
    readWaitTimeoutMs: int(env.READ_WAIT_TIMEOUT_MS, 5000, 'READ_WAIT_TIMEOUT_MS'),
    anchors: {
      atStartup: env.AUDIT_ANCHOR_AT_STARTUP !== 'false',
      everyEvents: int(env.AUDIT_ANCHOR_EVERY_EVENTS, 1000, 'AUDIT_ANCHOR_EVERY_EVENTS'),
      // AUDIT_ANCHOR_HOURS is the older setting, still read when the minutes are not given.
      everyMinutes: env.AUDIT_ANCHOR_MINUTES !== undefined && env.AUDIT_ANCHOR_MINUTES !== ''
        ? int(env.AUDIT_ANCHOR_MINUTES, 60, 'AUDIT_ANCHOR_MINUTES')
        : env.AUDIT_ANCHOR_HOURS ? int(env.AUDIT_ANCHOR_HOURS, 1, 'AUDIT_ANCHOR_HOURS') * 60 : 60,
    },
    webDist: resolve(env.WEB_DIST ?? 'apps/web/dist/browser'),
    documents: { maxMb: Math.max(1, int(env.DOCUMENT_MAX_MB, 20, 'DOCUMENT_MAX_MB')), mediaTypes: mediaTypes(env.DOCUMENT_MEDIA_TYPES) },
    digestHour: hour(env.DIGEST_HOUR),
    questionOverdueDays: int(env.QUESTION_OVERDUE_DAYS, 5, 'QUESTION_OVERDUE_DAYS'),
    publicApi: {
      rateLimitPerMinute: int(env.PUBLIC_RATE_LIMIT_PER_MINUTE, 120, 'PUBLIC_RATE_LIMIT_PER_MINUTE'),
      cacheSeconds: int(env.PUBLIC_CACHE_SECONDS, 60, 'PUBLIC_CACHE_SECONDS'),
    },
    site: {
      contactEmail: env.CONTACT_EMAIL?.trim() || 'accessibilite@valdoise.example',
      hostedBy: env.HOSTED_BY?.trim() || defaults.hostedBy,
      publisher: defaults.publisher,
    },
    operations: operations(env),
    brand: loadBrand(env, defaults.siteName),
    map: mapTiles(env.MAP_TILE_URL, env.MAP_TILE_ATTRIBUTION),
    instances: instances(env),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${int(env.PORT, 3000, 'PORT')}`).replace(/\/+$/, ''),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
