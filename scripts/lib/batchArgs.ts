/** What the leave-one-batch-out scripts (safety-crossval, safety-lr-crossval) share: their flags and batch files. */
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
