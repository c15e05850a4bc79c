import type { FinancingPlanView, FundingLineView } from '@carnet/contracts';
import { grantedFundingRows } from './public-funding';

const line = (over: Partial<FundingLineView>): FundingLineView => ({
  id: 'l', funder: 'etat', scheme: 'detr', label: 'DETR 2027', status: 'accordee', base: 'HT', requestedCents: 30_000_00, requestedOn: '2027-01-01',
  grantedCents: 25_000_50, grantedOn: '2027-02-01', decisionReference: 'A', paidCents: 0, refusedOn: null, refusalReason: null, simulationId: null, steps: [], ...over,
});

describe('the public fiche’s funding taken from the plan', () => {
  it('keeps granted and paid lines only, with their funder, in euros', () => {
    const plan = { lines: [line({}), line({ status: 'refusee', label: 'Fonds vert' }), line({ status: 'demandee', grantedCents: null }), line({ funder: 'emprunt', label: 'Prêt' })] } as FinancingPlanView;
    expect(grantedFundingRows(plan)).toEqual([{ source: 'DETR 2027 (État)', amount: '25000,5' }]);
  });
});
