// The old → new mapping of the 1 July 2025 reform, from dvhcvn/20250701 (SOURCE.md §4):
//  - splits.json (old → new): { data: [{ level1_id, splits: [{ new_id }], level3s: [{ level3_id, splits }] }] };
//    an old unit with exactly one successor went into it whole ('full'), else it was split ('partial');
//  - merges.json (new → old): { data: [{ level1_id, merges: [{ old_id, type }], level2s: [{ level2_id, merges }] }] },
//    whose `type` is the coverage. Its five island districts (3-digit old codes, no communes) are skipped:
//    successors link provinces and communes only.
import { importError, type Reason } from './import-rows.ts';
import { CODE_CORRECTIONS } from './load-current.ts';

export interface SuccessorPair {
  oldCode: string;
  newCode: string;
  level: 'province' | 'commune';
  coverage: 'full' | 'partial';
}

export interface Mapping {
  pairs: SuccessorPair[];
  /** the file speaks for every pair of these old (splits) or new (merges) codes: others are removed */
  scope: { by: 'old' | 'new'; codes: Set<string> };
  corrected: string[];
  skipped: number;
}

// The mapping was drafted before Decision 19/2025/QĐ-TTg and uses two new codes that the
// official list numbers differently: the same corrections as the shipped list (ADR 0005).
type Json = Record<string, unknown>;

export type MappingShape = 'splits' | 'merges';

export function mappingShape(data: unknown): MappingShape | undefined {
  const list = (data as Json | null)?.data;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const first = list[0] as Json | null;
  if (first && typeof first === 'object' && 'level1_id' in first) {
    if ('level3s' in first) return 'splits';
    if ('level2s' in first) return 'merges';
  }
  return undefined;
}

export function parseMapping(file: string, shape: MappingShape, data: { data: Json[] }): Mapping {
  const m = new MappingBuilder(file);
  data.data.forEach((p, i) => {
    const where = `data[${i}]`;
    const province = m.code(where, p.level1_id, 2);
    if (shape === 'splits') {
      m.successors(where, province, 'province', m.list(where, p, 'splits'), 'new_id', 2);
      m.list(where, p, 'level3s').forEach((c, j) => {
        const at = `${where}.level3s[${j}]`;
        m.successors(at, m.code(at, c.level3_id, 5), 'commune', m.list(at, c, 'splits'), 'new_id', 5);
      });
    } else {
      m.predecessors(where, province, 'province', m.list(where, p, 'merges'), 2);
      m.list(where, p, 'level2s').forEach((c, j) => {
        const at = `${where}.level2s[${j}]`;
        m.predecessors(at, m.code(at, c.level2_id, 5), 'commune', m.list(at, c, 'merges'), 5);
      });
    }
  });
  return m.result(shape === 'splits' ? 'old' : 'new');
}

class MappingBuilder {
  private readonly file: string;
  private readonly pairs = new Map<string, SuccessorPair>();
  private readonly scope = new Set<string>();
  private readonly corrected = new Set<string>();
  private skipped = 0;

  constructor(file: string) {
    this.file = file;
  }

  fail(where: string, reason: Reason): never {
    throw importError(this.file, where, reason);
  }

  list(where: string, record: Json, key: string): Json[] {
    const value = record[key];
    if (!Array.isArray(value)) this.fail(where, { vi: `"${key}" phải là một mảng`, en: `"${key}" must be an array` });
    return value as Json[];
  }

  code(where: string, value: unknown, length: number, isNew = false): string {
    if (typeof value !== 'string' || value.length !== length || !/^\d+$/.test(value)) {
      this.fail(where, {
        vi: `mã "${String(value)}" phải gồm ${length} chữ số`,
        en: `code "${String(value)}" must have ${length} digits`,
      });
    }
    const fixed = isNew ? CODE_CORRECTIONS[value] : undefined;
    if (!fixed) return value;
    this.corrected.add(`${value}→${fixed}`);
    return fixed;
  }

  /** splits: one old unit and the new ones it went into */
  successors(
    where: string,
    oldCode: string,
    level: SuccessorPair['level'],
    splits: Json[],
    key: string,
    length: number,
  ) {
    if (splits.length === 0)
      this.fail(where, { vi: `${oldCode} không có đơn vị kế thừa`, en: `${oldCode} has no successor` });
    if (this.scope.has(oldCode))
      this.fail(where, { vi: `${oldCode} xuất hiện hai lần`, en: `${oldCode} appears twice` });
    this.scope.add(oldCode);
    const news = new Set(splits.map((s, k) => this.code(`${where}.splits[${k}]`, s[key], length, true)));
    const coverage = news.size === 1 ? 'full' : 'partial';
    for (const newCode of news) this.pairs.set(`${oldCode}/${newCode}`, { oldCode, newCode, level, coverage });
  }

  /** merges: one new unit and the old ones it came from */
  predecessors(where: string, code: string, level: SuccessorPair['level'], merges: Json[], length: number) {
    const newCode = this.code(where, code, length, true);
    if (this.scope.has(newCode))
      this.fail(where, { vi: `${newCode} xuất hiện hai lần`, en: `${newCode} appears twice` });
    this.scope.add(newCode);
    merges.forEach((o, k) => {
      const at = `${where}.merges[${k}]`;
      if (level === 'commune' && typeof o.old_id === 'string' && o.old_id.length === 3) {
        this.skipped++;
        return;
      }
      const oldCode = this.code(at, o.old_id, length);
      if (o.type !== 'full' && o.type !== 'partial') {
        this.fail(at, { vi: `type phải là "full" hoặc "partial"`, en: `type must be "full" or "partial"` });
      }
      this.pairs.set(`${oldCode}/${newCode}`, { oldCode, newCode, level, coverage: o.type });
    });
  }

  result(by: 'old' | 'new'): Mapping {
    return {
      pairs: [...this.pairs.values()],
      scope: { by, codes: this.scope },
      corrected: [...this.corrected],
      skipped: this.skipped,
    };
  }
}
