import { DomainError, ruleSetInForce, type SimulationInputs } from '@carnet/domain';
import type { Commune } from '../communes/commune-catalog.js';
import type { SimulationInputsDto } from './simulation-inputs.dto.js';

/** The simulator's inputs: the request, completed with the commune's name and INSEE population. */
export function simulationInputs(dto: SimulationInputsDto, commune: Commune | undefined): SimulationInputs {
  if (!commune) throw new DomainError('unknown_commune', 'Cette commune n’est pas une commune du département.', 'invalid', 'codeInsee');
  if (dto.costTtcCents < dto.costHtCents) throw new DomainError('ttc_below_ht', 'Le coût TTC ne peut pas être inférieur au coût HT.', 'invalid', 'costTtcCents');
  if ((dto.privateCents ?? 0) > dto.costHtCents) throw new DomainError('private_above_cost', 'Le financement privé dépasse le coût HT.', 'invalid', 'privateCents');
  return {
    codeInsee: commune.codeInsee,
    communeName: commune.name,
    population: commune.population,
    category: dto.category,
    costHtCents: dto.costHtCents,
    costTtcCents: dto.costTtcCents,
    privateCents: dto.privateCents ?? 0,
    obtainedStateCents: dto.obtainedStateCents ?? 0,
    obtainedOtherCents: dto.obtainedOtherCents ?? 0,
    plannedStart: dto.plannedStart ?? null,
    schoolDerogation: dto.schoolDerogation ?? false,
    chefDeFile: dto.chefDeFile ?? false,
  };
}

/** The version in force at the planned start, or today; a 503-like problem when none was ever published. */
export function versionFor<T extends { version: number; effectiveFrom: string }>(versions: T[], plannedStart: string | null, now: Date): T {
  const chosen = ruleSetInForce(versions, plannedStart ?? now.toISOString().slice(0, 10));
  if (!chosen) throw new DomainError('no_rule_set', 'Aucune règle de financement n’est encore publiée : le Département doit en publier une.', 'conflict');
  return chosen;
}
