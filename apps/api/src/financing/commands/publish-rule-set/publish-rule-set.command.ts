import { Command } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor, RuleSetContent } from '@carnet/domain';
import type { CommandOptions } from '../../../shared/command-options.js';

export class PublishRuleSetCommand extends Command<CommandAccepted> {
  constructor(
    readonly actor: Actor,
    readonly options: CommandOptions,
    readonly content: RuleSetContent,
  ) {
    super();
  }
}
