import { departementOfCommune } from '@carnet/domain';
import { Injectable } from '@nestjs/common';
import { DEPARTEMENT_NAMES } from '../../../communes/commune-catalog.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SimilarGrantsView, WorkCategory } from '@carnet/contracts';

const FILE = fileURLToPath(new URL('../../../../assets/financing/fonds-vert-2023.csv', import.meta.url));
export const FONDS_VERT_SOURCE = 'Source : Ministère de la Transition écologique — Fonds vert 2023';
export const FONDS_VERT_LICENCE = 'Licence Ouverte / Open Licence 2.0';

/** The Fonds vert measure that matches a category of works (none for the others). */
export const MEASURE_OF: Partial<Record<WorkCategory, string>> = {
  renovation_energetique_ecole: 'Rénovation énergétique des bâtiments publics locaux',
  renovation_energetique_batiment: 'Rénovation énergétique des bâtiments publics locaux',
  eclairage_public: 'Rénovation des parcs de luminaires d’éclairage public',
  renaturation: 'Renaturation des villes et des villages',
};

interface Grant {
  codeInsee: string;
  communeName: string;
  measure: string;
  projectName: string;
  amountCents: number;
}

/** `21 667,00 €` → 2166700; null for `NULL` or anything unreadable. */
export function parseFrenchAmount(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

const median = (sorted: number[]): number | null => {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  // Halfway between the two middle grants for an even count, rounded to the euro like the brief says it.
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 200) * 100;
};

/** The grants of the open-data file (all of France), copied into apps/api/assets/financing with their attribution. */
@Injectable()
export class FondsVertGrants {
  private readonly grants: Grant[];

  constructor() {
    const [, ...lines] = readFileSync(FILE, 'utf8').trim().split('\n');
    this.grants = lines.flatMap((line) => {
      const [code, commune, measure, project, amount] = line.replace(/\r$/, '').split(';');
      const cents = parseFrenchAmount(amount ?? '');
      return cents === null ? [] : [{ codeInsee: code.padStart(5, '0'), communeName: commune, measure, projectName: project, amountCents: cents }];
    });
  }

  similar(category: WorkCategory, departement: string): SimilarGrantsView {
    const measure = MEASURE_OF[category] ?? null;
    // The Département's own grants: another Département's amounts say little of this one's (issue #17).
    const grants = measure ? this.grants.filter((g) => g.measure === measure && departementOfCommune(g.codeInsee) === departement).sort((a, b) => b.amountCents - a.amountCents) : [];
    const amounts = grants.map((g) => g.amountCents).sort((a, b) => a - b);
    return {
      measure: measure ?? 'Aucune mesure du Fonds vert pour ces travaux',
      departement,
      departementName: DEPARTEMENT_NAMES.get(departement) ?? departement,
      grants: grants.map(({ communeName, codeInsee, projectName, amountCents }) => ({ communeName, codeInsee, projectName, amountCents })),
      medianCents: median(amounts),
      minCents: amounts[0] ?? null,
      maxCents: amounts[amounts.length - 1] ?? null,
      source: FONDS_VERT_SOURCE,
      licence: FONDS_VERT_LICENCE,
    };
  }
}
