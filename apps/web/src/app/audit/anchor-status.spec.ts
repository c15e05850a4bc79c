import { anchorPolicyText } from './anchor-status';

describe('anchorPolicyText', () => {
  it('says when the server records anchors, in French', () => {
    expect(anchorPolicyText({ atStartup: true, everyEvents: 1000, everyMinutes: 60 })).toBe(
      `Le serveur enregistre une ancre à chaque démarrage, tous les ${(1000).toLocaleString('fr-FR')} événements et toutes les 60 minutes, si le journal a changé.`,
    );
    expect(anchorPolicyText({ atStartup: false, everyEvents: 0, everyMinutes: 30 })).toBe('Le serveur enregistre une ancre toutes les 30 minutes, si le journal a changé.');
  });

  it('points to the scheduled task when the server records none itself', () => {
    expect(anchorPolicyText({ atStartup: false, everyEvents: 0, everyMinutes: 0 })).toContain('npm run audit:anchor');
  });
});
