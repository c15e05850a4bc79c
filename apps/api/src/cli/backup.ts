/**
 * `npm run backup -- <folder>`: an online backup of DATA_DIR (embedded engines) into an empty folder,
 * while the server keeps running (ADR 0022). Exit code 0 when done, 1 when refused, 2 when the log
 * or a document does not check out. KurrentDB and MongoDB have their own tools: see the README.
 */
import { loadConfig } from '../config.js';
import { backup, BackupError } from './backup-restore.js';

const target = process.argv[2];
const config = loadConfig();
try {
  if (!target) throw new BackupError('Usage : npm run backup -- <dossier de sauvegarde vide>');
  if (config.eventStore.engine !== 'sqlite' || config.readStore.engine !== 'sqlite') {
    throw new BackupError('KURRENTDB_URL ou MONGO_URL est défini : sauvegardez ces moteurs avec leurs propres outils (voir « Sauvegarde » dans le README).');
  }
  const manifest = await backup(config.dataDir, target, (line) => process.stderr.write(`${line}\n`));
  process.stderr.write(`Sauvegarde complète : ${manifest.events} événements (position ${manifest.head}), ${manifest.documents} documents.\n`);
  process.stdout.write(`${JSON.stringify({ head: manifest.head, anchor: `${manifest.anchor.position}:${manifest.anchor.headsHash}`, files: manifest.files.length })}\n`);
} catch (error) {
  process.stderr.write(`Sauvegarde impossible : ${(error as Error).message}\n`);
  process.exitCode = error instanceof BackupError ? error.exitCode : 1;
}
