/**
 * `npm run audit:verify`: walks the whole event log, recomputes every event's hash and every anchor
 * (ADR 0008), and says whether the log is intact or names the first event that does not match.
 * Exit code 0 when intact, 2 when tampered, 1 when the check could not run.
 *
 *   --expect <position>:<headsHash>   also check an anchor exported earlier (repeatable)
 *   --anchor                          after a successful check, record an anchor and print it for export
 *                                     (`npm run audit:anchor`; a deployment runs it daily from cron)
 */
import { LogTamperedError, recordAnchor, verifyLog, type ExternalAnchor, type VerifyProgress, type VerifyReport } from '@carnet/event-store';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../config.js';
import { openEventStore } from '../infrastructure/engines.js';

const fmt = (n: number) => n.toLocaleString('fr-FR');

function parseArgs(argv: string[]): { anchor: boolean; expected: ExternalAnchor[] } {
  const expected: ExternalAnchor[] = [];
  let anchor = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--anchor') anchor = true;
    else if (argv[i] === '--expect') {
      const match = /^(\d+):([0-9a-f]{64})$/.exec(argv[++i] ?? '');
      if (!match) throw new Error('--expect attend <position>:<empreinte des têtes> (64 caractères hexadécimaux)');
      expected.push({ position: Number(match[1]), headsHash: match[2] });
    } else throw new Error(`Option inconnue : ${argv[i]}`);
  }
  return { anchor, expected };
}

function progress(): (p: VerifyProgress) => void {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return (p) => {
    const ratio = p.headPosition === 0 ? 1 : Math.min(1, p.position / p.headPosition);
    const line = `Vérification : ${String(Math.round(ratio * 100)).padStart(3)} %  ${fmt(p.eventsChecked)} événements`;
    if (tty) process.stderr.write(`\r${line}`);
    else if (Math.floor(ratio * 10) !== lastTenth) {
      lastTenth = Math.floor(ratio * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

const REASONS = {
  content: 'son contenu ne donne plus l’empreinte enregistrée',
  chain: 'son lien vers l’événement précédent du flux est rompu',
  'revision gap': 'une révision du flux manque ou est déplacée juste avant lui',
  anchor: 'l’ancre ne correspond plus aux têtes des flux recalculées',
} as const;

/** The French verdict printed on stdout. */
function verdict(report: VerifyReport): string {
  const m = report.firstMismatch;
  if (m) {
    return (
      `ALTÉRATION DÉTECTÉE à la position ${m.position} (flux ${m.streamId}, révision ${m.revision}, type ${m.type}) : ${REASONS[m.reason]}. ` +
      `Empreinte recalculée ${m.expectedHash || '—'}, enregistrée ${m.storedHash || '—'}.`
    );
  }
  if (report.anchors.failed > 0) {
    const f = report.anchors.failures[0];
    return (
      `ALTÉRATION DÉTECTÉE : l’ancre de la position ${f.anchoredPosition}${f.source === 'external' ? ' (exportée)' : ''} ne correspond plus au journal` +
      (f.recomputedHeadsHash === null ? ' : le journal s’arrête avant cette position.' : ` (recalculée ${f.recomputedHeadsHash}, ancrée ${f.anchoredHeadsHash}).`)
    );
  }
  return `Journal intègre : ${fmt(report.eventsChecked)} événements vérifiés, ${fmt(report.anchors.checked)} ancres (${fmt(report.streams)} flux, position ${report.headPosition}).`;
}

const { anchor, expected } = parseArgs(process.argv.slice(2));
const config = loadConfig();
const events = openEventStore(config);
const started = performance.now();
const tty = process.stderr.isTTY;
try {
  process.stderr.write(`Vérification du journal (${events.engine})\n`);
  if (anchor) {
    const recorded = await recordAnchor(
      events,
      {
        actorId: 'audit-cli',
        actorRole: 'system',
        actorCommune: null,
        correlationId: randomUUID(),
        causationId: randomUUID(),
        commandId: randomUUID(),
        recordedAt: new Date().toISOString(),
      },
      { onProgress: progress(), anchors: expected },
    );
    process.stderr.write(`${tty ? '\n' : ''}Journal intègre jusqu’à la position ${recorded.position}. Ancre enregistrée à la position ${recorded.eventPosition}.\n`);
    process.stderr.write('À conserver hors du serveur (vérifiable plus tard avec « npm run audit:verify -- --expect <position>:<empreinte> ») :\n');
    process.stdout.write(`${JSON.stringify({ position: recorded.position, streams: recorded.streams, headsHash: recorded.headsHash, recordedAt: recorded.recordedAt })}\n`);
    process.exitCode = 0;
  } else {
    const report = await verifyLog(events, { onProgress: progress(), anchors: expected });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`${tty ? '\n' : ''}${fmt(report.eventsChecked)} événements en ${seconds.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s.\n`);
    process.stdout.write(`${verdict(report)}\n`);
    if (report.ok) process.stdout.write(`Têtes des flux à la position ${report.headPosition} : ${report.headsHash}\n`);
    process.exitCode = report.ok ? 0 : 2;
  }
} catch (error) {
  if (error instanceof LogTamperedError) {
    process.stdout.write(`${tty ? '\n' : ''}${verdict(error.report)}\nAucune ancre enregistrée.\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`\nVérification impossible : ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
} finally {
  await events.close();
}
