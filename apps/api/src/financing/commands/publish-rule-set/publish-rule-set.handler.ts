import { Inject } from '@nestjs/common';
import { departementOfActor } from '../../../shared/actor-of.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ruleSetDecider, ruleSetStreamId } from '@carnet/domain';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { DeciderRunner } from '../../../shared/decider-runner.js';
import { PublishRuleSetCommand } from './publish-rule-set.command.js';

const SUBJECT = { title: 'Les règles de financement ont été modifiées entre-temps', name: 'les règles' };

@CommandHandler(PublishRuleSetCommand)
export class PublishRuleSetHandler implements ICommandHandler<PublishRuleSetCommand> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ actor, options, content }: PublishRuleSetCommand): Promise<CommandAccepted> {
    // Each Département publishes its own rules (issue #17).
    const ruleSetId = departementOfActor(actor, this.config.departement);
    return this.runner.run(ruleSetDecider, {
      id: ruleSetId,
      streamId: ruleSetStreamId(ruleSetId),
      command: { type: 'PublishFinancingRuleSet', ruleSetId, ...content },
      actor,
      options,
      subject: SUBJECT,
    });
  }
}
