import { projectPath, type NotificationItem } from '@carnet/contracts';
import type { Mail } from '../identity/mailer.js';

const FOOTER = (publicUrl: string) =>
  [
    '',
    '—',
    'Carnet de projets du Département.',
    `Pour recevoir moins ou plus d’e-mails, ou aucun : ${publicUrl}/mon-compte`,
  ].join('\n');

/** One e-mail for one notification (mode « immediate »). */
export function immediateMail(to: string, item: NotificationItem, publicUrl: string): Mail {
  return {
    to,
    subject: `${item.projectTitle} (${item.communeName}) : ${item.text}`,
    text: [
      'Bonjour,',
      '',
      `Projet « ${item.projectTitle} » (${item.communeName}) :`,
      item.text,
      '',
      `Voir le projet : ${publicUrl}${item.link}`,
      FOOTER(publicUrl),
    ].join('\n'),
  };
}

/** The daily digest: every notification not yet read since the last digest, grouped by project. */
export function digestMail(to: string, items: NotificationItem[], publicUrl: string, dayLabel: string): Mail {
  const byProject = new Map<string, NotificationItem[]>();
  for (const item of [...items].sort((a, b) => a.position - b.position)) {
    byProject.set(item.projectId, [...(byProject.get(item.projectId) ?? []), item]);
  }
  const lines = ['Bonjour,', '', `Voici ce qui s’est passé sur vos projets (${items.length} ${items.length > 1 ? 'nouveautés' : 'nouveauté'}) :`];
  for (const group of byProject.values()) {
    const first = group[0];
    lines.push('', `Projet « ${first.projectTitle} » (${first.communeName})`);
    for (const item of group) lines.push(`  - ${item.text}`);
    // One link per project: to the section when every news of the project is there, else to the project.
    const link = group.every((item) => item.link === first.link) ? first.link : projectPath(first.projectId);
    lines.push(`  Voir le projet : ${publicUrl}${link}`);
  }
  lines.push('', `Toutes vos notifications : ${publicUrl}/notifications`, FOOTER(publicUrl));
  return {
    to,
    subject: `Vos projets : ${byProject.size} ${byProject.size > 1 ? 'projets ont bougé' : 'projet a bougé'} — récapitulatif du ${dayLabel}`,
    text: lines.join('\n'),
  };
}
