import { canAudit, isoToLocal, localToIso } from './audit-api';

describe('audit helpers', () => {
  describe('canAudit', () => {
    it('offers the audit area to auditors and Département administrators only', () => {
      expect(canAudit('auditor')).toBe(true);
      expect(canAudit('departement_admin')).toBe(true);
      for (const role of ['departement_agent', 'commune_mayor', 'commune_member', 'partner_member', null, undefined]) {
        expect(canAudit(role)).toBe(false);
      }
    });
  });

  describe('date-time picker values', () => {
    it('round-trips a local date-time through an ISO instant', () => {
      const iso = localToIso('2026-03-05T14:07');
      expect(iso).toMatch(/^2026-03-0[45]T\d{2}:07:00\.000Z$/);
      expect(isoToLocal(iso)).toBe('2026-03-05T14:07');
    });

    it('gives an empty value for an empty or invalid entry', () => {
      expect(localToIso('')).toBe('');
      expect(localToIso('pas une date')).toBe('');
      expect(isoToLocal('n’importe quoi')).toBe('');
    });
  });
});
