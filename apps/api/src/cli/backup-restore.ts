/**
 * Online backup and restore of the embedded engines (ADR 0022): the three SQLite databases copied
 * with `VACUUM INTO` (one read transaction each: a consistent snapshot while the server writes), the
 * log checked and its heads hashed, then the document files the backed-up log refers to, and a
 * manifest with the head, the anchor and the size and SHA-256 of every file, written last.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { SqliteEventStore, verifyLog } from '@carnet/event-store';
import { SqliteReadStore, rebuildReadModels } from '@carnet/read-store';
import { ALL_PROJECTIONS } from '../infrastructure/projections.js';

export const MANIFEST = 'manifest.json';
const DATABASES = ['events.sqlite', 'read-models.sqlite', 'accounts.sqlite'] as const;
const DOCUMENT_EVENTS = ['DocumentAdded', 'DocumentVersionAdded'];

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: 'carnet-backup/1';
  createdAt: string;
  /** Position of the last event in the backed-up log. */
  head: number;
  /** What `npm run audit:verify -- --expect <position>:<headsHash>` checks after a restore. */
  anchor: { position: number; headsHash: string };
  events: number;
  documents: number;
  files: ManifestFile[];
}

/** Thrown for a refusal the person can act on (exit code 1) or a backup that does not check out (exit code 2). */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Takes a backup of `dataDir` into `target` (absent or empty) while the server may be running. */
export async function backup(dataDir: string, target: string, log: (line: string) => void): Promise<BackupManifest> {
  const source = resolve(dataDir);
  const into = resolve(target);
  if (!existsSync(join(source, 'events.sqlite'))) throw new BackupError(`Aucun journal dans ${source} (events.sqlite) : vérifiez DATA_DIR.`);
  if (!isEmptyDir(into)) throw new BackupError(`Le dossier de sauvegarde ${into} n’est pas vide : choisissez un dossier neuf.`);
  if (into === source || into.startsWith(`${source}/`)) throw new BackupError('Le dossier de sauvegarde ne peut pas être dans DATA_DIR.');
  mkdirSync(into, { recursive: true });

  // The log first: its snapshot decides which documents belong to the backup.
  for (const name of DATABASES) {
    const file = join(source, name);
    if (!existsSync(file)) continue;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      db.prepare('VACUUM INTO ?').run(join(into, name));
    } finally {
      db.close();
    }
    log(`Base copiée : ${name}`);
  }

  // The copy is checked as a whole and its heads hashed: the anchor a restore is verified against.
  const events = new SqliteEventStore({ filename: join(into, 'events.sqlite'), writer: 'inline' });
  let report;
  const blobs = new Map<string, string>();
  try {
    report = await verifyLog(events);
    if (!report.ok) throw new BackupError(`Le journal ne se vérifie pas (position ${report.firstMismatch?.position ?? '?'}) : sauvegarde abandonnée, lancez « npm run audit:verify ».`, 2);
    for (let after = 0; ; ) {
      const page = await events.readAll({ after, maxCount: 5000 });
      if (page.length === 0) break;
      for (const event of page) {
        if (!DOCUMENT_EVENTS.includes(event.type)) continue;
        const data = event.data as { blobKey: string; sha256: string };
        blobs.set(data.blobKey, data.sha256);
      }
      after = page[page.length - 1].position;
    }
  } finally {
    await events.close();
  }
  // SQLite leaves no -wal/-shm next to a closed copy; nothing else may sit beside the databases.
  for (const name of readdirSync(into)) if (/-(wal|shm)$/.test(name)) throw new BackupError(`Fichier inattendu dans la sauvegarde : ${name}`);

  // Documents are stored before the events that name them: every one the snapshot names exists.
  for (const [key, sha256] of blobs) {
    const relativePath = join('documents', key.slice(0, 2), key);
    const from = join(source, relativePath);
    if (!existsSync(from)) throw new BackupError(`Document ${key} nommé par le journal, absent de ${dirname(from)}.`, 2);
    mkdirSync(dirname(join(into, relativePath)), { recursive: true });
    await copyFile(from, join(into, relativePath));
    const copied = await sha256Of(join(into, relativePath));
    if (copied !== sha256) throw new BackupError(`Document ${key} altéré : SHA-256 ${copied} au lieu de ${sha256}.`, 2);
  }
  log(`Documents copiés : ${blobs.size}`);

  const files: ManifestFile[] = [];
  for (const path of listFiles(into)) files.push({ path, size: statSync(join(into, path)).size, sha256: await sha256Of(join(into, path)) });
  const manifest: BackupManifest = {
    format: 'carnet-backup/1',
    createdAt: new Date().toISOString(),
    head: report.headPosition,
    anchor: { position: report.headPosition, headsHash: report.headsHash },
    events: report.eventsChecked,
    documents: blobs.size,
    files,
  };
  // Written last, under its final name by a rename: a backup with a manifest is a complete one.
  writeFileSync(join(into, `${MANIFEST}.tmp`), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(join(into, `${MANIFEST}.tmp`), join(into, MANIFEST));
  return manifest;
}

function listFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(root, path));
    else if (entry.name !== MANIFEST) out.push(relative(root, path));
  }
  return out.sort();
}

/** Checks every file of a backup against its manifest; throws on the first that differs. */
export async function checkBackup(folder: string): Promise<BackupManifest> {
  const from = resolve(folder);
  const manifestFile = join(from, MANIFEST);
  if (!existsSync(manifestFile)) throw new BackupError(`Pas de ${MANIFEST} dans ${from} : ce n’est pas une sauvegarde complète.`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  if (manifest.format !== 'carnet-backup/1') throw new BackupError(`Format de sauvegarde inconnu : ${String(manifest.format)}`);
  for (const file of manifest.files) {
    const path = join(from, file.path);
    if (!existsSync(path)) throw new BackupError(`Fichier manquant dans la sauvegarde : ${file.path}`, 2);
    const size = statSync(path).size;
    if (size !== file.size) throw new BackupError(`${file.path} : ${size} octets au lieu de ${file.size}.`, 2);
    const sha256 = await sha256Of(path);
    if (sha256 !== file.sha256) throw new BackupError(`${file.path} : SHA-256 ${sha256} au lieu de ${file.sha256}.`, 2);
  }
  return manifest;
}

/**
 * Restores a backup into an empty `dataDir`: checks every file against the manifest first, copies
 * them, verifies the restored log against the manifest's anchor, then rebuilds the read models.
 */
export async function restore(folder: string, dataDir: string, log: (line: string) => void): Promise<{ manifest: BackupManifest; eventsChecked: number }> {
  const into = resolve(dataDir);
  if (!isEmptyDir(into)) throw new BackupError(`DATA_DIR (${into}) n’est pas vide : une restauration se fait dans un dossier vide, rien n’a été modifié.`);
  const manifest = await checkBackup(folder);
  log(`Sauvegarde vérifiée : ${manifest.files.length} fichiers, journal jusqu’à la position ${manifest.head}.`);
  mkdirSync(into, { recursive: true });
  for (const file of manifest.files) {
    mkdirSync(dirname(join(into, file.path)), { recursive: true });
    await copyFile(join(resolve(folder), file.path), join(into, file.path));
  }
  mkdirSync(join(into, 'documents'), { recursive: true });
  const events = new SqliteEventStore({ filename: join(into, 'events.sqlite'), writer: 'inline' });
  const reads = new SqliteReadStore(join(into, 'read-models.sqlite'));
  try {
    const report = await verifyLog(events, { anchors: [manifest.anchor] });
    if (!report.ok || report.headPosition !== manifest.head) {
      throw new BackupError(`Le journal restauré ne correspond pas à l’ancre de la sauvegarde (position ${manifest.anchor.position}).`, 2);
    }
    log(`Journal restauré intègre : ${report.eventsChecked} événements, ancre ${manifest.anchor.position}:${manifest.anchor.headsHash}.`);
    const rebuilt = await rebuildReadModels(events, reads, ALL_PROJECTIONS);
    log(`Lectures reconstruites : génération ${rebuilt.generation}, position ${rebuilt.position}.`);
    return { manifest, eventsChecked: report.eventsChecked };
  } finally {
    await events.close();
    await reads.close();
  }
}
