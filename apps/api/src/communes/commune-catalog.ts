import { Inject, Injectable } from '@nestjs/common';
import { createRequire } from 'node:module';
import { APP_CONFIG, type AppConfig } from '../config.js';

/** A commune of the configured département, from the official geographic code. */
export interface Commune {
  codeInsee: string;
  name: string;
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

/** Every Département (and overseas collectivity) of the official geographic code by its code (01…95, 2A, 2B, 971…989): its name. */
export const DEPARTEMENT_NAMES: ReadonlyMap<string, string> = new Map(
  (require('@etalab/decoupage-administratif/data/departements.json') as Array<{ code: string; nom: string }>).map((d) => [d.code, d.nom]),
);
export const DEPARTEMENT_CODES: readonly string[] = [...DEPARTEMENT_NAMES.keys()];

/** Reference data: the current communes of the département (@etalab/decoupage-administratif). */
@Injectable()
export class CommuneCatalog {
  private readonly byCode: Map<string, Commune>;
  /** The Département served (DEPARTEMENT). */
  readonly departement: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.departement = config.departement;
    const all = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
    const collator = new Intl.Collator('fr');
    const communes = all
      .filter((c) => c.departement === config.departement && c.type === 'commune-actuelle')
      .map((c) => ({
        codeInsee: c.code,
        name: c.nom,
        siren: c.siren,
        postalCodes: c.codesPostaux,
        population: c.population ?? 0,
        eligible: (c.population ?? 0) < config.eligibilityThreshold,
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
    this.byCode = new Map(communes.map((c) => [c.codeInsee, c]));
  }

  all(): Commune[] {
    return [...this.byCode.values()];
  }

  /** The INSEE codes of the département's communes: what its staff's lists and dashboard read (a log may hold other communes). */
  codes(): string[] {
    return (this.codeList ??= [...this.byCode.keys()]);
  }

  private codeList: string[] | undefined;

  /** The INSEE codes of a Département's communes: none for a Département this instance does not serve. */
  codesOf(departement: string): string[] {
    return departement === this.departement ? this.codes() : [];
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
