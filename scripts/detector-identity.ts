/**
 * Proves a speed change to the safety detector changed nothing it decides, and measures its speed as a busy turn
 * sees it.
 *
 *   node dist/scripts/detector-identity.js out.jsonl     every result, one JSON line per message, to out.jsonl
 *   node dist/scripts/detector-identity.js --time        microseconds per message (corpus.jsonl, 5 rounds)
 *   SAFETY_DATA=dir ...                                  the safety data in dir instead of content/safety
 *
 * The results cover every line of test/safety/corpus.jsonl, content/safety/training.jsonl, test/safety/blind/*.jsonl
 * and test/safety/answering-corpus.jsonl (with the question each answers, as the tests read it), plus variants that
 * reach other paths: upper case, a number appended (as bench-safety varies them), each corpus line read after the two
 * before it (the conversation's recent messages), the answering lines on their own, and long messages (about 20,000
 * characters) made of many corpus lines. Build before and after a change and compare the two files with `cmp`.
 *
 * Why the thrash step in --time: inside a real turn, the adapter, dialogs and storage run between two safety checks
 * and push the detector's tables out of the CPU's caches; a loop of detect() calls alone keeps them cached and
 * flatters the figure by about ten times. Writing over 8 MB between messages mimics that; only detect() is timed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../core/paths';
import type { Answering, DetectContext } from '../core/safety';
import { createDetectorFrom } from '../core/safety/detector';
import { loadSafetyData, SAFETY_DIR } from '../core/safety/load';

/**
 * The safety data to read: SAFETY_DATA=dir, else content/safety. Other work may be changing content/safety while
 * this runs, so compare two builds on one fixed copy (e.g. the committed files: git show HEAD:content/safety/...).
 */
const DATA_DIR = process.env.SAFETY_DATA ?? SAFETY_DIR;
const createDetector = () => createDetectorFrom(loadSafetyData(DATA_DIR));

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

interface Case {
  label: string;
  text: string;
  ctx?: DetectContext;
}

function cases(): Case[] {
  const p = (...x: string[]) => path.join(ROOT, ...x);
  const corpus = readJsonl<{ text: string }>(p('test', 'safety', 'corpus.jsonl')).map((l) => l.text);
  const training = readJsonl<{ text: string }>(path.join(DATA_DIR, 'training.jsonl')).map((l) => l.text);
  const blindDir = p('test', 'safety', 'blind');
  const blind = readdirSync(blindDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readJsonl<{ text: string }>(path.join(blindDir, f)).map((l, i) => ({ label: `blind/${f}:${i + 1}`, text: l.text })));
  const answering = readJsonl<{ text: string; answering: Answering }>(p('test', 'safety', 'answering-corpus.jsonl'));
  const out: Case[] = [];
  corpus.forEach((text, i) => out.push({ label: `corpus:${i + 1}`, text }));
  training.forEach((text, i) => out.push({ label: `training:${i + 1}`, text }));
  out.push(...blind);
  answering.forEach((l, i) => out.push({ label: `answering:${i + 1}`, text: l.text, ctx: { answering: l.answering } }));
  answering.forEach((l, i) => out.push({ label: `answering-alone:${i + 1}`, text: l.text }));
  corpus.forEach((text, i) => out.push({ label: `corpus-upper:${i + 1}`, text: text.toUpperCase() }));
  corpus.forEach((text, i) => out.push({ label: `corpus-num:${i + 1}`, text: `${text} ${i % 20}` }));
  corpus.forEach((text, i) => out.push({ label: `corpus-recent:${i + 1}`, text, ctx: { recent: corpus.slice(Math.max(0, i - 2), i) } }));
  // long messages: 20,000 characters or so, as sentences and as one run-on sentence
  for (let start = 0, n = 0; start < corpus.length; n++) {
    const parts: string[] = [];
    let len = 0;
    let i = start;
    while (i < corpus.length && len < 20000) {
      parts.push(corpus[i]);
      len += corpus[i].length + 2;
      i++;
    }
    out.push({ label: `long-sentences:${n}`, text: parts.join('. ').slice(0, 20000) });
    out.push({ label: `long-runon:${n}`, text: parts.join(' ').slice(0, 20000) });
    start = i;
  }
  return out;
}

/** Writes over a buffer bigger than the CPU's caches (a busy turn's adapter, dialogs and storage in between). */
const junk = new Float64Array(1 << 20); // 8 MB
let sink = 0;
function thrash(): void {
  for (let i = 0; i < junk.length; i += 8) junk[i] += 1; // one write per 64-byte line
  sink += junk[sink & 1023];
}

/**
 * Microseconds per message, wall clock and CPU time (process.cpuUsage: steadier when other work shares the machine,
 * as it leaves out the time this process waited for a core). Median and best of 5 rounds.
 */
function time(): void {
  const corpus = readJsonl<{ text: string }>(path.join(ROOT, 'test', 'safety', 'corpus.jsonl')).map((l) => l.text);
  const detector = createDetector();
  timeSet('corpus', corpus, detector);
  // what npm run bench sends (scripts/bench.ts): the messages whose cost moves the bench's ratio
  const bench = ['hello', 'about', 'i had a good day at school', 'what can you do', 'purple monkey dishwasher', 'menu', 'my football match was great', 'who can see this'];
  timeSet('bench texts', Array.from({ length: 5000 }, (_, i) => bench[i % bench.length]), detector);
}

function timeSet(name: string, texts: string[], detector: ReturnType<typeof createDetector>): void {
  for (const t of texts) detector.detect(t); // warm up (and train the classifier)
  for (const mode of ['hot', 'thrashed'] as const) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < 5; r++) {
      let ns = 0n;
      let us = 0;
      for (let i = 0; i < texts.length; i++) {
        // vary the text each round (as bench-safety does) so per-word caches do not flatter the figure
        const t = r % 2 ? texts[i].toUpperCase() : `${texts[i]} ${r}`;
        if (mode === 'thrashed') thrash();
        const c = process.cpuUsage();
        const a = process.hrtime.bigint();
        detector.detect(t);
        ns += process.hrtime.bigint() - a;
        const d = process.cpuUsage(c);
        us += d.user + d.system;
      }
      wall.push(Number(ns) / 1000 / texts.length);
      cpu.push(us / texts.length);
    }
    const fig = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `median ${s[2].toFixed(1)}, best ${s[0].toFixed(1)}`;
    };
    process.stdout.write(`${name}, ${mode}: µs per message, wall ${fig(wall)}; cpu ${fig(cpu)} (${texts.length} messages x 5 rounds)\n`);
  }
  if (sink === -1) process.stdout.write('');
}

function main(): void {
  const arg = process.argv[2];
  if (arg === '--time') return time();
  if (!arg) throw new Error('usage: detector-identity.js <out.jsonl> | --time');
  const detector = createDetector();
  const lines: string[] = [];
  for (const c of cases()) {
    const r = detector.detect(c.text, c.ctx);
    lines.push(JSON.stringify({ c: c.label, level: r.level, category: r.category, subcategory: r.subcategory, fromQuestion: r.fromQuestion, reasons: r.reasons }));
  }
  writeFileSync(arg, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.length} results written to ${arg}\n`);
}

main();
