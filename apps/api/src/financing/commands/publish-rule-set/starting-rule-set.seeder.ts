import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { nationalStartingRuleSet, ruleSetDecider, ruleSetStreamId, VAL_D_OISE_STARTING_RULE_SET, type Actor, type RuleSetContent } from '@carnet/domain';
import { DEPARTEMENT_NAMES, OF_DEPARTEMENT } from '../../../communes/departement-names.js';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { DeciderRunner } from '../../../shared/decider-runner.js';

/** The platform itself publishes the starting rule sets, once: they are « à valider par le Département ». */
const PLATFORM: Actor = { id: 'system', role: 'departement_admin', communeInsee: null, displayName: 'Plateforme' };

/**
 * On an event log without financing rules for a Département served, publishes its starting rule set through the
 * ordinary command path, so that version 1 is an event like every later one: the Val d'Oise's own (issue #12), and
 * for any other Département the national rules and State schemes (issue #17), which its administrator completes.
 */
@Injectable()
export class StartingRuleSetSeeder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Financement');
  private others: Promise<number> = Promise.resolve(0);
  private stopping = false;

  constructor(
    private readonly runner: DeciderRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Called at start-up after the demo data (which wants an empty log): seeds the home Département's rules, and
   * starts seeding the other Départements' in the background — a hundred of them would delay the first start by
   * seconds. Returns the position written for the home Département, 0 when nothing was.
   */
  async seedIfMissing(): Promise<number> {
    const [home, ...rest] = this.config.departements;
    const written = home ? await this.seed(home) : 0;
    if (rest.length) {
      this.others = (async () => {
        let last = 0;
        for (const code of rest) {
          if (this.stopping) break;
          try {
            last = Math.max(last, await this.seed(code));
          } catch (e) {
            // Another instance seeding at the same moment wins the race: its version 1 is the same.
            this.logger.warn(`Règles de départ du département ${code} non publiées : ${(e as Error).message}`);
          }
        }
        return last;
      })();
    }
    return written;
  }

  /** The engines close when the application does (onApplicationShutdown): the seeding stops and finishes its rule set first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.others;
  }

  /** The position of the last starting rule set written in the background (0 when none was): tests and tools wait on it. */
  othersSeeded(): Promise<number> {
    return this.others;
  }

  private async seed(code: string): Promise<number> {
    const streamId = ruleSetStreamId(code);
    const { version } = await this.runner.state(ruleSetDecider, streamId);
    if (version > 0) return 0;
    const content: RuleSetContent = code === '95' ? VAL_D_OISE_STARTING_RULE_SET : nationalStartingRuleSet(DEPARTEMENT_NAMES.get(code) ?? code, OF_DEPARTEMENT.get(code) ?? code);
    const { position } = await this.runner.run(ruleSetDecider, {
      id: code,
      streamId,
      command: { type: 'PublishFinancingRuleSet', ruleSetId: code, ...content },
      actor: PLATFORM,
      // The Val d'Oise's key is the one it always had: a log seeded by an earlier version is recognised.
      options: { idempotencyKey: `financing-starting-rule-set-${code}` },
    });
    this.logger.log(`Règles de financement de départ publiées pour le département ${code} (version 1, à valider par le Département).`);
    return position;
  }
}
