import { Inject, Injectable, Logger } from '@nestjs/common';
import { ruleSetDecider, ruleSetStreamId, VAL_D_OISE_STARTING_RULE_SET, type Actor } from '@carnet/domain';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { DeciderRunner } from '../../../shared/decider-runner.js';

/** The platform itself publishes the starting rule set, once: it is « à valider par le Département ». */
const PLATFORM: Actor = { id: 'system', role: 'departement_admin', communeInsee: null, displayName: 'Plateforme' };

/**
 * On an event log without financing rules for the Val d'Oise, publishes the starting rule set
 * through the ordinary command path, so that version 1 is an event like every later one.
 */
@Injectable()
export class StartingRuleSetSeeder {
  private readonly logger = new Logger('Financement');

  constructor(
    private readonly runner: DeciderRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called at start-up after the demo data (which wants an empty log). Returns the position written, 0 when nothing was. */
  async seedIfMissing(): Promise<number> {
    const ruleSetId = '95';
    if (!this.config.departements.includes(ruleSetId)) return 0; // The starting set describes the Val-d’Oise only.
    const streamId = ruleSetStreamId(ruleSetId);
    const { version } = await this.runner.state(ruleSetDecider, streamId);
    if (version > 0) return 0;
    const { position } = await this.runner.run(ruleSetDecider, {
      id: ruleSetId,
      streamId,
      command: { type: 'PublishFinancingRuleSet', ruleSetId, ...VAL_D_OISE_STARTING_RULE_SET },
      actor: PLATFORM,
      options: { idempotencyKey: 'financing-starting-rule-set-95' },
    });
    this.logger.log('Règles de financement de départ publiées (version 1, à valider par le Département).');
    return position;
  }
}
