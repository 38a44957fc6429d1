import type { ScanResult } from '../../../shared/inventory.ts';

export function renderReportJson(scan: ScanResult): string {
  return `${JSON.stringify(scan, null, 2)}\n`;
}
