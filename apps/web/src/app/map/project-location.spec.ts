import { frenchPoint, parseDegrees, validatePoint } from './project-location';

describe('project location form', () => {
  describe('when coordinates are typed the French way', () => {
    it('reads a decimal comma or point, and refuses words', () => {
      expect(parseDegrees('49,08531')).toBe(49.08531);
      expect(parseDegrees(' 1.97467 ')).toBe(1.97467);
      expect(parseDegrees('-0,5')).toBe(-0.5);
      expect(parseDegrees('nord')).toBeUndefined();
      expect(parseDegrees('')).toBeUndefined();
    });
  });
  describe('when a coordinate is missing or off the Earth', () => {
    it('names the field to correct, with an example', () => {
      expect(validatePoint('49,08', '1,97')).toEqual({});
      expect(validatePoint('', '1,97')).toEqual({ latitude: 'Indiquez la latitude en degrés, par exemple 49,08531.' });
      expect(validatePoint('49', '200')).toEqual({ longitude: 'Indiquez la longitude en degrés, par exemple 1,97467.' });
    });
  });
  describe('when a point is shown', () => {
    it('reads latitude north then longitude east, with decimal commas', () => {
      expect(frenchPoint({ latitude: 49.08531, longitude: 1.97467 })).toBe('49,08531 N, 1,97467 E');
    });
  });
});
