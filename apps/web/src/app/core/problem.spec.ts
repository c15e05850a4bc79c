import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { CONFLICT_MESSAGE, NETWORK_MESSAGE, toUserError } from './problem';

const problemResponse = (status: number, body: unknown) =>
  new HttpErrorResponse({
    status,
    error: body,
    headers: new HttpHeaders({ 'Content-Type': 'application/problem+json' }),
    url: '/api/projects',
  });

describe('toUserError', () => {
  describe('when the API refuses fields (400 problem+json)', () => {
    it('gives one French message per form field, whatever the path notation', () => {
      const error = toUserError(
        problemResponse(400, {
          type: 'urn:carnet-de-projets:probleme:validation',
          title: 'Certains champs sont invalides',
          status: 400,
          detail: 'Le titre est obligatoire. Le thème est inconnu.',
          errors: [
            { field: 'title', message: 'Le titre est obligatoire.' },
            { field: 'body.theme', message: 'Le thème est inconnu.' },
          ],
        }),
      );
      expect(error.fieldErrors).toEqual({ title: 'Le titre est obligatoire.', theme: 'Le thème est inconnu.' });
      expect(error.message).toBe('Le titre est obligatoire. Le thème est inconnu.');
    });
  });

  describe('when a business rule refuses the command (422 without detail)', () => {
    it('shows the rule in French, next to the field it names', () => {
      const error = toUserError(
        problemResponse(422, {
          type: 'urn:carnet-de-projets:probleme:reason_required',
          title: 'Indiquez pourquoi le projet revient à une étape précédente.',
          status: 422,
          errors: [{ field: 'comment', message: 'Indiquez pourquoi le projet revient à une étape précédente.' }],
        }),
      );
      expect(error.message).toBe('Indiquez pourquoi le projet revient à une étape précédente.');
      expect(error.fieldErrors['comment']).toBe('Indiquez pourquoi le projet revient à une étape précédente.');
    });
  });

  describe('when the body arrives as text', () => {
    it('still reads the problem', () => {
      const error = toUserError(problemResponse(403, JSON.stringify({ type: 'x', title: 'Action non autorisée', status: 403 })));
      expect(error.message).toBe('Action non autorisée');
    });
  });

  describe('when the server cannot be reached', () => {
    it('tells the user their input is kept', () => {
      const error = toUserError(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }));
      expect(error).toEqual({ status: 0, message: NETWORK_MESSAGE, fieldErrors: {} });
    });
  });

  describe('when the server fails without a problem body', () => {
    it('says so in plain French', () => {
      expect(toUserError(problemResponse(502, '<html>Bad gateway</html>')).message).toBe(
        'Une erreur est survenue sur le serveur. Réessayez dans un instant.',
      );
    });
  });

  it('keeps the conflict message the users are told about', () => {
    expect(CONFLICT_MESSAGE).toContain("Ce projet a été modifié entre-temps par quelqu’un d’autre.");
  });
});
