import { describe, expect, it } from '@jest/globals';
import { LEGAL_FOOTER_LINKS, LEGAL_SLUGS, LEGAL_TITLES, legalPages, type LegalInline } from './legal.js';

const site = { contactEmail: 'contact@cd95.test', hostedBy: 'le Département du Val-d’Oise' };
const inlines = (slug: (typeof LEGAL_SLUGS)[number]): LegalInline[] =>
  legalPages(site)[slug].sections.flatMap((s) => s.blocks.flatMap((b) => ('paragraph' in b ? b.paragraph : b.list.flat())));
const text = (slug: (typeof LEGAL_SLUGS)[number]) => inlines(slug).map((i) => (typeof i === 'string' ? i : i.text)).join('');

describe('legal pages', () => {
  it('are the three footer links, each page under its own title', () => {
    expect(LEGAL_FOOTER_LINKS.map((l) => l.page).sort()).toEqual([...LEGAL_SLUGS].sort());
    for (const slug of LEGAL_SLUGS) expect(legalPages(site)[slug]).toMatchObject({ slug, title: LEGAL_TITLES[slug] });
  });

  it('claim no conformance without an audit', () => {
    expect(LEGAL_FOOTER_LINKS[0].label).toBe('Accessibilité : non conforme');
    expect(text('accessibilite')).toContain('Aucun audit n’a encore été réalisé');
  });

  it('give the configured contact address as a mail link where a person may write', () => {
    for (const slug of LEGAL_SLUGS) {
      expect(inlines(slug)).toContainEqual({ text: 'contact@cd95.test', href: 'mailto:contact@cd95.test' });
    }
  });

  it('link only to pages that exist', () => {
    const targets = LEGAL_SLUGS.flatMap((slug) => inlines(slug)).flatMap((i) => (typeof i !== 'string' && 'page' in i ? [i.page] : []));
    expect(targets.length).toBeGreaterThan(0);
    for (const page of targets) expect(LEGAL_SLUGS).toContain(page);
  });
});
