import { describe, expect, it } from '@jest/globals';
import { MAX_BODY_DEPTH, guardBody } from './input-guard.js';
import { ProblemException } from './problem.js';

/** The problem guardBody throws for a body (or for a single value named `name`, as a query parameter). */
const problemOf = (body: unknown, name?: string) => {
  try {
    guardBody(body, name);
  } catch (error) {
    return (error as ProblemException).toProblem('/x');
  }
  throw new Error('accepted');
};

describe('guardBody', () => {
  describe('when the body is well-formed', () => {
    it('normalises texts to NFC and line ends to \\n, keeping tabs', () => {
      const body = { title: 'Pre\u0301au', items: [{ text: 'a\r\nb\rc\td' }] };
      expect(guardBody(body)).toEqual({ title: 'Préau', items: [{ text: 'a\nb\nc\td' }] });
    });

    it('keeps as typed a text that NFC would make longer, so that it stays within its field’s announced length', () => {
      // U+0958 (Devanagari qa) is one character that NFC writes as two.
      expect(guardBody({ q: '\u0958'.repeat(3) })).toEqual({ q: '\u0958'.repeat(3) });
      expect(guardBody({ q: 'Pre\u0301au \u0958\u0958' })).toEqual({ q: 'Pre\u0301au \u0958\u0958' });
      // Not longer in all (é composed, qa decomposed): normalised.
      expect(guardBody({ q: 'Pre\u0301au \u0958' })).toEqual({ q: 'Préau \u0915\u093C' });
      expect(guardBody({ q: 'Pre\u0301au\r\n' })).toEqual({ q: 'Préau\n' });
    });

    it('keeps passwords byte for byte', () => {
      expect(guardBody({ password: 'Pre\u0301au\r\n', newPassword: 'e\u0301' })).toEqual({ password: 'Pre\u0301au\r\n', newPassword: 'e\u0301' });
    });

    it('accepts emoji (surrogate pairs) and nesting up to the limit', () => {
      expect(guardBody({ t: 'Fête 🎉' })).toEqual({ t: 'Fête 🎉' });
      let deep: unknown = 'x';
      for (let i = 1; i < MAX_BODY_DEPTH; i++) deep = [deep];
      expect(() => guardBody(deep)).not.toThrow();
    });
  });

  describe('when the body is malformed', () => {
    it('refuses nesting beyond the limit without recursion, even 100 000 levels', () => {
      const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
      expect(problemOf(deep)).toMatchObject({ status: 400, type: 'urn:carnet-de-projets:probleme:too_deep' });
    });

    it('names every field at fault, nested ones with their path', () => {
      const body = JSON.parse('{"title":"a\\u0000","funding":[{"source":"\\ud800"}],"__proto__":{"x":1},"ok":"fine"}');
      expect(problemOf(body).errors).toEqual([
        { field: 'title', message: 'Le champ « title » contient un caractère de contrôle invisible (U+0000) : retirez-le.' },
        { field: '__proto__', message: 'Le champ « __proto__ » n’est pas accepté.' },
        { field: 'funding.0.source', message: 'Le champ « funding.0.source » contient un caractère invalide (moitié de caractère Unicode) : retapez le texte.' },
      ]);
    });

    it('names a single query parameter by its name', () => {
      expect(problemOf('a\u0000', 'kind').errors).toEqual([{ field: 'kind', message: 'Le champ « kind » contient un caractère de contrôle invisible (U+0000) : retirez-le.' }]);
    });

    it.each(['\u0007', '\u001b', '\u007f', '\u0085', '\u009f'])('refuses the control character %j', (c) => {
      expect(problemOf({ text: `a${c}b` }).status).toBe(400);
    });
  });
});
