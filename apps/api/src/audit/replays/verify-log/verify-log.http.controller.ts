import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LogVerification } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { requireAuditor } from '../../audit-access.js';
import { AuditLog } from '../../audit-log.js';

@ApiTags('Audit')
@Controller('audit')
export class VerifyLogHttpController {
  constructor(private readonly audit: AuditLog) {}

  @Get('verify')
  @ApiOperation({ summary: 'Vérifier l’intégrité de tout le journal (chaîne d’empreintes) ; verdict en français' })
  @ProblemResponses(401, 403)
  verify(@CurrentActor() actor: Actor): Promise<LogVerification> {
    requireAuditor(actor);
    return this.audit.verify();
  }
}
