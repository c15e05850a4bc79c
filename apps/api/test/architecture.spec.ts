import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
    return path.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(path) && !path.includes('/testing/') ? [path] : [];
  });
}

/** Every module specifier a file imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** Files under `dir` that import something matching `forbidden`, as "file → import". */
function violations(dir: string, forbidden: RegExp): string[] {
  return sources(join(ROOT, dir)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden.test(spec))
      .map((spec) => `${relative(ROOT, file)} → ${spec}`),
  );
}

describe('architecture', () => {
  describe('the domain', () => {
    it('imports no framework, driver or I/O: business rules stay pure', () => {
      expect(violations('libs/domain/src', /^(@nestjs\/|@carnet\/(event-store|read-store|blob-store|contracts)|mongodb|better-sqlite3|@kurrent\/|node:|express|rxjs)/)).toEqual([]);
    });
  });

  describe('the store libraries', () => {
    it('import no NestJS and nothing of the application', () => {
      expect(violations('libs/event-store/src', /^(@nestjs\/|@carnet\/(domain|read-store|contracts)|\.\.\/\.\.\/\.\.\/apps)/)).toEqual([]);
      expect(violations('libs/read-store/src', /^(@nestjs\/|@carnet\/(domain|contracts)|\.\.\/\.\.\/\.\.\/apps)/)).toEqual([]);
      expect(violations('libs/blob-store/src', /^(@nestjs\/|@carnet\/|\.\.\/\.\.\/\.\.\/apps)/)).toEqual([]);
    });
  });

  describe('the API', () => {
    it('has query handlers that read read models only, never the event store, except a project\'s history, which is its stream (ADR 0016)', () => {
      const offenders = sources(join(ROOT, 'apps/api/src'))
        .filter((f) => /\/queries\/.*\.handler\.ts$/.test(f) && !f.endsWith('/queries/get-project-history/get-project-history.handler.ts'))
        .filter((f) => /EVENT_STORE|@carnet\/event-store/.test(readFileSync(f, 'utf8')))
        .map((f) => relative(ROOT, f));
      expect(offenders).toEqual([]);
    });

    it('has command handlers that decide on the event store, never on read models', () => {
      const offenders = sources(join(ROOT, 'apps/api/src'))
        .filter((f) => /\/commands\/.*\.(handler|runner)\.ts$/.test(f) || f.endsWith('project-command.runner.ts'))
        .filter((f) => /ReadModels|READ_STORE|@carnet\/read-store/.test(readFileSync(f, 'utf8')))
        .map((f) => relative(ROOT, f));
      expect(offenders).toEqual([]);
    });

    it('reads the event store only to decide, to audit (ADR 0009), to show a project\'s history (ADR 0016) or from infrastructure and tools', () => {
      const allowed = /^apps\/api\/src\/(infrastructure|cli|audit|operations)\/|\/commands\/|^apps\/api\/src\/(shared\/decider-runner|projects\/project-command\.runner|projects\/queries\/get-project-history\/get-project-history\.handler|demo\/demo-data|health\/health\.http\.controller)\.ts$/;
      const offenders = sources(join(ROOT, 'apps/api/src'))
        .map((f) => relative(ROOT, f))
        .filter((f) => /EVENT_STORE/.test(readFileSync(join(ROOT, f), 'utf8')) && !f.endsWith('tokens.ts'))
        .filter((f) => !allowed.test(f));
      expect(offenders).toEqual([]);
    });

    it('keeps drivers behind the ports: only infrastructure and CLI open an engine', () => {
      const offenders = violations('apps/api/src', /^(mongodb|better-sqlite3|@kurrent\/)/).filter((v) => !/^apps\/api\/src\/(infrastructure|cli)\//.test(v));
      expect(offenders).toEqual([]);
    });
  });
});
