import { describe, expect, it } from 'vitest';
import { en } from './en.ts';

describe('English counts', () => {
  it('are singular for one', () => {
    expect([en.users.total('1'), en.users.total('2')]).toEqual(['1 account', '2 accounts']);
    expect([en.registry.total('1'), en.registry.total('1,264')]).toEqual(['1 organisation', '1,264 organisations']);
  });
});
