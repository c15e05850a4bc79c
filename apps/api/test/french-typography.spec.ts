import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * What people read is written with one apostrophe (’) and the official spelling « Val-d’Oise »
 * (issue #16): in the web app, the API's messages and e-mails, the portal, the shared labels.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SOURCES = ['apps/web/src', 'apps/api/src', 'libs/contracts/src', 'libs/domain/src'];
/** Being reworked on the branch ux-page (issue #16, the project page): checked once both are merged — then remove them from here. */
const REWORKED_ELSEWHERE = new Set([
  'apps/web/src/app/projects/project-page/project-page.html',
  'apps/web/src/app/projects/project-page/project-store.ts',
  'apps/web/src/app/projects/project-page/step-form.ts',
  'apps/web/src/app/projects/project-page/details-form.ts',
  'apps/api/src/demo/demo-data.ts',
]);
/** A French elision with a straight apostrophe: « n'est », « d'un », « qu'il », « aujourd'hui ». */
const STRAIGHT_ELISION = /(?<![\w])(?:d|l|qu|n|s|j|c|m|t|D|L|Qu|N|S|J|C|M|T|jusqu|lorsqu|puisqu|quelqu|aujourd)'(?=[A-Za-zÀ-ÿ])/;
const WRONG_NAME = /Val d['’]Oise/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|html)$/.test(name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}

const offences = (test: (line: string) => boolean): string[] =>
  SOURCES.flatMap((dir) => files(join(root, dir)))
    .filter((path) => !REWORKED_ELSEWHERE.has(relative(root, path)))
    .flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(root, path)}:${i + 1}` }))
        .filter(({ line }) => !/^\s*(import |\/\/|\*|\/\*)/.test(line) && test(line))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );

describe('French typography of what people read', () => {
  it('uses the typographic apostrophe (’)', () => {
    expect(offences((line) => STRAIGHT_ELISION.test(line))).toEqual([]);
  });

  it('spells the Département « Val-d’Oise »', () => {
    expect(offences((line) => WRONG_NAME.test(line))).toEqual([]);
  });
});
