import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { FinancingPlanView, PlanChecksView, ProjectDetail } from '@carnet/contracts';
import { ProjectStore } from '../projects/project-page/project-store';
import { FinancingStore } from './financing-store';
import { FinancingCostForm } from './funding-forms';

const checks = (costHtCents: number | null, costTtcCents: number | null) => ({ costHtCents, costTtcCents }) as PlanChecksView;

describe('FinancingCostForm — the cost is typed once', () => {
  const open = async (estimatedCostHt: number | null, plan: Partial<FinancingPlanView> | null) => {
    TestBed.configureTestingModule({ imports: [FinancingCostForm], providers: [provideHttpClient(), provideHttpClientTesting(), ProjectStore, FinancingStore] });
    TestBed.inject(ProjectStore).detail.set({ id: 'p1', estimatedCostHt } as ProjectDetail);
    TestBed.inject(FinancingStore).plan.set(plan as FinancingPlanView | null);
    const fixture = TestBed.createComponent(FinancingCostForm);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    return { ht: el.querySelector<HTMLInputElement>('#cost-ht')!.value, ttc: el.querySelector<HTMLInputElement>('#cost-ttc')!.value };
  };

  afterEach(() => TestBed.resetTestingModule());

  it('starts from the cost the project’s presentation estimates when the plan has none', async () => {
    expect(await open(185_000, { checks: checks(null, null) })).toEqual({ ht: '185 000', ttc: '' });
  });

  it('starts from the plan’s own cost once it has one', async () => {
    expect(await open(45_000, { checks: checks(18_500_050, 22_200_000) })).toEqual({ ht: '185 000,50', ttc: '222 000' });
  });

  it('starts empty when nothing is known', async () => {
    expect(await open(null, null)).toEqual({ ht: '', ttc: '' });
  });
});
