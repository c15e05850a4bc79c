import type { Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { BarChart } from './bar-chart';
import { LineChart } from './line-chart';
import { StackedBarChart } from './stacked-bar-chart';

async function render<T>(type: Type<T>, inputs: Record<string, unknown>): Promise<{ fixture: ComponentFixture<T>; el: HTMLElement }> {
  const fixture = TestBed.createComponent(type);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

async function toggleTable(fixture: ComponentFixture<unknown>, el: HTMLElement): Promise<HTMLButtonElement> {
  const button = el.querySelector<HTMLButtonElement>('.chart__toggle')!;
  button.click();
  await fixture.whenStable();
  return button;
}

const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent!.trim());

describe('charts', () => {
  describe('BarChart', () => {
    const data = [
      { key: 'idee', label: 'Idée', count: 4 },
      { key: 'etudes', label: 'Études', count: 2 },
      { key: 'travaux', label: 'Travaux', count: 0 },
    ];

    it('draws bars proportional to the largest, labelled with their values', async () => {
      const { el } = await render(BarChart, { caption: 'Projets par étape', data });
      const bars = [...el.querySelectorAll('svg rect:not(.chart__track)')];
      expect(bars.map((b) => b.getAttribute('width'))).toEqual(['100%', '50%']);
      expect([...el.querySelectorAll('svg text')].map((t) => t.textContent!.trim())).toEqual(['Idée : 4', 'Études : 2', 'Travaux : 0']);
    });

    it('gives the drawing a text alternative naming every category and value', async () => {
      const { el } = await render(BarChart, { caption: 'Projets par étape', data });
      const svg = el.querySelector('svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toBe('Projets par étape. Idée : 4 ; Études : 2 ; Travaux : 0.');
      expect(el.querySelector('figcaption')!.textContent!.trim()).toBe('Projets par étape');
    });

    it('lets the keyboard scroll the shown table: a named region that takes the focus', async () => {
      const { fixture, el } = await render(BarChart, { caption: 'Projets par étape', data });
      await toggleTable(fixture, el);
      const region = el.querySelector<HTMLElement>('.table-wrap')!;
      expect(region.getAttribute('role')).toBe('region');
      expect(region.getAttribute('aria-label')).toBe('Données : Projets par étape');
      expect(region.tabIndex).toBe(0);
      region.focus();
      expect(document.activeElement).toBe(region);
    });

    it('shows the data as a table behind a toggle button', async () => {
      const { fixture, el } = await render(BarChart, { caption: 'Projets par étape', data, categoryHeader: 'Étape', valueHeader: 'Projets' });
      expect(el.querySelector('table')).toBeNull();
      const button = await toggleTable(fixture, el);
      expect(button.getAttribute('aria-expanded')).toBe('true');
      expect(button.textContent!.trim()).toBe('Masquer le tableau des données');
      const rows = [...el.querySelectorAll('table tr')].map(cells);
      expect(rows).toEqual([['Étape', 'Projets'], ['Idée', '4'], ['Études', '2'], ['Travaux', '0']]);
      expect(el.querySelector('caption')!.textContent!.trim()).toBe('Projets par étape');
    });

    it('says so instead of drawing when everything is zero and an empty text is given', async () => {
      const { el } = await render(BarChart, { caption: 'Questions', data: [{ key: 'a', label: 'A', count: 0 }], emptyText: 'Aucune question en attente.' });
      expect(el.querySelector('svg')).toBeNull();
      expect(el.textContent).toContain('Aucune question en attente.');
    });
  });

  describe('StackedBarChart', () => {
    const series = [
      { key: 'idee', label: 'Idée' },
      { key: 'travaux', label: 'Travaux' },
    ];
    const rows = [
      { key: '95446', label: 'Nesles-la-Vallée', values: { idee: 1, travaux: 3 } },
      { key: '95002', label: 'Ableiges', values: { idee: 2, travaux: 0 } },
    ];

    it('stacks the segments one after the other, scaled to the largest total', async () => {
      const { el } = await render(StackedBarChart, { caption: 'Projets par commune', series, rows });
      const groups = [...el.querySelectorAll('svg g')];
      const segments = (g: Element) => [...g.querySelectorAll('rect.chart__segment')].map((r) => [r.getAttribute('x'), r.getAttribute('width')]);
      expect(segments(groups[0])).toEqual([['0%', '25%'], ['25%', '75%']]);
      expect(segments(groups[1])).toEqual([['0%', '50%']]);
      expect([...el.querySelectorAll('.chart__legend li')].map((l) => l.textContent!.trim())).toEqual(['Idée', 'Travaux']);
    });

    it('has a text alternative and a table with a total column', async () => {
      const { fixture, el } = await render(StackedBarChart, { caption: 'Projets par commune', series, rows, categoryHeader: 'Commune' });
      expect(el.querySelector('svg')!.getAttribute('aria-label')).toBe('Projets par commune. Nesles-la-Vallée : 4 (Idée 1, Travaux 3) ; Ableiges : 2 (Idée 2).');
      await toggleTable(fixture, el);
      expect([...el.querySelectorAll('table tr')].map(cells)).toEqual([
        ['Commune', 'Idée', 'Travaux', 'Total'],
        ['Nesles-la-Vallée', '1', '3', '4'],
        ['Ableiges', '2', '0', '2'],
      ]);
    });
  });

  describe('LineChart', () => {
    const categories = ['janv. 2026', 'févr. 2026', 'mars 2026', 'avr. 2026'];

    it('draws one line per series, broken where a value is missing, each with its own dash pattern', async () => {
      const { el } = await render(LineChart, {
        caption: 'Délai médian',
        categories,
        series: [
          { key: 'a', label: 'Délai', values: [2, null, 4, 1] },
          { key: 'b', label: 'Autre', values: [0, 1, 2, 3] },
        ],
      });
      const lines = [...el.querySelectorAll('svg.chart__svg--line polyline')];
      expect(lines).toHaveLength(2);
      expect(lines[0].getAttribute('points')).toBe('66.66666666666666,2 100,38');
      expect(lines[1].getAttribute('stroke-dasharray')).not.toBe(lines[0].getAttribute('stroke-dasharray') ?? '');
      // Every value has its dot, the lone first one included.
      const dots = [...el.querySelectorAll('svg.chart__svg--line line.chart__dot')];
      expect(dots).toHaveLength(7);
      expect([dots[0].getAttribute('x1'), dots[0].getAttribute('y1')]).toEqual(['0', '26']);
    });

    it('reads the months and values in its text alternative and table, « — » for a missing value', async () => {
      const { fixture, el } = await render(LineChart, { caption: 'Délai médian', categories, series: [{ key: 'a', label: 'Délai (jours)', values: [2.5, null, 4, 1] }] });
      expect(el.querySelector('svg.chart__svg--line')!.getAttribute('aria-label')).toBe(
        'Délai médian, de janv. 2026 à avr. 2026. Délai (jours) : janv. 2026 2,5, févr. 2026 —, mars 2026 4, avr. 2026 1.',
      );
      await toggleTable(fixture, el);
      expect([...el.querySelectorAll('table tr')].map(cells)).toEqual([
        ['Mois', 'Délai (jours)'],
        ['janv. 2026', '2,5'],
        ['févr. 2026', '—'],
        ['mars 2026', '4'],
        ['avr. 2026', '1'],
      ]);
    });
  });
});
