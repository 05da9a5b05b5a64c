/**
 * Commissioner reports: pure functions from records to a published (suppressed) report, and its renderers.
 *   makeReport(data, period)  -> PublishedReport
 *   renderReport(report, fmt) -> string (csv | json | html)
 */
import type { Bank } from '../outcomes/bank';
import { buildRawReport } from './aggregate';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson } from './json';
import type { ReportData } from './load';
import type { Period, ReportFormat } from './period';
import { publishReport, PublishedReport } from './publish';

export * from './period';
export * from './aggregate';
export * from './suppress';
export * from './publish';
export * from './load';
export * from './demo';
export * from './exportAnswers';
export * from './csvCells';
export { renderCsv, renderHtml, renderJson };

export function makeReport(data: ReportData, period: Period, opts: { bank?: Bank; now?: Date } = {}): PublishedReport {
  return publishReport(buildRawReport({ ...data, period, bank: opts.bank }), opts.now);
}

export function renderReport(r: PublishedReport, format: ReportFormat): string {
  return format === 'csv' ? renderCsv(r) : format === 'json' ? renderJson(r) : renderHtml(r);
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};
