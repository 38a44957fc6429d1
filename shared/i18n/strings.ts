import type { Language } from '../contract.ts';
import { en, type Strings } from './en.ts';
import { nl } from './nl.ts';

export type { Strings } from './en.ts';

export const STRINGS: Readonly<Record<Language, Strings>> = { en, nl };
