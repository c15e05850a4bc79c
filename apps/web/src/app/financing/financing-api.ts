import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CommandAccepted,
  FinancingPlanView,
  Funder,
  FundingScheme,
  OwnShareRule,
  RuleSetVersionView,
  SimilarGrantsView,
  SimulationReplayView,
  SimulationView,
  WorkCategory,
} from '@carnet/contracts';
import type { Observable } from 'rxjs';
import type { CommandContext } from '../core/api';

/** What the simulator form sends (amounts in cents). */
export interface SimulationRequest {
  codeInsee?: string;
  category: WorkCategory;
  costHtCents: number;
  costTtcCents: number;
  privateCents?: number;
  obtainedStateCents?: number;
  obtainedOtherCents?: number;
  plannedStart?: string | null;
  schoolDerogation?: boolean;
  chefDeFile?: boolean;
}

export interface FundingLineRequest {
  funder: Funder;
  scheme: FundingScheme;
  label: string;
  amountCents: number;
  base: 'HT' | 'TTC';
  requestedOn: string;
}

const headers = (ctx: CommandContext) => new HttpHeaders({ 'If-Match': `"${ctx.version}"`, 'Idempotency-Key': ctx.idempotencyKey });

/** The financing endpoints (issue #12). */
@Injectable({ providedIn: 'root' })
export class FinancingApi {
  private readonly http = inject(HttpClient);
  private readonly url = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/financing`;

  plan(projectId: string, minPosition?: number | null): Observable<FinancingPlanView> {
    const params = minPosition ? new HttpParams().set('minPosition', String(minPosition)) : undefined;
    return this.http.get<FinancingPlanView>(this.url(projectId), { params });
  }
  setCost(projectId: string, body: { costHtCents: number; costTtcCents: number; items?: Array<{ label: string; amountHtCents: number }> }, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.url(projectId)}/cost`, body, { headers: headers(ctx) });
  }
  requestLine(projectId: string, body: FundingLineRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.url(projectId)}/lines`, body, { headers: headers(ctx) });
  }
  lineAction(projectId: string, lineId: string, action: 'grant' | 'payments' | 'refusal' | 'revision', body: object, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.url(projectId)}/lines/${encodeURIComponent(lineId)}/${action}`, body, { headers: headers(ctx) });
  }
  chooseRule(projectId: string, body: { rule: OwnShareRule; reason: string }, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.url(projectId)}/own-share-rule`, body, { headers: headers(ctx) });
  }
  saveSimulation(projectId: string, body: SimulationRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.url(projectId)}/simulations`, body, { headers: headers(ctx) });
  }
  requestFromSimulation(projectId: string, simulationId: string, requestedOn: string, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.url(projectId)}/simulations/${encodeURIComponent(simulationId)}/request-lines`, { requestedOn }, { headers: headers(ctx) });
  }
  replay(projectId: string, simulationId: string): Observable<SimulationReplayView> {
    return this.http.get<SimulationReplayView>(`${this.url(projectId)}/simulations/${encodeURIComponent(simulationId)}/replay`);
  }
  simulate(body: SimulationRequest): Observable<SimulationView> {
    return this.http.post<SimulationView>('/api/financing/simulate', body);
  }
  similar(category: WorkCategory): Observable<SimilarGrantsView> {
    return this.http.get<SimilarGrantsView>('/api/financing/similar', { params: new HttpParams().set('category', category) });
  }
  ruleSets(): Observable<RuleSetVersionView[]> {
    return this.http.get<RuleSetVersionView[]>('/api/financing/rule-sets');
  }
}
