import { eventTypeLabel, type AuditMismatch, type LogVerification } from '@carnet/contracts';
import { verifyLog, type EventStore, type MismatchReason } from '@carnet/event-store';

const plural = (n: number, word: string) => `${n.toLocaleString('fr-FR')} ${word}${n > 1 ? 's' : ''}`;

const REASONS: Record<MismatchReason, string> = {
  content: 'son contenu ne correspond plus à son empreinte',
  chain: 'son lien avec l’événement précédent de son flux est rompu',
  'revision gap': 'un événement de son flux manque ou a été déplacé',
  anchor: 'une ancre enregistrée ne correspond plus au journal',
};

/**
 * Runs the event store's own verifier (`verifyLog` of @carnet/event-store, ADR 0008) over the whole
 * log and says the verdict in French. The audit area never re-implements the chain: it reports it.
 */
export async function verifyWholeLog(store: EventStore, now: Date): Promise<LogVerification> {
  const report = await verifyLog(store);
  const m = report.firstMismatch;
  const mismatch: AuditMismatch | null = m
    ? { position: m.position, streamId: m.streamId, revision: m.revision, type: m.type, reason: REASONS[m.reason] ?? m.reason }
    : null;
  const ok = report.ok && !mismatch;
  return {
    ok,
    eventsChecked: report.eventsChecked,
    firstMismatch: mismatch,
    checkedAt: now.toISOString(),
    summary: summarise(ok, report.eventsChecked, mismatch, report.anchors.failed),
  };
}

export function summarise(ok: boolean, eventsChecked: number, mismatch: AuditMismatch | null, anchorsFailed = 0): string {
  if (ok) return `Journal intègre : ${plural(eventsChecked, 'événement')} vérifié${eventsChecked > 1 ? 's' : ''}.`;
  if (!mismatch) {
    return anchorsFailed
      ? `Journal altéré : ${plural(anchorsFailed, 'ancre')} ne correspond${anchorsFailed > 1 ? 'ent' : ''} plus au journal (${plural(eventsChecked, 'événement')} vérifié${eventsChecked > 1 ? 's' : ''}).`
      : `Journal altéré : la vérification a échoué après ${plural(eventsChecked, 'événement')}.`;
  }
  const label = eventTypeLabel(mismatch.type);
  return `Journal altéré : l’événement n° ${mismatch.position} (« ${label} », flux ${mismatch.streamId}, révision ${mismatch.revision}) : ${mismatch.reason}.`;
}
