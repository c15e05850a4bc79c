import { formMessage } from './project-store';

describe('formMessage — the message above a refused form', () => {
  it('is the summary when the server’s sentence already stands next to a field', () => {
    const refused = { file: 'Ce type de fichier n’est pas accepté. Déposez un PDF, une photo (JPEG, PNG, WebP)…' };
    expect(formMessage('Déposez un PDF, une photo (JPEG, PNG, WebP)…', refused)).toBe('Un champ est à corriger.');
    expect(formMessage('Le titre est obligatoire.', { title: 'Le titre est obligatoire.', file: 'Choisissez un fichier.' })).toBe('Des champs sont à corriger.');
  });

  it('is the server’s own sentence when no field says it (a rule of the project, a conflict)', () => {
    expect(formMessage('Le projet est clos : il ne reçoit plus de document.', {})).toBe('Le projet est clos : il ne reçoit plus de document.');
    expect(formMessage('Certains champs sont invalides.', { title: 'Le titre dépasse 160 caractères.' })).toBe('Certains champs sont invalides.');
  });
});
