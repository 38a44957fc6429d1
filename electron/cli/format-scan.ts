import type { ScanResult } from '../../shared/inventory.ts';
import type { Verdict } from '../../shared/model.ts';
import { formatBytes } from '../../shared/format.ts';

const LABEL: Record<Verdict, string> = { lost: 'Lost', uncertain: 'Uncertain', migrates: 'Migrates' };
const ORDER: readonly Verdict[] = ['lost', 'uncertain', 'migrates'];

function row(label: string, spaces: number, items: number, bytes: number): string {
  return `  ${label.padEnd(10)}${String(spaces).padStart(8)}${String(items).padStart(8)}${formatBytes(bytes).padStart(10)}`;
}

/** The scan as a person reads it in a terminal: totals first, then every space. */
export function formatScan(scan: ScanResult): string {
  const { totals, account, settings } = scan;
  const lines = [
    `${account.name} <${account.email}> on ${scan.source}`,
    `Rule set ${scan.ruleSet.version}, margin ${settings.margin} day${settings.margin === 1 ? '' : 's'}, ` +
      `EU Login e-mail: ${settings.euLoginEmail?.trim() || 'not given (profile verdicts are uncertain)'}`,
    '',
    `  ${''.padEnd(10)}${'spaces'.padStart(8)}${'items'.padStart(8)}${'size'.padStart(10)}`,
    ...ORDER.map((verdict) => {
      const entry = totals.byVerdict[verdict];
      return row(LABEL[verdict], entry.spaces, entry.items, entry.bytes);
    }),
    `${row('At risk', totals.atRisk.spaces, totals.atRisk.items, totals.atRisk.bytes)}   <- archive these`,
    '',
    'Spaces',
  ];
  const itemsBySpace = new Map<string | null, Record<Verdict, number>>();
  for (const item of scan.items) {
    const counts = itemsBySpace.get(item.space) ?? { lost: 0, uncertain: 0, migrates: 0 };
    counts[item.verdict] += 1;
    itemsBySpace.set(item.space, counts);
  }
  const describeCounts = (counts: Record<Verdict, number> | undefined) =>
    ORDER.filter((verdict) => (counts?.[verdict] ?? 0) > 0)
      .map((verdict) => `${counts?.[verdict]} ${verdict}`)
      .join(', ') || 'no items';
  const spaces = [...scan.spaces].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict) || a.title.localeCompare(b.title));
  for (const space of spaces) {
    lines.push(
      `  ${space.verdict.toUpperCase().padEnd(10)}${space.rule.padEnd(7)}${space.kind.padEnd(10)}${sanitizeForTerminal(space.title)}` +
        `  (${describeCounts(itemsBySpace.get(space.id))})`,
      `      ${space.reason.en}`,
    );
  }
  lines.push('', `Personal items: ${describeCounts(itemsBySpace.get(null))}`);
  return `${lines.join('\n')}\n`;
}

/** Titles come from the platform: keep control and bidi characters out of the terminal. */
export function sanitizeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
}
