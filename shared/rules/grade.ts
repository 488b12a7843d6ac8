// Scoring a grading scheme (Circular 01/2020: 15 criteria, 100 points): each criterion's points
// within 0…max, the total, and the grade its cut-offs give. Pure: the scoring form shows the
// same total and grade as the server records.
import type { Grade } from '../contracts/enums.ts';
import type { GradingScheme } from '../contracts/grading.ts';

export interface ScoreIssue {
  criterion: string;
  message: string;
  messageEn: string;
}

/** At least `good` is good, at least `fair` fair, at least `average` average; below, weak. */
export function gradeOf(total: number, cutoffs: GradingScheme['cutoffs']): Exclude<Grade, 'unrated'> {
  if (total >= cutoffs.good) return 'good';
  if (total >= cutoffs.fair) return 'fair';
  if (total >= cutoffs.average) return 'average';
  return 'weak';
}

export function scoreGrade(
  scheme: GradingScheme,
  scores: Record<string, number>,
): { total: number; grade: Exclude<Grade, 'unrated'>; issues: ScoreIssue[] } {
  const issues: ScoreIssue[] = [];
  const known = new Set(scheme.criteria.map((c) => c.code));
  for (const code of Object.keys(scores)) {
    if (!known.has(code)) {
      issues.push({ criterion: code, message: `Không có tiêu chí ${code}`, messageEn: `No criterion ${code}` });
    }
  }
  let tenths = 0;
  for (const c of scheme.criteria) {
    const points = scores[c.code];
    if (points === undefined) {
      issues.push({
        criterion: c.code,
        message: `Chưa chấm tiêu chí ${c.code}`,
        messageEn: `Criterion ${c.code} has no score`,
      });
    } else if (points < 0 || points > c.maxPoints || Math.round(points * 10) !== points * 10) {
      issues.push({
        criterion: c.code,
        message: `Điểm tiêu chí ${c.code} phải từ 0 đến ${c.maxPoints} (lẻ tới 0,1)`,
        messageEn: `Criterion ${c.code} takes 0 to ${c.maxPoints} points (in tenths)`,
      });
    } else {
      tenths += Math.round(points * 10);
    }
  }
  const total = tenths / 10;
  return { total, grade: gradeOf(total, scheme.cutoffs), issues };
}
