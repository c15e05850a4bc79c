import type { InvitationDetails } from '@carnet/contracts';
import { invitationSentence } from './invitation';

const invitation = (over: Partial<InvitationDetails>): InvitationDetails => ({
  email: 'lea.roux@exemple.fr',
  displayName: 'Léa Roux',
  role: 'commune_member',
  communeInsee: '95002',
  communeName: 'Ableiges',
  seat: 'collaborator',
  organisationName: null,
  ofDepartement: 'du Val-d’Oise',
  expiresAt: '2026-12-06T10:00:00Z',
  ...over,
});

describe('invitationSentence', () => {
  it('says who is invited to which commune, as what', () => {
    expect(invitationSentence(invitation({}))).toBe(
      'Vous êtes invité·e à rejoindre l’espace de la commune d’Ableiges comme collaborateur.',
    );
    expect(invitationSentence(invitation({ communeName: 'Vigny', seat: 'mayor', role: 'commune_mayor' }))).toBe(
      'Vous êtes invité·e à rejoindre l’espace de la commune de Vigny comme maire.',
    );
  });

  it('names the role and the organisation of a partner', () => {
    expect(
      invitationSentence(
        invitation({ role: 'partner_member', communeInsee: null, communeName: null, seat: null, organisationName: 'CAUE du Val-d’Oise' }),
      ),
    ).toBe('Vous êtes invité·e à rejoindre le Carnet de projets du Val-d’Oise comme partenaire pour CAUE du Val-d’Oise.');
    expect(invitationSentence(invitation({ role: 'departement_agent', communeInsee: null, communeName: null, seat: null }))).toBe(
      'Vous êtes invité·e à rejoindre le Carnet de projets du Val-d’Oise comme agent du Département.',
    );
    expect(invitationSentence(invitation({ role: 'auditor', communeInsee: null, communeName: null, seat: null, ofDepartement: 'des Yvelines' }))).toBe(
      'Vous êtes invité·e à rejoindre le Carnet de projets des Yvelines comme auditeur.',
    );
  });
});
