import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The event catalogue of the repository: one JSON Schema per event type and version. */
export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../event-store/schemas');

const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'))) {
  validators.set(file.replace('.schema.json', ''), ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8'))));
}

/** Names of the schemas present, as `<Type>.v<version>`. */
export const schemaNames = (): string[] => [...validators.keys()];

/** Throws with the validation errors when the event's data does not match its schema. */
export function assertMatchesSchema(event: { type: string; schemaVersion: number; data: unknown }): void {
  const validate = validators.get(`${event.type}.v${event.schemaVersion}`);
  if (!validate) throw new Error(`No schema for ${event.type} v${event.schemaVersion} in event-store/schemas`);
  if (!validate(event.data)) {
    throw new Error(`${event.type} v${event.schemaVersion} does not match its schema: ${ajv.errorsText(validate.errors)}`);
  }
}

export function assertMetadataMatchesSchema(metadata: unknown): void {
  const validate = validators.get('metadata.v1')!;
  if (!validate(metadata)) throw new Error(`Metadata does not match its schema: ${ajv.errorsText(validate.errors)}`);
}
