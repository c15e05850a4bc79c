#!/usr/bin/env node
// Prints, at the end of .ci/run, how many tests each suite ran and how they ended, read from the suites' own output
// (kept by .ci/run in .tmp/ci-logs/<suite>.log). A suite that ran and reported no test at all fails the run: a CI
// that executes nothing must not look green.
//
//   node scripts/ci-summary.mjs [logs folder] [suite…]   (the suites expected, in the order they ran)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder = '.tmp/ci-logs', ...expected] = process.argv.slice(2);

// What each suite is, and how to read its counts.
const SUITES = {
  'npm-test': { title: 'npm test: unit, SQLite contracts, API e2e (jest) and web app (vitest)', read: readJestAndVitest },
  mongo: { title: 'MongoDB wire: read-store contracts and API e2e on FerretDB (jest)', read: readJestAndVitest },
  cluster: { title: 'Three instances, kill -9 of the projections holder (checks)', read: readChecks },
  browser: { title: 'Browser journeys with axe-core (Playwright, Chromium)', read: readPlaywright },
  fuzz: { title: 'Fuzz from the OpenAPI document (schemathesis, generated requests)', read: readSchemathesis },
};

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const count = (text, word) => Number(new RegExp(`(\\d+) ${word}`).exec(text)?.[1] ?? 0);

/** Jest's « Tests: 2 failed, 3 skipped, 1161 passed, 1166 total » and Vitest's « Tests  139 passed (139) ». */
function readJestAndVitest(log) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const [, line] of log.matchAll(/^\s*Tests:?\s+(.*\d.*)$/gm)) {
    total.passed += count(line, 'passed');
    total.failed += count(line, 'failed');
    total.skipped += count(line, 'skipped') + count(line, 'todo');
  }
  return total;
}

/** Playwright's list reporter: « 100 passed (9.1m) », « 1 flaky », « 2 failed ». */
function readPlaywright(log) {
  const tail = log.slice(log.lastIndexOf('Running '));
  const line = (word) => Number(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm').exec(tail)?.[1] ?? 0);
  return { passed: line('passed') + line('flaky'), failed: line('failed'), skipped: line('skipped') + line('did not run') };
}

/** tests/cluster/kill-holder.mjs prints « ok   <check> » or « FAIL <check> » per check. */
function readChecks(log) {
  return { passed: (log.match(/^ok {2}/gm) ?? []).length, failed: (log.match(/^FAIL /gm) ?? []).length, skipped: 0 };
}

/**
 * Schemathesis: « Test cases: 16842 generated, 19 found 19 unique failures » per run, then tests/fuzz/gate.py's verdict:
 * « Failing the run: » lists what fails CI (server errors, answers off their schema, auth not enforced), « Reported,
 * not failing: » the request-side findings. Counted in generated cases, apart from the tests.
 */
function readSchemathesis(log) {
  let generated = 0;
  let found = 0;
  for (const [, cases, rest] of log.matchAll(/^\s*(\d+) generated,? ?(.*)$/gm)) {
    generated += Number(cases);
    found += Number(/(\d+) unique failures?/.exec(rest)?.[1] ?? 0);
  }
  const verdict = (title) => {
    const block = new RegExp(`^${title}:\\n((?:  ST.*\\n?)*)`, 'm').exec(log)?.[1] ?? '';
    return block.split('\n').filter(Boolean).map((line) => line.trim().split(':')[0]);
  };
  const failing = verdict('Failing the run');
  const reported = verdict('Reported, not failing');
  const note = [failing.length ? `failing the run: ${failing.join(', ')}` : '', reported.length ? `${found} finding${found === 1 ? "" : "s"} reported, not failing: ${reported.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
  return { cases: generated, passed: generated, failed: failing.length, skipped: 0, note: note || undefined, blocking: failing.length > 0 };
}

const rows = [];
let problems = 0;
for (const name of expected) {
  const suite = SUITES[name];
  const path = join(folder, `${name}.log`);
  if (!suite) throw new Error(`unknown suite ${name}`);
  if (!existsSync(path)) {
    rows.push({ title: suite.title, status: 'did not run' });
    problems++;
    continue;
  }
  const result = suite.read(readFileSync(path, 'utf8').replace(ANSI, ''));
  let status = result.failed > 0 || result.blocking ? 'FAILED' : 'passed';
  if (result.passed + result.failed === 0) status = 'NO TEST RAN';
  if (status !== 'passed') problems++;
  rows.push({ title: suite.title, status, ...result });
}

const width = Math.max(...rows.map((r) => r.title.length));
const number = (n) => (n === undefined ? '' : n.toLocaleString('en-US'));
console.log('\n=== Tests run by this CI ===');
console.log(`${'suite'.padEnd(width)}  ${'passed'.padStart(7)}  ${'failed'.padStart(6)}  ${'skipped'.padStart(7)}  result`);
for (const r of rows) {
  console.log(`${r.title.padEnd(width)}  ${number(r.passed).padStart(7)}  ${number(r.failed).padStart(6)}  ${number(r.skipped).padStart(7)}  ${r.status}${r.note ? ` (${r.note})` : ''}`);
}
const tests = rows.filter((r) => r.cases === undefined);
const sum = (list, key) => list.reduce((s, r) => s + (r[key] ?? 0), 0);
const fuzz = rows.filter((r) => r.cases !== undefined);
if (fuzz.length) console.log(`\nFuzz: ${number(sum(fuzz, 'cases'))} generated requests, ${sum(fuzz, 'failed')} failing the run`);
console.log(problems === 0 ? 'CI result: every suite ran and passed.' : `CI result: ${problems} suite(s) failed, ran no test or did not run.`);
// The last lines are the whole run's totals in the two shapes test runners end with (jest's, then pytest's), so that
// whoever reads only the end of the log — a person or a tool — sees how many tests ran, not the last suite's words.
const [failed, skipped, passed] = ['failed', 'skipped', 'passed'].map((key) => sum(tests, key));
const counts = (order) => order.filter(([, n]) => n > 0).map(([word, n]) => `${n} ${word}`);
console.log(`\nTests:       ${[...counts([['failed', failed], ['skipped', skipped], ['passed', passed]]), `${failed + skipped + passed} total`].join(', ')}`);
const seconds = Number(process.env.CI_SECONDS);
// A suite that failed without a failing test counted above (it ran none, did not run, or is the fuzzer, whose failures
// are findings, not tests) counts as an error, as pytest says it: a failed run never ends on a green line.
const errors = rows.filter((r) => r.status !== 'passed' && (r.cases !== undefined || !(r.failed > 0))).length;
const line = `${[...counts([['failed', failed], ['passed', passed], ['skipped', skipped]]), ...(errors ? [`${errors} error${errors === 1 ? '' : 's'}`] : [])].join(', ') || 'no tests ran'}${Number.isFinite(seconds) && seconds > 0 ? ` in ${seconds}s` : ''}`;
const bar = '='.repeat(Math.max(3, Math.floor((78 - line.length) / 2)));
console.log(`${bar} ${line} ${bar}`);
process.exit(problems === 0 ? 0 : 1);
