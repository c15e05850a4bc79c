import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');

function dtoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dtoFiles(path);
    return /\.dto\.ts$/.test(name) ? [path] : [];
  });
}

describe('request DTOs', () => {
  it('give every rule a French message of their own (class-validator’s defaults are English: « must be shorter than… »)', async () => {
    const files = dtoFiles(src);
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) await import(file);
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Array<{ type: string; name?: string; propertyName: string; message?: unknown; target: Function }>> };
    // Our own rules (shared/field-rules.ts) build their French message from the field's name.
    const ours = new Set(['isNotBlank', 'isSingleLine', 'isMoney']);
    const missing: string[] = [];
    for (const [target, list] of storage.validationMetadatas) {
      for (const m of list) {
        if ((m.type === 'customValidation' || m.type === 'isDefined') && m.message === undefined && !ours.has(m.name ?? '')) missing.push(`${target.name}.${m.propertyName}: ${m.name ?? m.type}`);
      }
    }
    expect(missing.sort()).toEqual([]);
  });
});
