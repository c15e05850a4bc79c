import { SqliteEventStore } from '@carnet/event-store';
import { rebuildReadModels, SqliteReadStore } from '@carnet/read-store';
import { ALL_PROJECTIONS } from '../infrastructure/projections.js';
import { nationalCommunes, nationalProjectEvents, writeNationalLog } from './national-log.js';

// `npm run bench:national` writes its log with this generator: a tiny one here, so that it cannot rot silently.
describe('the national log generator', () => {
  const options = { projects: 3, events: 12, seed: 'test' };

  it('takes the communes of the Val-d’Oise first, then communes spread over France', () => {
    const communes = nationalCommunes(190);
    expect(communes).toHaveLength(190);
    expect(communes.slice(0, 183).every((c) => c.departement === '95')).toBe(true);
    expect(new Set(communes.slice(183).map((c) => c.departement)).size).toBeGreaterThan(5);
    expect(new Set(communes.map((c) => c.codeInsee)).size).toBe(190);
  });

  it('writes the same events on every run', () => {
    const [commune] = nationalCommunes(1);
    expect(nationalProjectEvents(commune, 0, options)).toEqual(nationalProjectEvents(commune, 0, options));
    expect(nationalProjectEvents(commune, 1, options)[0].id).not.toBe(nationalProjectEvents(commune, 0, options)[0].id);
  });

  it('writes events every projection accepts, with the expected number of projects per commune', async () => {
    const communes = [...nationalCommunes(2), ...nationalCommunes(400).slice(-2)];
    const events = new SqliteEventStore({ filename: ':memory:' });
    const reads = new SqliteReadStore(':memory:');
    try {
      const written = await writeNationalLog(events, communes, { ...options, inFlight: 4 });
      expect(written.projects).toBe(communes.length * options.projects);
      expect(await events.headPosition()).toBe(written.events);
      // The history is more than creations: questions, answers, steps, documents, financing.
      for (const type of ['ProjectCreated', 'StepAdvanced', 'QuestionAsked', 'MessagePosted']) expect(written.types[type]).toBeGreaterThan(0);
      const faults: unknown[] = [];
      const rebuilt = await rebuildReadModels(events, reads, ALL_PROJECTIONS, { onFault: (f) => faults.push(f) });
      expect(faults).toEqual([]);
      expect(rebuilt.events).toBe(written.events);
      const set = reads.at(rebuilt.generation);
      for (const c of communes) expect(await set.count('projects', { where: { codeInsee: c.codeInsee } })).toBe(options.projects);
      expect(await set.count('dashboard_projects')).toBe(communes.length * options.projects);
    } finally {
      await events.close();
      await reads.close();
    }
  });
});
