import { frenchSize, validateDocument, validateFile } from './documents-panel';

const file = (size: number, name = 'devis.pdf') => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('documents panel checks', () => {
  describe('validateFile', () => {
    it('asks for a file when none is chosen', () => expect(validateFile(null)).toBe('Choisissez un fichier.'));
    it('refuses an empty file', () => expect(validateFile(file(0))).toBe('Ce fichier est vide.'));
    it('refuses a file over 20 Mo before sending it', () =>
      expect(validateFile(file(20 * 1024 * 1024 + 1))).toBe('Ce fichier dépasse la taille maximale de 20 Mo.'));
    it('accepts a file of exactly 20 Mo', () => expect(validateFile(file(20 * 1024 * 1024))).toBeNull());
  });

  describe('validateDocument', () => {
    it('needs a title and a file', () =>
      expect(validateDocument('  ', null)).toEqual({ title: 'Donnez un titre au document.', file: 'Choisissez un fichier.' }));
    it('has nothing to say about a titled, small file', () => expect(validateDocument('Devis', file(10))).toEqual({}));
  });

  describe('frenchSize', () => {
    it('says sizes the French way', () => {
      expect(frenchSize(512)).toBe('512 o');
      expect(frenchSize(48_213)).toBe('47 ko');
      expect(frenchSize(1.25 * 1024 * 1024)).toMatch(/^1,3 Mo$|^1,2 Mo$/);
    });
  });
});
