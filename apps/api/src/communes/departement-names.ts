import { createRequire } from 'node:module';

/*
 * The Départements of the official geographic code (@etalab/decoupage-administratif): their codes,
 * names, and names after « de » — read once, for the configuration and the commune catalogue alike.
 */
const DATA = createRequire(import.meta.url)('@etalab/decoupage-administratif/data/departements.json') as Array<{ code: string; nom: string; typeLiaison: number }>;

/** French typography: a curly apostrophe (« Val-d’Oise »). */
const typographic = (name: string) => name.replace(/'/g, '’');

/** Every Département (and overseas collectivity) by its code (01…95, 2A, 2B, 971…989), in the code's order. */
export const DEPARTEMENT_CODES: readonly string[] = DATA.map((d) => d.code);

/** Its name: « Val-d’Oise ». */
export const DEPARTEMENT_NAMES: ReadonlyMap<string, string> = new Map(DATA.map((d) => [d.code, typographic(d.nom)]));

/**
 * « du Val-d’Oise », « des Yvelines », « de l’Ain », « de la Corse-du-Sud »: the name after « de », from
 * INSEE's article type (TNCC, `typeLiaison`: 0 « de », 1 « d’ », 2 « du », 3 « de la », 4 « des », 5 « de l’ »).
 */
export const OF_DEPARTEMENT: ReadonlyMap<string, string> = new Map(
  DATA.map((d) => {
    const name = typographic(d.nom);
    return [d.code, [`de ${name}`, `d’${name}`, `du ${name}`, `de la ${name}`, `des ${name}`, `de l’${name}`][d.typeLiaison] ?? `de ${name}`];
  }),
);
