import { describe, expect, it } from '@jest/globals';
import type { PublicProjectSummary } from '../../public/public-catalog.js';
import { mapHref, mapPage, NATIONAL_LIST_MAX } from './portal-map.html.js';

const project = (i: number, codeInsee: string): PublicProjectSummary => ({
  id: `p${i}`,
  title: `Projet numéro ${i}`,
  summary: '',
  codeInsee,
  communeName: `Commune ${codeInsee}`,
  theme: 'voirie',
  themeLabel: 'Voirie',
  yearFinished: 2026,
  finalCostHt: 1000,
  costBand: 'moins-50000',
  costBandLabel: '',
  version: 1,
  publishedAt: '2026-01-01T00:00:00.000Z',
  pageUrl: `/projets-publics/projets/p${i}`,
  location: null,
  pictureUrl: null,
});

describe('the portal map page (issue #17)', () => {
  const national = { kind: 'national' as const, of: 'du Val-d’Oise et des Yvelines', departements: [{ code: '95', name: 'Val-d’Oise', of: 'du Val-d’Oise', count: 120 }, { code: '78', name: 'Yvelines', of: 'des Yvelines', count: 30 }] };
  const items = [...Array.from({ length: 120 }, (_, i) => project(i, '95002')), ...Array.from({ length: 30 }, (_, i) => project(200 + i, '78033'))];

  it('lists the latest published projects only on the national map, and says how many there are', () => {
    const page = mapPage('https://carnet.example', {}, items, [], [2026], '<svg></svg>', national);
    expect(page).toContain('150 projets publiés');
    expect(page).toContain(`Les ${NATIONAL_LIST_MAX} derniers des 150 projets publiés ; la carte de chaque département les montre tous.`);
    expect(page.match(/<a href="\/projets-publics\/projets\//g)?.length).toBe(NATIONAL_LIST_MAX);
    // The interactive map gets the counts from the page, not every project of France.
    expect(page).toContain('data-projects=""');
    expect(page).toContain('data-counts="{&quot;78&quot;:30,&quot;95&quot;:120}"');
    // And the legend's steps for Départements, with which it fills them.
    expect(page).toContain('data-classes="[[0,0,&quot;#ffffff&quot;],[1,9,&quot;#c6dbef&quot;],[10,49,&quot;#6baed6&quot;],[50,199,&quot;#2171b5&quot;],[200,null,&quot;#08306b&quot;]]"');
    expect(page).toContain('200 projets ou plus dans le département');
  });

  it('lists every project of one Département’s map', () => {
    const view = { kind: 'departement' as const, departement: { code: '95', name: 'Val-d’Oise', of: 'du Val-d’Oise' }, others: [], communeRows: [] };
    const page = mapPage('https://carnet.example', {}, items.slice(0, 120), [], [2026], '<svg></svg>', view);
    expect(page.match(/<a href="\/projets-publics\/projets\//g)?.length).toBe(120);
    expect(page).not.toContain('derniers des');
    expect(page).toContain('data-classes="[[0,0,&quot;#ffffff&quot;],[1,1,&quot;#c6dbef&quot;],[2,3,&quot;#6baed6&quot;],[4,9,&quot;#2171b5&quot;],[10,null,&quot;#08306b&quot;]]"');
  });

  it('keeps the filters chosen in the address of another map, but not the commune', () => {
    expect(mapHref({ theme: 'ecole', year: 2025, costBand: 'moins-50000', commune: '95002' }, '78')).toBe('/projets-publics/carte?departement=78&theme=ecole&annee=2025&cout=moins-50000');
    expect(mapHref({ text: 'lavoir restauré' }, '78')).toBe('/projets-publics/carte?departement=78&q=lavoir+restaur%C3%A9');
    expect(mapHref({})).toBe('/projets-publics/carte');
  });
});
