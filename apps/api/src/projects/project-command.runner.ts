import { Injectable } from '@nestjs/common';
import type { CommandAccepted } from '@carnet/contracts';
import { projectDecider, projectStreamId, type Actor, type ProjectCommand, type ProjectState } from '@carnet/domain';
import type { CommandOptions } from '../shared/command-options.js';
import { DeciderRunner } from '../shared/decider-runner.js';
import { canSeeProject, projectNotFound } from './project-access.js';

/** Runs project commands through the shared command path (ADR 0002). */
@Injectable()
export class ProjectCommandRunner {
  constructor(private readonly runner: DeciderRunner) {}

  commandId(actor: Actor, options: CommandOptions): string {
    return this.runner.commandId(actor, options);
  }

  /** The project as its events make it now, and its version: for checks made before accepting an upload. */
  state(projectId: string): Promise<{ state: ProjectState; version: number }> {
    return this.runner.state(projectDecider, projectStreamId(projectId));
  }

  /** What the command `commandId` appended to the project's stream. */
  recordedBy(projectId: string, commandId: string) {
    return this.runner.recordedBy(projectStreamId(projectId), commandId);
  }

  /**
   * 404 unless the project exists and the person may see it: for handlers that look something up
   * (an organisation, an assignee) before running the command, so that they do not answer about
   * those for a project the person may not know of.
   */
  async assertVisible(projectId: string, actor: Actor): Promise<void> {
    const { state } = await this.state(projectId);
    if (!state.exists || !canSeeProject(actor, state)) throw projectNotFound(projectId);
  }

  run(projectId: string, command: ProjectCommand, actor: Actor, options: CommandOptions, commandId?: string): Promise<CommandAccepted> {
    return this.runner.run(projectDecider, {
      id: projectId,
      streamId: projectStreamId(projectId),
      command,
      actor,
      options,
      commandId,
      // Without If-Match every command is decided again on the fresh state after a lost race (ADR 0020).
      // Whoever may not see the project is not told it exists.
      guard: (state) => {
        if (state.exists && !canSeeProject(actor, state)) throw projectNotFound(projectId);
      },
    });
  }
}
