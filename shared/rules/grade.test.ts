import { describe, expect, it } from 'vitest';
import type { GradingScheme } from '../contracts/grading.ts';
import { gradeOf, scoreGrade } from './grade.ts';

const scheme: GradingScheme = {
  code: 'T',
  name: 'Thử',
  nameEn: 'Test',
  criteria: [
    { code: 'A', name: 'A', nameEn: 'A', group: 'I', maxPoints: 40 },
    { code: 'B', name: 'B', nameEn: 'B', group: 'I', maxPoints: 35 },
    { code: 'C', name: 'C', nameEn: 'C', group: 'II', maxPoints: 25 },
  ],
  cutoffs: { good: 80, fair: 65, average: 50 },
  minMonths: 12,
  note: null,
};

describe('grading', () => {
  it('gives the grade of the cut-offs at their exact boundaries', () => {
    const c = scheme.cutoffs;
    expect([100, 80, 79.9, 65, 64.9, 50, 49.9, 0].map((t) => gradeOf(t, c))).toEqual([
      'good',
      'good',
      'fair',
      'fair',
      'average',
      'average',
      'weak',
      'weak',
    ]);
  });

  it('adds the points in tenths, without floating-point drift', () => {
    // 0.1 + 0.2 is not 0.3 in floating point; tenths are
    expect(scoreGrade(scheme, { A: 40, B: 24.9, C: 0.1 })).toEqual({ total: 65, grade: 'fair', issues: [] });
    expect(scoreGrade(scheme, { A: 39.9, B: 25, C: 0.1 }).total).toBe(65);
    expect(scoreGrade(scheme, { A: 0.1, B: 0.2, C: 29.7 }).issues).toHaveLength(1); // C over its 25
    expect(scoreGrade(scheme, { A: 20.3, B: 20.3, C: 9.3 })).toMatchObject({ total: 49.9, grade: 'weak' });
  });

  it('names every criterion missing, out of range, in hundredths or unknown', () => {
    const { issues } = scoreGrade(scheme, { A: 41, B: -1, C: 1.25, Z: 3 });
    expect(issues.map((i) => i.criterion).sort()).toEqual(['A', 'B', 'C', 'Z']);
    expect(scoreGrade(scheme, { A: 1 }).issues.map((i) => i.criterion)).toEqual(['B', 'C']);
  });
});
