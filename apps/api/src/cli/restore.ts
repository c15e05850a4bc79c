/**
 * `npm run restore -- <folder>`: restores a backup made by `npm run backup` into an empty DATA_DIR,
 * checks every file against the manifest, verifies the log against the manifest's anchor and
 * rebuilds the read models (ADR 0022). Exit code 0 when done, 1 when refused, 2 when the backup
 * does not check out.
 */
import { loadConfig } from '../config.js';
import { BackupError, restore } from './backup-restore.js';

const folder = process.argv[2];
const config = loadConfig();
try {
  if (!folder) throw new BackupError('Usage : npm run restore -- <dossier de sauvegarde>');
  if (config.eventStore.engine !== 'sqlite' || config.readStore.engine !== 'sqlite') {
    throw new BackupError('KURRENTDB_URL ou MONGO_URL est défini : restaurez ces moteurs avec leurs propres outils (voir « Sauvegarde » dans le README).');
  }
  const { manifest } = await restore(folder, config.dataDir, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`Restauration terminée dans ${config.dataDir} : journal jusqu’à la position ${manifest.head}, ${manifest.documents} documents.\n`);
} catch (error) {
  process.stderr.write(`Restauration impossible : ${(error as Error).message}\n`);
  process.exitCode = error instanceof BackupError ? error.exitCode : 1;
}
