import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, CommandHeadersDoc, ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import type { ProjectCommandMessage } from '../../../projects/project-command.message.js';
import {
  ChooseOwnShareRuleCommand,
  GrantFundingCommand,
  PayFundingCommand,
  RefuseFundingCommand,
  RequestFundingCommand,
  RequestFundingFromSimulationCommand,
  ReviseFundingCommand,
  SetFinancingCostCommand,
} from './change-financing-plan.command.js';
import {
  ChooseOwnShareRuleRequestDto,
  GrantFundingRequestDto,
  PayFundingRequestDto,
  RefuseFundingRequestDto,
  RequestFundingFromSimulationRequestDto,
  RequestFundingRequestDto,
  ReviseFundingRequestDto,
  SetFinancingCostRequestDto,
} from './change-financing-plan.request.dto.js';

@ApiTags('Financement')
@Controller('projects/:id/financing')
export class ChangeFinancingPlanHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  private async run(message: ProjectCommandMessage, res: Response): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(message);
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }

  @Post('cost')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fixer le coût HT et TTC du plan de financement (détail par poste facultatif)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  cost(@Param('id', UuidParam) id: string, @Body() body: SetFinancingCostRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.run(new SetFinancingCostCommand(id, actor, options, { type: 'SetFinancingCost', costHtCents: body.costHtCents, costTtcCents: body.costTtcCents, items: body.items?.map((i) => ({ label: i.label, amountHtCents: i.amountHtCents })) }), res);
  }

  @Post('lines')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ajouter une ligne de financement demandée (financeur, dispositif, montant, base, date)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  request(@Param('id', UuidParam) id: string, @Body() body: RequestFundingRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.run(new RequestFundingCommand(id, actor, options, { type: 'RequestFunding', ...body }), res);
  }

  @Post('lines/:lineId/grant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enregistrer l’accord d’un financeur (montant, date, référence de la décision)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  grant(@Param('id', UuidParam) id: string, @Param('lineId', UuidParam) lineId: string, @Body() body: GrantFundingRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.run(new GrantFundingCommand(id, actor, options, { type: 'GrantFunding', lineId, ...body }), res);
  }

  @Post('lines/:lineId/payments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enregistrer un versement (acompte ou solde), jamais au-delà du montant accordé' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  pay(@Param('id', UuidParam) id: string, @Param('lineId', UuidParam) lineId: string, @Body() body: PayFundingRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.run(new PayFundingCommand(id, actor, options, { type: 'PayFunding', lineId, ...body }), res);
  }

  @Post('lines/:lineId/refusal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enregistrer le refus d’un financeur (date, motif)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  refuse(@Param('id', UuidParam) id: string, @Param('lineId', UuidParam) lineId: string, @Body() body: RefuseFundingRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.run(new RefuseFundingCommand(id, actor, options, { type: 'RefuseFunding', lineId, ...body }), res);
  }

  @Post('lines/:lineId/revision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Réviser le montant demandé (ou accordé) d’une ligne, avec un motif' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  revise(@Param('id', UuidParam) id: string, @Param('lineId', UuidParam) lineId: string, @Body() body: ReviseFundingRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.run(new ReviseFundingCommand(id, actor, options, { type: 'ReviseFunding', lineId, ...body }), res);
  }

  @Post('own-share-rule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choisir la règle d’autofinancement du projet (Département : dérogation du préfet, chef de file)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  rule(@Param('id', UuidParam) id: string, @Body() body: ChooseOwnShareRuleRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.run(new ChooseOwnShareRuleCommand(id, actor, options, { type: 'ChooseOwnShareRule', ...body }), res);
  }

  @Post('simulations/:simulationId/request-lines')
  @HttpCode(200)
  @ApiOperation({ summary: 'Transformer une estimation enregistrée en lignes de financement demandées' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  fromSimulation(@Param('id', UuidParam) id: string, @Param('simulationId', UuidParam) simulationId: string, @Body() body: RequestFundingFromSimulationRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.run(new RequestFundingFromSimulationCommand(id, actor, options, { type: 'RequestFundingFromSimulation', simulationId, requestedOn: body.requestedOn }), res);
  }
}
