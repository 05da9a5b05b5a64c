/** Classification speed on the development corpus: `node dist/scripts/bench-safety.js` or via `npm run bench`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../core/paths';
import { createDetector } from '../core/safety';

export async function benchSafety(rounds = 20): Promise<{ messages: number; avgMs: number }> {
  const file = path.join(ROOT, 'test', 'safety', 'corpus.jsonl');
  const texts = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const detector = createDetector();
  for (const t of texts) detector.detect(t); // warm up
  const start = process.hrtime.bigint();
  let messages = 0;
  for (let r = 0; r < rounds; r++) {
    // vary the text a little each round so per-word caches do not flatter the figure
    for (const t of texts) {
      detector.detect(r % 2 ? t.toUpperCase() : `${t} ${r}`);
      messages++;
    }
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { messages, avgMs: ms / messages };
}

if (require.main === module) {
  benchSafety()
    .then((r) => process.stdout.write(`safety detector: ${r.messages} messages, average ${r.avgMs.toFixed(4)} ms per message\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    });
}
