import { en } from './en.ts';
import type { Lang } from './lang.ts';
import { vi } from './vi.ts';

/** The shape every language must provide: Vietnamese is the reference. */
export type Dictionary = typeof vi;

export const dictionaries: Record<Lang, Dictionary> = { vi, en };
