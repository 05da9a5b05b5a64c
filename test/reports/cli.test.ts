import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../scripts/report';
import { saveOutcomeAnswer } from '../../core/outcomes';
import { MemoryStore } from '../../core/storage';
import { fixtureAnswers } from './fixture';
import { disclosureProblems, fromCsv, fromHtml, fromJson, parseCsv } from './tables';

async function run(argv: string[], store?: MemoryStore) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } }, store ? { openStore: async () => store } : {});
  return { code, out, err };
}

async function seeded(): Promise<MemoryStore> {
  const s = new MemoryStore();
  for (const a of fixtureAnswers()) await saveOutcomeAnswer(s, a);
  return s;
}

describe('npm run report: bad input', () => {
  const cases: [string[], RegExp][] = [
    [['--from', '2026-13-01', '--to', '2026-12-31', '--demo'], /^report: --from is not a real date, got "2026-13-01"$/],
    [['--from', '01/02/2026', '--to', '2026-12-31', '--demo'], /^report: --from must be a date as YYYY-MM-DD, got "01\/02\/2026"$/],
    [['--from', '2026-03-01', '--to', '2026-02-01', '--demo'], /^report: --to \(2026-02-01\) is before --from \(2026-03-01\)/],
    [['--to', '2026-02-01', '--demo'], /^report: --from is missing/],
    [['--from', '2026-01-01', '--to', '2026-02-01', '--format', 'pdf', '--demo'], /^report: --format must be one of csv, json, html, got "pdf"$/],
    [['--from', '2026-01-01', '--to', '2026-02-01', '--export', 'everything', '--demo'], /^report: --export must be "answers"/],
    [['--from', '2000-01-01', '--to', '2026-02-01', '--demo'], /^report: the period is \d+ days long/],
    [['--from', '2026-01-01', '--to', '2026-02-01', '--colour'], /^report: Unknown option '--colour'/],
  ];
  it.each(cases)('%j exits 2 with one line naming the problem', async (argv, msg) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(msg);
  });

  it('says how to run without Redis when REDIS_URL is not set', async () => {
    const before = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    const r = await run(['--from', '2026-01-01', '--to', '2026-01-31']);
    if (before !== undefined) process.env.REDIS_URL = before;
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('report: REDIS_URL is not set (in the environment or .env): set it, or add --demo to use a made-up data set');
  });
});

describe('npm run report: output', () => {
  it('gives an empty report that says so for a period with no data, not a crash', async () => {
    const r = await run(['--from', '2030-01-01', '--to', '2030-01-31', '--format', 'json'], await seeded());
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.empty).toBe(true);
    expect(json.note).toMatch(/^No outcome answers/);
    expect(r.err).toMatch(/no outcome answers or completed check-ins between 2030-01-01 and 2030-01-31/);
  });

  it('reads the records from the store for the period and suppresses small numbers', async () => {
    const r = await run(['--from', '2026-01-01', '--to', '2026-01-31', '--format', 'csv'], await seeded());
    expect(r.code).toBe(0);
    const t = fromCsv(r.out);
    expect(t.get('3.6')!.find((x) => x.key === 'all:all')!.people).toBe(15);
    expect(disclosureProblems(t)).toEqual([]);
  });

  it('runs with nothing else using --demo, the same figures every time, in all three formats', async () => {
    const a = await run(['--from', '2026-09-01', '--to', '2026-11-30', '--format', 'json', '--demo']);
    const b = await run(['--from', '2026-09-01', '--to', '2026-11-30', '--format', 'json', '--demo']);
    expect(a.code).toBe(0);
    const strip = (s: string) => s.replace(/"generatedAt": "[^"]+"/, '');
    expect(strip(a.out)).toBe(strip(b.out));
    const t = fromJson(a.out);
    expect(typeof t.get('3.6')!.find((x) => x.key === 'all:all')!.people).toBe('number');
    expect(disclosureProblems(t)).toEqual([]);
    const html = await run(['--from', '2026-09-01', '--to', '2026-11-30', '--format', 'html', '--demo']);
    expect(disclosureProblems(fromHtml(html.out))).toEqual([]);
    const csv = await run(['--from', '2026-09-01', '--to', '2026-11-30', '--format', 'csv', '--demo']);
    expect(disclosureProblems(fromCsv(csv.out))).toEqual([]);
  });

  it('writes to a file with --out', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'starling-report-'));
    const file = path.join(dir, 'r.html');
    const r = await run(['--from', '2026-09-01', '--to', '2026-11-30', '--format', 'html', '--demo', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports one CSV row per answer with --export answers', async () => {
    const r = await run(['--export', 'answers', '--from', '2026-01-01', '--to', '2026-01-31'], await seeded());
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    expect(rows[0][0]).toBe('person');
    expect(rows.length - 1).toBe(fixtureAnswers().filter((a) => a.at.startsWith('2026-01')).length);
    expect(r.out).not.toMatch(/\bu1\b/);
  });

  it('refuses --export with a format other than CSV', async () => {
    const r = await run(['--export', 'answers', '--format', 'html', '--from', '2026-01-01', '--to', '2026-01-31', '--demo']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^report: --export answers writes CSV only/);
  });
});
