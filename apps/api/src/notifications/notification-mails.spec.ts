import type { NotificationItem } from '@carnet/contracts';
import { digestMail, immediateMail } from './notification-mails.js';

const item = (position: number, projectId: string, link: string): NotificationItem => ({
  id: `n${position}`, position, at: '2026-11-02T08:00:00.000Z', projectId, projectTitle: `Projet ${projectId}`, communeName: 'Ableiges',
  text: 'Sophie Bernard a répondu à une question.', link, read: false,
});

describe('the links of notification e-mails', () => {
  it('sends an immediate e-mail straight to the section, and the question, it is about', () => {
    const mail = immediateMail('a@example.org', item(1, 'p1', '/projets/p1/questions#question-q1'), 'https://carnet.example');
    expect(mail.text).toContain('Voir le projet : https://carnet.example/projets/p1/questions#question-q1');
  });

  it('links a digest’s project to its section when all its news are there, else to the project', () => {
    const mail = digestMail(
      'a@example.org',
      [item(1, 'p1', '/projets/p1/questions#question-q1'), item(2, 'p1', '/projets/p1/questions#question-q1'), item(3, 'p2', '/projets/p2/documents'), item(4, 'p2', '/projets/p2/publication')],
      'https://carnet.example',
      '2 novembre',
    );
    expect(mail.text).toContain('Voir le projet : https://carnet.example/projets/p1/questions#question-q1');
    expect(mail.text).toContain('Voir le projet : https://carnet.example/projets/p2\n');
  });
});
