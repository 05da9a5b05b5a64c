/** What the leave-one-batch-out scripts (safety-crossval, safety-lr-crossval) share: flags, batch files, tallies. */
import type { TrainingLine } from '../../core/safety/schema';
import type { CorpusLine } from '../safety-eval';
import { readFresh } from '../safety-fresh';

/** the value after a command-line flag, e.g. arg('--alpha') */
export const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
/** a comma-separated flag value as a list */
export const list = (s: string | undefined): string[] => (s ? s.split(',').filter(Boolean) : []);
/** a batch file's short name for a column heading (test/safety/blind/batch-c.jsonl -> batch-c) */
export const batchName = (f: string): string => f.replace(/.*\//, '').replace(/\.jsonl$/, '');
/** a labelled batch file's lines, each read alone (no earlier messages) */
export const readBatch = (f: string): { f: string; lines: CorpusLine[] } => ({
  f,
  lines: readFresh(f).map((l) => ({ ...l, recent: undefined }) as CorpusLine),
});
/** labelled lines as classifier training lines */
export const asTraining = (ls: Array<Pick<CorpusLine, 'text' | 'level' | 'category'>>): TrainingLine[] =>
  ls.map((l) => ({ text: l.text, level: l.level, category: l.category }));

/** counts behind one cell of a table: crisis+safeguarding lines and those raised, harmless lines and those raised,
 * concern lines and those raised */
export interface Tally {
  pos: number;
  caught: number;
  harmless: number;
  fa: number;
  concern: number;
  concernRaised: number;
}
export const zeroTally = (): Tally => ({ pos: 0, caught: 0, harmless: 0, fa: 0, concern: 0, concernRaised: 0 });
/** recall/harmless raised/concern raised, as the tables print it */
export const fmtTally = (t: Tally): string =>
  `${(t.caught / Math.max(1, t.pos)).toFixed(3)}/${((100 * t.fa) / Math.max(1, t.harmless)).toFixed(1)}%/c${((100 * t.concernRaised) / Math.max(1, t.concern)).toFixed(0)}%`;
