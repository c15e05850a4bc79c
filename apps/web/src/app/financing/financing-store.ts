import { Injectable, inject, signal } from '@angular/core';
import type { FinancingPlanView } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { toUserError } from '../core/problem';
import { FinancingApi } from './financing-api';

/** The financing plan shown in « Financement », read again after each accepted command. */
@Injectable()
export class FinancingStore {
  private readonly api = inject(FinancingApi);
  readonly plan = signal<FinancingPlanView | null>(null);
  readonly error = signal<string | null>(null);
  private request = 0;

  async load(projectId: string, minPosition?: number | null): Promise<void> {
    const request = ++this.request;
    try {
      const plan = await firstValueFrom(this.api.plan(projectId, minPosition));
      if (request !== this.request) return;
      this.plan.set(plan);
      this.error.set(null);
    } catch (error) {
      if (request !== this.request) return;
      this.error.set(`Le plan de financement n’a pas pu être chargé. ${toUserError(error).message}`);
    }
  }
}
