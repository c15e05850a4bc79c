import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuditExport } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { requireAuditor } from '../../audit-access.js';
import { AuditLog } from '../../audit-log.js';
import { renderAuditReport } from './audit-report.html.js';

const fileName = (report: AuditExport, ext: string) => `audit-projet-${report.project.id}-${report.generatedAt.slice(0, 10)}.${ext}`;

@ApiTags('Audit')
@Controller('audit/projects')
export class ExportProjectHttpController {
  constructor(private readonly audit: AuditLog) {}

  @Get(':id/export.json')
  @ApiOperation({ summary: 'Export JSON : historique complet avec empreintes, verdict de vérification, date de génération (pièce jointe)' })
  @Header('Cache-Control', 'no-store')
  @ProblemResponses(401, 403, 404)
  async json(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<AuditExport> {
    requireAuditor(actor);
    const report = await this.audit.exportOf(actor, id);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName(report, 'json')}"`);
    return report;
  }

  @Get(':id/export.html')
  @ApiOperation({ summary: 'Rapport d’audit imprimable (HTML, A4) : à imprimer en PDF depuis le navigateur' })
  @ApiProduces('text/html')
  @Header('Cache-Control', 'no-store')
  @ProblemResponses(401, 403, 404)
  async html(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<string> {
    requireAuditor(actor);
    const report = await this.audit.exportOf(actor, id);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    // The document is self-contained: no script, no outside resource, only its own styles.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
    res.setHeader('Content-Disposition', `inline; filename="${fileName(report, 'html')}"`);
    return renderAuditReport(report);
  }
}
