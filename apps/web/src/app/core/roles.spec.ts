import type { ActorRole } from '@carnet/contracts';
import { canCurateDocuments, type Viewer } from './roles';

const viewer = (role: ActorRole, communeInsee: string | null = null): Viewer => ({ role, communeInsee });

describe('roles', () => {
  describe('canCurateDocuments (make public, remove), as the API decides', () => {
    it.each([
      ['the mayor of the project’s commune', true, viewer('commune_mayor', '95002')],
      ['a collaborator of the project’s commune', true, viewer('commune_member', '95002')],
      ['a Département agent', true, viewer('departement_agent')],
      ['the Département’s administrator', true, viewer('departement_admin')],
      ['the mayor of another commune', false, viewer('commune_mayor', '95446')],
      ['a collaborator of another commune', false, viewer('commune_member', '95446')],
      ['a partner, even involved in the project', false, viewer('partner_member')],
      ['an auditor', false, viewer('auditor')],
    ])('%s may: %s', (_who, allowed, person) => expect(canCurateDocuments(person, '95002')).toBe(allowed));

    it('refuses when nobody is logged in', () => expect(canCurateDocuments(null, '95002')).toBe(false));
  });
});
