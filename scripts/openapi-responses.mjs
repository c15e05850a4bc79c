#!/usr/bin/env node
/*
 * Writes apps/api/src/shared/openapi-responses.generated.ts: the JSON Schema of what every HTTP controller
 * method returns, read from its declared TypeScript return type (the shared types of libs/contracts), keyed by the
 * OpenAPI operationId Nest gives it (`<Controller>_<method>`). The server merges it into /api/openapi.json, so that
 * every 2xx body is declared without a hand-written copy of each type (ADR 0021). Run after changing a controller's
 * return type or a contract type: `npm run openapi:responses`; a test fails while the file is out of date.
 *
 *   node scripts/openapi-responses.mjs          write the file
 *   node scripts/openapi-responses.mjs --check  exit 1 if the file is not what it would write
 */
import { createGenerator } from 'ts-json-schema-generator';
import ts from 'typescript';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'apps/api/src');
const target = join(src, 'shared/openapi-responses.generated.ts');
const WRAP = 'Operation__';
const HTTP = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

const controllers = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.controller.ts')) controllers.push(path);
  }
})(src);
controllers.sort();

const decoratorsOf = (node) => (ts.canHaveDecorators(node) ? ts.getDecorators(node) ?? [] : []);
const decoratorName = (d) => (ts.isCallExpression(d.expression) ? d.expression.expression.getText() : d.expression.getText());

/** Methods answering HTTP whose body is their return value (not those writing the response themselves with @Res()). */
function operations(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name || !decoratorsOf(statement).some((d) => decoratorName(d) === 'Controller')) continue;
    for (const member of statement.members) {
      if (!ts.isMethodDeclaration(member) || !decoratorsOf(member).some((d) => HTTP.has(decoratorName(d)))) continue;
      const writesItself = member.parameters.some((p) =>
        decoratorsOf(p).some((d) => decoratorName(d) === 'Res' && !/passthrough\s*:\s*true/.test(d.getText())),
      );
      const returned = member.type?.getText() ?? 'unknown';
      const body = /^Promise<([\s\S]*)>$/.exec(returned)?.[1] ?? returned;
      found.push({ operationId: `${statement.name.text}_${member.name.getText()}`, body: writesItself ? null : body.replace(/\s*\|\s*undefined$/, '') });
    }
  }
  return { source, found };
}

// Inside the repository, so that the workspace packages (@carnet/contracts…) resolve as they do for the controllers.
mkdirSync(join(root, '.tmp'), { recursive: true });
const work = mkdtempSync(join(root, '.tmp', 'openapi-responses-'));
const files = [];
const result = { operations: {}, schemas: {} };
for (const file of controllers) {
  const { source, found } = operations(file);
  const typed = found.filter((o) => o.body && o.body !== 'void');
  for (const o of found) if (!o.body || o.body === 'void') result.operations[o.operationId] = null;
  if (!typed.length) continue;
  // The controller's own type imports, so that its return types mean the same here.
  const imports = source.statements
    .filter(ts.isImportDeclaration)
    .map((i) => {
      const spec = i.moduleSpecifier.text;
      const from = spec.startsWith('.') ? resolve(dirname(file), spec) : spec;
      return i.getText().replace(/^import\s+(?!type)/, 'import type ').replace(/(['"])[^'"]+\1\s*;?\s*$/, `'${from}';`);
    })
    .filter((line) => /\{/.test(line));
  // …and the types the controller file declares itself.
  const own = source.statements
    .filter((st) => (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((st) => st.name.text);
  if (own.length) imports.push(`import type { ${own.join(', ')} } from '${file.replace(/\.ts$/, '.js')}';`);
  // One interface per controller whose properties are its operations' bodies; AllOperations extends them all.
  const name = `${WRAP}${files.length}`;
  const path = join(work, `${files.length}.ts`);
  writeFileSync(path, `${imports.join('\n')}\nexport interface ${name} {\n${typed.map((o) => `  ${o.operationId}: ${o.body};`).join('\n')}\n}\n`);
  files.push(path);
  for (const o of typed) result.operations[o.operationId] = o.operationId;
}
writeFileSync(
  join(work, 'index.ts'),
  `${files.map((_, i) => `import type { ${WRAP}${i} } from './${i}.js';`).join('\n')}\nexport interface AllOperations extends ${files.map((_, i) => `${WRAP}${i}`).join(', ')} {}\n`,
);
writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ extends: join(root, 'tsconfig.base.json'), compilerOptions: { noEmit: true, composite: false, declaration: false }, include: ['*.ts'] }));
const generator = createGenerator({
  path: join(work, 'index.ts'),
  tsconfig: join(work, 'tsconfig.json'),
  type: 'AllOperations',
  expose: 'export',
  topRef: false,
  jsDoc: 'extended',
  skipTypeCheck: true,
  additionalProperties: true,
});
const schema = generator.createSchema('AllOperations');
if (!process.env.KEEP_WORK) rmSync(work, { recursive: true, force: true }); else console.error(work);

// OpenAPI 3 keeps its schemas under components/schemas; names are prefixed so as not to meet the DTO classes'.
const rename = (name) => `Contract_${decodeURIComponent(name).replace(/[^A-Za-z0-9_.-]/g, '_')}`;
const rewrite = (value) =>
  Array.isArray(value)
    ? value.map(rewrite)
    : value && typeof value === 'object'
      ? toOpenApi30(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' ? `#/components/schemas/${rename(v.replace('#/definitions/', ''))}` : rewrite(v)])))
      : value;

/** JSON Schema draft 7 → the OpenAPI 3.0 schema dialect @nestjs/swagger writes: no `const`, no `null` type (`nullable`). */
// 3.0 has no null type: `nullable` needs a `type` beside it, hence this alternative accepting null only.
const NULL_ONLY = { type: 'object', nullable: true, enum: [null] };
function toOpenApi30(schema) {
  const out = { ...schema };
  if ('const' in out) {
    out.enum = [out.const];
    delete out.const;
  }
  if (Array.isArray(out.type)) {
    const types = out.type.filter((t) => t !== 'null');
    const nullable = types.length < out.type.length;
    if (types.length === 1) {
      out.type = types[0];
      if (nullable) out.nullable = true;
    } else {
      delete out.type;
      out.anyOf = [...types.map((type) => ({ type })), ...(nullable ? [NULL_ONLY] : [])];
    }
  }
  for (const key of ['anyOf', 'oneOf']) {
    if (!Array.isArray(out[key])) continue;
    const rest = out[key].filter((s) => s.type !== 'null');
    if (rest.length === out[key].length) continue;
    if (rest.length === 1 && !rest[0].$ref && rest[0].type) {
      delete out[key];
      Object.assign(out, rest[0], { nullable: true });
    } else out[key] = [...rest, NULL_ONLY];
  }
  return out;
}
for (const [name, definition] of Object.entries(schema.definitions ?? {})) {
  result.schemas[rename(name)] = rewrite(definition);
}
// The root type (topRef: false) is the document itself: one property per operation.
for (const [id, body] of Object.entries(schema.properties ?? {})) result.operations[id] = rewrite(body);
const missing = Object.entries(result.operations).filter(([, body]) => typeof body === 'string');
if (missing.length) throw new Error(`no schema for ${missing.map(([id]) => id).join(', ')}`);
result.operations = Object.fromEntries(Object.entries(result.operations).sort(([a], [b]) => a.localeCompare(b)));
result.schemas = Object.fromEntries(Object.entries(result.schemas).sort(([a], [b]) => a.localeCompare(b)));

const text =
  `// Generated by scripts/openapi-responses.mjs from the controllers' return types: do not edit (npm run openapi:responses).\n` +
  `import type { GeneratedResponses } from './openapi-contract.js';\n\n` +
  `export const GENERATED_RESPONSES: GeneratedResponses = ${JSON.stringify(result, null, 1)};\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    console.error(`${relative(root, target)} is out of date: run npm run openapi:responses`);
    process.exit(1);
  }
  console.log(`${relative(root, target)} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`${relative(root, target)}: ${Object.keys(result.operations).length} operations, ${Object.keys(result.schemas).length} schemas`);
}
