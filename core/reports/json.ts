/** The commissioner report as JSON: the published report itself (every figure already suppressed). */
import type { PublishedReport } from './publish';

export function renderJson(r: PublishedReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}
