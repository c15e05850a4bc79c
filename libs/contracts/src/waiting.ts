/*
 * How long a question has waited for the Département: one definition, shown the same on the
 * commune's dashboard, in « À traiter » and on the project page, and used for « En retard ».
 *
 * A question waits from when it was asked or, once answered or closed and then reopened, from its
 * last reopening: from then on the commune waits again for an answer (ADR 0010, `waitingSince`).
 * An answered or closed question does not wait.
 */

const DAY_MS = 86_400_000;

/** Whole days a question has waited since `waitingSince` at `now` (0 for less than a day). */
export function waitingDays(waitingSince: string, now: Date | string): number {
  const ms = new Date(now).getTime() - Date.parse(waitingSince);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / DAY_MS) : 0;
}

/** « moins d’un jour », « 1 jour », « 110 jours ». */
export function waitingDuration(days: number): string {
  const d = Math.floor(days);
  if (d < 1) return 'moins d’un jour';
  return `${d.toLocaleString('fr-FR')} jour${d > 1 ? 's' : ''}`;
}

/**
 * When a question started waiting, from its statuses over time (oldest first): the moment it last
 * became open (asked, or reopened after an answer or a close); null when it does not wait now.
 */
export function waitingSinceOf(transitions: ReadonlyArray<{ at: string; status: string }>): string | null {
  const open = (s: string) => s === 'nouvelle' || s === 'prise_en_charge';
  let since: string | null = null;
  for (const t of transitions) {
    if (!open(t.status)) since = null;
    else if (since === null) since = t.at;
  }
  return since;
}
