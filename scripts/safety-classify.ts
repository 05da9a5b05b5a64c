/**
 * npm run --silent safety:classify
 * Reads JSON lines {"id": ..., "text": ...} on stdin; writes exactly one JSON line {"id","level","category","reasons"}
 * per input line, in input order, and nothing else on stdout. Unreadable lines get level "none", category null and
 * a reason saying so. Diagnostics go to stderr only.
 */
import { createInterface } from 'node:readline';
import { createDetector } from '../core/safety';

async function main(): Promise<void> {
  const detector = createDetector();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  let bad = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join(''));
    out.length = 0;
  };
  for await (const line of rl) {
    n++;
    let id: unknown = null;
    let text: unknown;
    let readable = false;
    try {
      const obj = JSON.parse(line) as unknown;
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
        id = (obj as Record<string, unknown>).id ?? null;
        text = (obj as Record<string, unknown>).text;
        readable = typeof text === 'string';
      }
    } catch {
      readable = false;
    }
    if (!readable) {
      bad++;
      out.push(JSON.stringify({ id, level: 'none', category: null, reasons: [`Input line ${n} was unreadable (not a JSON object with a "text" string); it was not checked`] }) + '\n');
    } else {
      const r = detector.detect(text as string);
      out.push(JSON.stringify({ id, level: r.level, category: r.category, reasons: r.reasons }) + '\n');
    }
    if (out.length >= 256) flush();
  }
  flush();
  if (bad) process.stderr.write(`safety:classify: ${bad} of ${n} input lines were unreadable\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`safety:classify failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
