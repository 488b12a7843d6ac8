/** Two drafts, or two values of a field, alike: what the forms compare (key order is the draft's own). */
export const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * After a conflict (409), the other person's version with this user's own changes on top: a key
 * this user changed since `base` keeps their value, every other key takes the new version's.
 */
export function rebase<T extends object>(base: T, mine: T, theirs: T): T {
  const keys = new Set([...Object.keys(theirs), ...Object.keys(mine)]) as Set<keyof T>;
  const changed = (k: keyof T) => !same(mine[k], base[k]);
  return Object.fromEntries([...keys].map((k) => [k, changed(k) ? mine[k] : theirs[k]])) as T;
}
