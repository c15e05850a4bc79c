import { describe, expect, it } from '@jest/globals';
import { centroidOf } from './commune-geo.js';
import { csvField } from '../shared/csv.js';
import { TokenBuckets } from './http/rate-limit.js';
import { html, SafeHtml } from './portal/html.js';

describe('public rules', () => {
  describe('the rate limit per address', () => {
    it('allows a burst, then asks to wait, refills over time, and keeps addresses apart', () => {
      const buckets = new TokenBuckets(60); // one a second
      for (let i = 0; i < 60; i++) expect(buckets.take('a', 0)).toBe(0);
      expect(buckets.take('a', 0)).toBe(1);
      expect(buckets.take('b', 0)).toBe(0);
      expect(buckets.take('a', 1000)).toBe(0);
      expect(buckets.take('a', 1000)).toBe(1);
    });

    it('is off at 0', () => {
      const buckets = new TokenBuckets(0);
      for (let i = 0; i < 1000; i++) expect(buckets.take('a', 0)).toBe(0);
    });
  });

  describe('a CSV field', () => {
    it('is quoted when it holds the separator, a quote or a line break, with decimal commas and no formulas', () => {
      expect(csvField('Lavoir')).toBe('Lavoir');
      expect(csvField('Toit; charpente')).toBe('"Toit; charpente"');
      expect(csvField('Le « préau » "neuf"\nfini')).toBe('"Le « préau » ""neuf""\nfini"');
      expect(csvField(1234.5)).toBe('1234,5');
      expect(csvField(null)).toBe('');
      expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    });
  });

  describe('the centroid of an outline', () => {
    it('is the centre of mass, holes removed, in [longitude, latitude]', () => {
      const square: Array<[number, number]> = [[2, 49], [2.2, 49], [2.2, 49.2], [2, 49.2], [2, 49]];
      expect(centroidOf([[square]])).toEqual([2.1, 49.1]);
      const hole: Array<[number, number]> = [[2, 49], [2.1, 49], [2.1, 49.1], [2, 49.1], [2, 49]];
      const [lon, lat] = centroidOf([[square, hole]]);
      expect(lon).toBeGreaterThan(2.1);
      expect(lat).toBeGreaterThan(49.1);
    });
  });

  describe('the HTML templates', () => {
    it('escape every value unless it is already safe HTML', () => {
      const title = '<script>alert("x")</script> & co';
      expect(html`<h1>${title}</h1>`.value).toBe('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</h1>');
      expect(html`<p>${new SafeHtml('<b>ok</b>')}${[html`<i>${'<'}</i>`]}</p>`.value).toBe('<p><b>ok</b><i>&lt;</i></p>');
    });
  });
});
