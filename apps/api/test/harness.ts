import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig, type AppConfig } from '../src/config.js';

/**
 * Starts the real application in-process on a fresh data directory. Engines come from the
 * environment like in production: SQLite by default, MongoDB read models when MONGO_URL is set
 * (a fresh database per test app), KurrentDB when KURRENTDB_URL is set.
 */
export async function startApp(overrides: Partial<AppConfig> & { dataDir?: string } = {}) {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'carnet-e2e-'));
  const base = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_DATA: 'false', MONGO_DB: `carnet_e2e_${randomUUID().slice(0, 8)}` });
  const config: AppConfig = { ...base, ...overrides, dataDir };
  const app: NestExpressApplication = await createApp(config, { logger: ['error'] });
  return {
    app,
    config,
    dataDir,
    http: app.getHttpServer(),
    async close(removeData = true) {
      await app.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const MAIRE_ABLEIGES = 'persona-maire-95002';
export const ADJOINT_ABLEIGES = 'persona-adjoint-95002';
export const MAIRE_NESLES = 'persona-maire-95446';
export const AGENT = 'persona-agent-amenagement';
export const AUDITEUR = 'persona-auditeur';

export const newProject = (over: Record<string, unknown> = {}) => ({
  codeInsee: '95002',
  title: 'Réfection du préau de l’école',
  description: 'Le préau fuit.',
  theme: 'ecole',
  estimatedCostHt: 45000,
  ...over,
});
