import { foldForSearch } from '@carnet/read-store';
import type { Actor, ProjectCommand } from '@carnet/domain';
import type { EventStore } from '@carnet/event-store';
import type { CommandOptions } from '../shared/command-options.js';

/*
 * Demo data of the map (issue #10): a few demo projects get a precise point, set by their commune as
 * a mayor would by clicking on the map. Projects are found by commune and by words of their title
 * (accents and case ignored), so that demo projects added or renamed elsewhere do not break this;
 * a project not found is simply left on its commune. Points are inside their commune's outline.
 */
const DEMO_PLACES: Array<{ codeInsee: string; titleHas: string[]; by: string; longitude: number; latitude: number }> = [
  { codeInsee: '95002', titleHas: ['toiture', 'ecole'], by: 'persona-maire-95002', longitude: 1.9762, latitude: 49.0859 },
  { codeInsee: '95446', titleHas: ['salle des fetes'], by: 'persona-maire-95446', longitude: 2.1718, latitude: 49.1291 },
  { codeInsee: '95370', titleHas: ['gymnase'], by: 'persona-maire-95370', longitude: 1.9812, latitude: 49.1462 },
];

/** Places the demo projects that match (one LocateProject each); returns the last log position, or 0. */
export async function placeDemoProjects(
  events: EventStore,
  run: (projectId: string, command: ProjectCommand, actor: Actor, options: CommandOptions) => Promise<{ position: number }>,
  actor: (id: string) => Actor | undefined,
): Promise<number> {
  const created = (await events.readAll()).filter((e) => e.type === 'ProjectCreated');
  let position = 0;
  for (const place of DEMO_PLACES) {
    const event = created.find((e) => {
      const data = e.data as { codeInsee: string; title: string };
      return data.codeInsee === place.codeInsee && place.titleHas.every((w) => foldForSearch(data.title).includes(w));
    });
    const who = actor(place.by);
    if (!event || !who) continue;
    const projectId = (event.data as { projectId: string }).projectId;
    const location = { longitude: place.longitude, latitude: place.latitude };
    position = (await run(projectId, { type: 'LocateProject', location }, who, { idempotencyKey: `demo-place-${projectId}` })).position;
  }
  return position;
}
