import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DocumentAccepted } from '@carnet/contracts';
import { DocumentUploads } from '../../documents/document-uploads.js';
import { AddDocumentCommand } from './add-document.command.js';

@CommandHandler(AddDocumentCommand)
export class AddDocumentHandler implements ICommandHandler<AddDocumentCommand> {
  constructor(private readonly uploads: DocumentUploads) {}

  execute({ projectId, command, actor, options }: AddDocumentCommand): Promise<DocumentAccepted> {
    return this.uploads.record(projectId, command, actor, options);
  }
}
