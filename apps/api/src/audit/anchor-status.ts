import type { AnchorStatus } from '@carnet/contracts';
import type { LatestAnchor } from '../infrastructure/anchor-scheduler.js';

const count = (n: number, word: string) => `${n.toLocaleString('fr-FR')} ${word}${n > 1 ? 's' : ''}`;

/** « il y a 3 minutes », « il y a 2 heures », « il y a 5 jours »; « à l’instant » under a minute. */
export function ageText(seconds: number): string {
  if (seconds < 60) return 'à l’instant';
  if (seconds < 3600) return `il y a ${count(Math.floor(seconds / 60), 'minute')}`;
  if (seconds < 86_400) return `il y a ${count(Math.floor(seconds / 3600), 'heure')}`;
  return `il y a ${count(Math.floor(seconds / 86_400), 'jour')}`;
}

/** The audit area's view of the last anchor: its age, what it seals, and what is not sealed yet. */
export function anchorStatus(latest: LatestAnchor | null, headPosition: number, now: Date, policy: AnchorStatus['policy']): AnchorStatus {
  if (!latest) {
    return { latest: null, headPosition, policy, summary: 'Aucune ancre n’a encore été enregistrée : le journal n’est pas encore scellé.' };
  }
  const ageSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(latest.recordedAt)) / 1000));
  const eventsSince = Math.max(0, headPosition - latest.eventPosition);
  const sealed = `elle scelle les ${count(latest.position, 'premier')} événement${latest.position > 1 ? 's' : ''} du journal`;
  const since = eventsSince === 0 ? 'aucun événement depuis' : `${count(eventsSince, 'événement')} depuis, pas encore scellé${eventsSince > 1 ? 's' : ''}`;
  return {
    latest: { ...latest, ageSeconds, eventsSince },
    headPosition,
    policy,
    summary: `Dernière ancre ${ageText(ageSeconds)} : ${sealed} (${since}).`,
  };
}
