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

  it('name the Départements an instance serves as their publisher, with the right agreement (issue #17; the Val-d’Oise alone was named)', () => {
    const two = legalPages({ ...site, publisher: { name: 'Départements du Val-d’Oise et des Yvelines', of: 'du Val-d’Oise et des Yvelines', plural: true } });
    expect(two.accessibilite.lead).toBe('Les Départements du Val-d’Oise et des Yvelines s’engagent à rendre leurs services numériques accessibles à tous, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.');
    expect(two['mentions-legales'].lead).toBe('Le Carnet de projets et son portail public « Projets publics des communes du Val-d’Oise et des Yvelines » sont des services des Départements du Val-d’Oise et des Yvelines.');
    expect(JSON.stringify(two)).not.toMatch(/du Département du Val-d’Oise|Le Département du Val-d’Oise/);
    const one = legalPages(site);
    expect(one.accessibilite.lead).toMatch(/^Le Département du Val-d’Oise s’engage à rendre ses services/);
    expect(one['donnees-personnelles'].description).toBe('Quelles données personnelles le Carnet de projets du Val-d’Oise conserve, qui peut les voir, combien de temps, et comment exercer vos droits.');
  });

  it('link only to pages that exist', () => {
    const targets = LEGAL_SLUGS.flatMap((slug) => inlines(slug)).flatMap((i) => (typeof i !== 'string' && 'page' in i ? [i.page] : []));
    expect(targets.length).toBeGreaterThan(0);
    for (const page of targets) expect(LEGAL_SLUGS).toContain(page);
  });
});
