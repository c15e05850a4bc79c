import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DocumentAccepted } from '@carnet/contracts';
import { DocumentUploads } from '../../documents/document-uploads.js';
import { AddDocumentVersionCommand } from './add-document-version.command.js';

@CommandHandler(AddDocumentVersionCommand)
export class AddDocumentVersionHandler implements ICommandHandler<AddDocumentVersionCommand> {
  constructor(private readonly uploads: DocumentUploads) {}

  execute({ projectId, command, actor, options }: AddDocumentVersionCommand): Promise<DocumentAccepted> {
    return this.uploads.record(projectId, command, actor, options);
  }
}
