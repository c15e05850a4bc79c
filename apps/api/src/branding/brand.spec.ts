import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brandIndexHtml, contrastRatio, DEFAULT_BRAND_COLOR, DEFAULT_SITE_NAME, loadBrand } from './brand.js';

describe('the identity settings (SITE_NAME, LOGO_FILE, BRAND_COLOR)', () => {
  describe('when nothing is set', () => {
    it('uses the default name, colour and a logo drawn in that colour', () => {
      const brand = loadBrand({});
      expect(brand).toMatchObject({ siteName: DEFAULT_SITE_NAME, color: DEFAULT_BRAND_COLOR, logo: { mediaType: 'image/svg+xml' } });
      expect(brand.logo.bytes.toString()).toContain(`fill="${DEFAULT_BRAND_COLOR}"`);
    });
  });

  describe('when BRAND_COLOR is dark enough', () => {
    it('accepts it, written short or long, and derives its darker and lighter shades', () => {
      expect(loadBrand({ BRAND_COLOR: '#6A1B4D', SITE_NAME: ' Projets du 95 ' })).toMatchObject({ siteName: 'Projets du 95', color: '#6a1b4d' });
      expect(loadBrand({ BRAND_COLOR: '#036' }).color).toBe('#003366');
    });
  });

  describe('when BRAND_COLOR fails WCAG AA against white', () => {
    it('refuses it, says the ratio found and suggests a darker shade', () => {
      expect(() => loadBrand({ BRAND_COLOR: '#4a90e2' })).toThrow(/BRAND_COLOR #4a90e2 n’est pas assez contrastée avec le blanc : 3\.\d\d:1, il faut au moins 4\.5:1.*par exemple #/);
      expect(() => loadBrand({ BRAND_COLOR: 'bleu' })).toThrow(/couleur hexadécimale/);
    });
  });

  describe('when LOGO_FILE is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carnet-brand-'));
    it('serves that file, and refuses a missing file, another type or content that is not what its name says', () => {
      const svg = join(dir, 'logo.svg');
      writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
      expect(loadBrand({ LOGO_FILE: svg }).logo.mediaType).toBe('image/svg+xml');
      expect(() => loadBrand({ LOGO_FILE: join(dir, 'absent.png') })).toThrow(/LOGO_FILE introuvable/);
      const gif = join(dir, 'logo.gif');
      writeFileSync(gif, 'GIF89a');
      expect(() => loadBrand({ LOGO_FILE: gif })).toThrow(/\.svg ou \.png/);
      const fake = join(dir, 'fake.png');
      writeFileSync(fake, 'not a png');
      expect(() => loadBrand({ LOGO_FILE: fake })).toThrow(/n’est pas une image PNG/);
    });
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1f4e79', '#ffffff')).toBeGreaterThan(8.5);
  });

  it('writes the name, the colours and the favicon into the web app’s page, escaped', () => {
    const index = '<html><head><title>x</title><link rel="icon" type="image/svg+xml" href="favicon.svg" /></head><body></body></html>';
    const page = brandIndexHtml(index, loadBrand({ SITE_NAME: 'Projets <du> 95', BRAND_COLOR: '#6a1b4d' }));
    expect(page).toContain('<title>Projets &lt;du&gt; 95</title>');
    expect(page).toContain('<meta name="carnet-site-name" content="Projets &lt;du&gt; 95" />');
    expect(page).toContain('--color-primary:#6a1b4d');
    expect(page).toContain('href="/marque/favicon.svg"');
  });
});
