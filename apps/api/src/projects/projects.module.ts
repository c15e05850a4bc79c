import { Module } from '@nestjs/common';
import { CommunesModule } from '../communes/communes.module.js';
import { AnswerQuestionHandler } from './commands/answer-question/answer-question.handler.js';
import { AnswerQuestionHttpController } from './commands/answer-question/answer-question.http.controller.js';
import { AskQuestionHandler } from './commands/ask-question/ask-question.handler.js';
import { AskQuestionHttpController } from './commands/ask-question/ask-question.http.controller.js';
import { ChangeProjectDetailsHandler } from './commands/change-project-details/change-project-details.handler.js';
import { ChangeProjectDetailsHttpController } from './commands/change-project-details/change-project-details.http.controller.js';
import { ChangeStepHandler } from './commands/change-step/change-step.handler.js';
import { ChangeStepHttpController } from './commands/change-step/change-step.http.controller.js';
import { CreateProjectHandler } from './commands/create-project/create-project.handler.js';
import { CreateProjectHttpController } from './commands/create-project/create-project.http.controller.js';
import { RevisePublicationHandler } from './commands/revise-publication/revise-publication.handler.js';
import { RevisePublicationHttpController } from './commands/revise-publication/revise-publication.http.controller.js';
import { WithdrawPublicationHandler } from './commands/withdraw-publication/withdraw-publication.handler.js';
import { WithdrawPublicationHttpController } from './commands/withdraw-publication/withdraw-publication.http.controller.js';
import { PublishProjectHandler } from './commands/publish-project/publish-project.handler.js';
import { PublishProjectHttpController } from './commands/publish-project/publish-project.http.controller.js';
import { RequestPublicationHandler } from './commands/request-publication/request-publication.handler.js';
import { RequestPublicationHttpController } from './commands/request-publication/request-publication.http.controller.js';
import { InvolvePartnerHandler } from './commands/involve-partner/involve-partner.handler.js';
import { InvolvePartnerHttpController } from './commands/involve-partner/involve-partner.http.controller.js';
import { AddDocumentHandler } from './commands/add-document/add-document.handler.js';
import { AddDocumentHttpController } from './commands/add-document/add-document.http.controller.js';
import { AddDocumentVersionHandler } from './commands/add-document-version/add-document-version.handler.js';
import { AddDocumentVersionHttpController } from './commands/add-document-version/add-document-version.http.controller.js';
import { ChangeDocumentVisibilityHandler } from './commands/change-document-visibility/change-document-visibility.handler.js';
import { ChangeDocumentVisibilityHttpController } from './commands/change-document-visibility/change-document-visibility.http.controller.js';
import { RemoveDocumentHandler } from './commands/remove-document/remove-document.handler.js';
import { RemoveDocumentHttpController } from './commands/remove-document/remove-document.http.controller.js';
import { DocumentUploads } from './documents/document-uploads.js';
import { DownloadDocumentHandler } from './queries/download-document/download-document.handler.js';
import { DownloadDocumentHttpController } from './queries/download-document/download-document.http.controller.js';
import { AssignQuestionHandler } from './commands/assign-question/assign-question.handler.js';
import { AssignQuestionHttpController } from './commands/assign-question/assign-question.http.controller.js';
import { TakeQuestionInChargeHandler } from './commands/take-question-in-charge/take-question-in-charge.handler.js';
import { TakeQuestionInChargeHttpController } from './commands/take-question-in-charge/take-question-in-charge.http.controller.js';
import { CloseQuestionHandler } from './commands/close-question/close-question.handler.js';
import { CloseQuestionHttpController } from './commands/close-question/close-question.http.controller.js';
import { ReopenQuestionHandler } from './commands/reopen-question/reopen-question.handler.js';
import { ReopenQuestionHttpController } from './commands/reopen-question/reopen-question.http.controller.js';
import { PostMessageHandler } from './commands/post-message/post-message.handler.js';
import { PostMessageHttpController } from './commands/post-message/post-message.http.controller.js';
import { AddInternalNoteHandler } from './commands/add-internal-note/add-internal-note.handler.js';
import { AddInternalNoteHttpController } from './commands/add-internal-note/add-internal-note.http.controller.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { GetWaitingQueueHandler } from './queries/get-waiting-queue/get-waiting-queue.handler.js';
import { GetWaitingQueueHttpController } from './queries/get-waiting-queue/get-waiting-queue.http.controller.js';
import { ListAssigneesHttpController } from './queries/list-assignees/list-assignees.http.controller.js';
import { ListMessagesHandler } from './queries/list-messages/list-messages.handler.js';
import { ListMessagesHttpController } from './queries/list-messages/list-messages.http.controller.js';
import { ListNotesHandler } from './queries/list-notes/list-notes.handler.js';
import { ListNotesHttpController } from './queries/list-notes/list-notes.http.controller.js';
import { QuestionViewContextLoader } from './question-view-context.js';
import { ProjectCommandRunner } from './project-command.runner.js';
import { GetProjectHistoryHandler } from './queries/get-project-history/get-project-history.handler.js';
import { GetProjectHistoryHttpController } from './queries/get-project-history/get-project-history.http.controller.js';
import { GetProjectHandler } from './queries/get-project/get-project.handler.js';
import { GetProjectHttpController } from './queries/get-project/get-project.http.controller.js';
import { ListProjectsHandler } from './queries/list-projects/list-projects.handler.js';
import { ListProjectsHttpController } from './queries/list-projects/list-projects.http.controller.js';
import { ExportProjectsHttpController } from './queries/export-projects/export-projects.http.controller.js';

/** The Project context: its commands, queries and read models. */
@Module({
  imports: [CommunesModule, DirectoryModule],
  controllers: [
    // Queries first so that GET /projects/:id/history is not shadowed, and export.csv before :id.
    ListProjectsHttpController,
    ExportProjectsHttpController,
    GetProjectHistoryHttpController,
    ListMessagesHttpController,
    ListNotesHttpController,
    ListAssigneesHttpController,
    GetWaitingQueueHttpController,
    GetProjectHttpController,
    DownloadDocumentHttpController,
    CreateProjectHttpController,
    ChangeProjectDetailsHttpController,
    ChangeStepHttpController,
    AskQuestionHttpController,
    AnswerQuestionHttpController,
    RequestPublicationHttpController,
    PublishProjectHttpController,
    RevisePublicationHttpController,
    WithdrawPublicationHttpController,
    InvolvePartnerHttpController,
    AddDocumentHttpController,
    AddDocumentVersionHttpController,
    ChangeDocumentVisibilityHttpController,
    RemoveDocumentHttpController,
    AssignQuestionHttpController,
    TakeQuestionInChargeHttpController,
    CloseQuestionHttpController,
    ReopenQuestionHttpController,
    PostMessageHttpController,
    AddInternalNoteHttpController,
  ],
  providers: [
    ProjectCommandRunner,
    CreateProjectHandler,
    ChangeProjectDetailsHandler,
    ChangeStepHandler,
    AskQuestionHandler,
    AnswerQuestionHandler,
    RequestPublicationHandler,
    PublishProjectHandler,
    RevisePublicationHandler,
    WithdrawPublicationHandler,
    InvolvePartnerHandler,
    DocumentUploads,
    AddDocumentHandler,
    AddDocumentVersionHandler,
    ChangeDocumentVisibilityHandler,
    RemoveDocumentHandler,
    DownloadDocumentHandler,
    ListProjectsHandler,
    GetProjectHandler,
    GetProjectHistoryHandler,
    AssignQuestionHandler,
    TakeQuestionInChargeHandler,
    CloseQuestionHandler,
    ReopenQuestionHandler,
    PostMessageHandler,
    AddInternalNoteHandler,
    ListMessagesHandler,
    ListNotesHandler,
    GetWaitingQueueHandler,
    QuestionViewContextLoader,
  ],
  exports: [ProjectCommandRunner, DocumentUploads, QuestionViewContextLoader],
})
export class ProjectsModule {}
