import { describe, expect, it } from '@jest/globals';
import { assertMatchesSchema } from '../testing/event-schemas.js';
import { QUESTION_CATEGORIES } from './project.events.js';
import { QUESTION_ROUTING } from './follow-up.events.js';
import { upcastProjectEvent } from './project.upcasters.js';

const P = '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20';
const Q = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const A = '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910';

describe('upcastProjectEvent', () => {
  describe('when reading a QuestionAsked v1', () => {
    it.each(QUESTION_CATEGORIES)('routes a « %s » question to its team, with no document, as a valid v2', (category) => {
      const v1 = { type: 'QuestionAsked', schemaVersion: 1, data: { projectId: P, questionId: Q, category, text: 'Q' }, position: 7 };
      assertMatchesSchema(v1);
      const v2 = upcastProjectEvent(v1);
      expect(v2).toEqual({ ...v1, schemaVersion: 2, data: { ...v1.data, team: QUESTION_ROUTING[category], documentIds: [] } });
      assertMatchesSchema(v2);
    });
  });

  describe('when reading a QuestionAnswered v1', () => {
    it('gives no document and no contact, as a valid v2', () => {
      const v1 = { type: 'QuestionAnswered', schemaVersion: 1, data: { projectId: P, questionId: Q, answerId: A, text: 'La DETR' } };
      const v2 = upcastProjectEvent(v1);
      expect(v2.data).toEqual({ projectId: P, questionId: Q, answerId: A, text: 'La DETR', documentIds: [], contactId: null });
      assertMatchesSchema(v2);
    });
  });

  describe('when the event is current', () => {
    it('returns the very same object', () => {
      const v2 = { type: 'QuestionAsked', schemaVersion: 2, data: {} };
      expect(upcastProjectEvent(v2)).toBe(v2);
      const other = { type: 'StepAdvanced', schemaVersion: 1, data: {} };
      expect(upcastProjectEvent(other)).toBe(other);
    });
  });
});
