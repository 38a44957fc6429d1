import { z } from 'zod';
import { RULE_IDS } from '../model.ts';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date YYYY-MM-DD');
const localized = z.object({ en: z.string().min(1), nl: z.string().min(1) });
const period = z.object({ from: calendarDate, to: calendarDate });

export const RuleVariantSchema = z.object({ reason: localized, quote: z.string().min(1) });

export const RuleSetSchema = z.object({
  format: z.literal('twinarchive-ruleset/1'),
  version: z.string().min(1),
  source: z.object({
    title: z.string(),
    updated: calendarDate,
    language: z.string(),
    file: z.string(),
  }),
  timeZone: z.string().min(1),
  contentCutoff: calendarDate,
  groupWindow: period,
  groupLife: period,
  margin: z.object({
    default: z.number().int().nonnegative(),
    min: z.number().int().nonnegative(),
    max: z.number().int().nonnegative(),
  }),
  rules: z.record(
    z.enum(RULE_IDS),
    z.object({ title: localized, variants: z.record(z.string(), RuleVariantSchema) }),
  ),
});
export type RuleSet = z.infer<typeof RuleSetSchema>;
export type CalendarPeriod = z.infer<typeof period>;
