import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { nationalStartingRuleSet, ruleSetDecider, ruleSetStreamId, VAL_D_OISE_STARTING_RULE_SET, type Actor, type RuleSetContent } from '@carnet/domain';
import { OF_DEPARTEMENT } from '../../../communes/departement-names.js';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { DeciderRunner } from '../../../shared/decider-runner.js';
import { ProblemException } from '../../../shared/problem.js';

const RULE_SET_SUBJECT = { title: 'Les règles de financement ont été publiées entre-temps', name: 'les règles de financement' };

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
    const served = this.config.departements;
    // The home Département's rules, and the Val d'Oise's (the demo's), before the first page, as they always were.
    const first = served.filter((code, i) => i === 0 || code === '95');
    let written = 0;
    for (const code of first) written = Math.max(written, await this.seed(code));
    const rest = served.filter((code) => !first.includes(code));
    // The others once the server is up; by one process only in WORKERS mode (the projections' one), not by each HTTP process.
    if (rest.length && this.config.instances.processRole !== 'http') {
      this.others = (async () => {
        let last = 0;
        for (const code of rest) {
          if (this.stopping) break;
          try {
            last = Math.max(last, await this.seed(code));
          } catch (e) {
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
    const content: RuleSetContent = code === '95' ? VAL_D_OISE_STARTING_RULE_SET : nationalStartingRuleSet(OF_DEPARTEMENT.get(code) ?? `du département ${code}`);
    let position: number;
    try {
      ({ position } = await this.runner.run(ruleSetDecider, {
        id: code,
        streamId,
        command: { type: 'PublishFinancingRuleSet', ruleSetId: code, ...content },
        actor: PLATFORM,
        // Version 1 or nothing: an administrator who published meanwhile keeps their rules. Two processes seeding at
        // once write the same command (its id comes from the key; the Val d'Oise's key is the one it always had).
        options: { idempotencyKey: `financing-starting-rule-set-${code}`, expectedVersion: 0 },
        subject: RULE_SET_SUBJECT,
      }));
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 409) return 0; // someone published first
      throw error;
    }
    this.logger.log(`Règles de financement de départ publiées pour le département ${code} (version 1, à valider par le Département).`);
    return position;
  }
}
