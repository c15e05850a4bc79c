import { Module } from '@nestjs/common';
import { CommunesModule } from '../communes/communes.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { GetFinancingAsOfHttpController } from './replays/get-financing-as-of/get-financing-as-of.http.controller.js';
import { AuditLog } from './audit-log.js';
import { EraseAccountHttpController } from './commands/erase-account/erase-account.http.controller.js';
import { CompareProjectHttpController } from './replays/compare-project/compare-project.http.controller.js';
import { ExportProjectHttpController } from './replays/export-project/export-project.http.controller.js';
import { GetAuditHistoryHttpController } from './replays/get-audit-history/get-audit-history.http.controller.js';
import { GetCommuneSeatHistoryHttpController } from './replays/get-commune-seat-history/get-commune-seat-history.http.controller.js';
import { GetProjectAsOfHttpController } from './replays/get-project-as-of/get-project-as-of.http.controller.js';
import { ListAuditProjectsHttpController } from './replays/list-audit-projects/list-audit-projects.http.controller.js';
import { VerifyLogHttpController } from './replays/verify-log/verify-log.http.controller.js';
import { GetLatestAnchorHttpController } from './replays/get-latest-anchor/get-latest-anchor.http.controller.js';

/**
 * The audit area (ADR 0009): auditors and Département administrators replay a project's history
 * from the event log, see it as it was on any date, verify the log's hash chain and export it.
 * `replays/` holds the reads that replay the log (the one exception to « queries read read models »).
 */
@Module({
  imports: [CommunesModule, ProjectsModule],
  controllers: [
    ListAuditProjectsHttpController,
    GetCommuneSeatHistoryHttpController,
    GetAuditHistoryHttpController,
    GetProjectAsOfHttpController,
    GetFinancingAsOfHttpController,
    CompareProjectHttpController,
    VerifyLogHttpController,
    GetLatestAnchorHttpController,
    ExportProjectHttpController,
    EraseAccountHttpController,
  ],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
