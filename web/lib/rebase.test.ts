import { describe, expect, it } from 'vitest';
import { rebase } from './rebase.ts';

describe('rebase', () => {
  it('keeps what this user changed and takes the rest from the new version', () => {
    const base = { title: 'A', notes: 'x', tags: ['a'] };
    const mine = { title: 'A', notes: 'mine', tags: ['a'] };
    const theirs = { title: 'B', notes: 'x', tags: ['a', 'b'] };
    expect(rebase(base, mine, theirs)).toEqual({ title: 'B', notes: 'mine', tags: ['a', 'b'] });
  });

  it('keeps a key this user added that neither version had', () => {
    const base: Record<string, number | undefined> = { a: 1 };
    expect(rebase(base, { a: 1, b: 2 }, { a: 3 })).toEqual({ a: 3, b: 2 });
  });
});
