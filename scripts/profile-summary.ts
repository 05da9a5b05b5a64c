/**
 * Summarises a .cpuprofile (node --cpu-prof): the functions with the most self time, and the most total
 * time (self + everything they called, counted once per sample).
 *   node dist/scripts/profile-summary.js <file.cpuprofile> [top=30] [filter]
 * With a filter (a substring of "function url"), the total-time table lists only matching frames.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, filter] = process.argv.slice(2);
const top = Number(topArg ?? 30);
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '~/').replace(/.*\/dist\//, '');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
let idle = 0;
p.samples.forEach((id, i) => {
  const dt = p.timeDeltas[i] ?? 0;
  all += dt;
  const n = byId.get(id)!;
  if (n.callFrame.functionName === '(idle)') idle += dt;
  self.set(label(n), (self.get(label(n)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + dt);
  }
});

const busy = all - idle;
const pct = (v: number) => `${((100 * v) / busy).toFixed(1).padStart(5)}%`;
console.log(`samples ${p.samples.length}, ${(all / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms; % of busy time`);
console.log('\nself time:');
for (const [l, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${l}`);
console.log('\ntotal time:');
for (const [l, v] of [...total].filter(([l]) => !filter || l.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(v)}  ${l}`);

// With a filter: where the self time of matching frames comes from (their callers, a few frames up).
if (filter) {
  const chains = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    if (!label(n).includes(filter)) return;
    const parts: string[] = [];
    for (let cur = parent.get(id), d = 0; cur !== undefined && d < 8; cur = parent.get(cur), d++) parts.push(label(byId.get(cur)!));
    const k = parts.join('\n      <- ');
    chains.set(k, (chains.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  console.log(`\ncallers of frames matching "${filter}" (self time):`);
  for (const [k, v] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${pct(v)}  <- ${k}`);
}

// Self time by package (node_modules/<pkg>), Starling's own directories, node internals and the rest.
const bucket = new Map<string, number>();
p.samples.forEach((id, i) => {
  const u = byId.get(id)!.callFrame.url;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  const d = /\/dist\/([^/]+\/[^/]+)/.exec(u);
  const k = m ? m[1] : d ? `starling ${d[1]}` : u.startsWith('node:') ? 'node internals' : byId.get(id)!.callFrame.functionName || '(native)';
  bucket.set(k, (bucket.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
});
console.log('\nself time by package:');
for (const [k, v] of [...bucket].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`);
