import { Inject, Injectable } from '@nestjs/common';
import { createRequire } from 'node:module';
import { APP_CONFIG, thresholdOf, type AppConfig } from '../config.js';

/** A commune of a Département served, from the official geographic code. */
export interface Commune {
  codeInsee: string;
  name: string;
  /** Its Département's code (95, 2A, 971…). */
  departement: string;
  siren: string;
  postalCodes: string[];
  population: number;
  /** Under the population threshold: the commune has a space on the platform. */
  eligible: boolean;
}

interface EtalabCommune {
  code: string;
  nom: string;
  departement: string;
  type: string;
  siren: string;
  codesPostaux: string[];
  population?: number;
}

const require = createRequire(import.meta.url);

export { DEPARTEMENT_CODES, DEPARTEMENT_NAMES, OF_DEPARTEMENT } from './departement-names.js';

/**
 * Reference data: the current communes of the Départements served (DEPARTEMENTS or DEPARTEMENT,
 * from @etalab/decoupage-administratif), each eligible under its Département's threshold.
 */
@Injectable()
export class CommuneCatalog {
  private readonly byCode: Map<string, Commune>;
  private readonly byDepartement = new Map<string, Commune[]>();
  private readonly codesByDepartement = new Map<string, string[]>();
  /** The home Département: the first served. */
  readonly departement: string;
  /** The Départements served, in the configured order. */
  readonly departements: readonly string[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.departement = config.departement;
    this.departements = config.departements;
    const served = new Set(config.departements);
    const all = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
    const collator = new Intl.Collator('fr');
    const communes = all
      .filter((c) => served.has(c.departement) && c.type === 'commune-actuelle')
      .map((c) => ({
        codeInsee: c.code,
        name: c.nom,
        departement: c.departement,
        siren: c.siren,
        postalCodes: c.codesPostaux,
        population: c.population ?? 0,
        eligible: (c.population ?? 0) < thresholdOf(config, c.departement),
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
    this.byCode = new Map(communes.map((c) => [c.codeInsee, c]));
    for (const code of config.departements) this.byDepartement.set(code, []);
    for (const c of communes) this.byDepartement.get(c.departement)!.push(c);
    for (const [code, list] of this.byDepartement) this.codesByDepartement.set(code, list.map((c) => c.codeInsee));
  }

  /** Every commune served, by name; or those of one Département (none for one not served). */
  all(departement?: string): Commune[] {
    return departement === undefined ? [...this.byCode.values()] : [...(this.byDepartement.get(departement) ?? [])];
  }

  /** Whether this instance serves the Département. */
  serves(departement: string): boolean {
    return this.byDepartement.has(departement);
  }

  /** The INSEE codes of the home Département's communes. */
  codes(): string[] {
    return this.codesOf(this.departement);
  }

  /**
   * The INSEE codes of a Département's communes: what its staff's lists and dashboard read (a log may
   * hold other communes); none for a Département this instance does not serve.
   */
  codesOf(departement: string): string[] {
    return this.codesByDepartement.get(departement) ?? [];
  }

  get(codeInsee: string): Commune | undefined {
    return this.byCode.get(codeInsee);
  }

  nameOf(codeInsee: string): string {
    return this.byCode.get(codeInsee)?.name ?? codeInsee;
  }
}

/** « de » before a commune's name, French style: one rule for API and web, in libs/contracts/src/french.ts. */
export { deCommune } from '@carnet/contracts';
