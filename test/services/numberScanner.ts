/**
 * Finds phone numbers and SMS short codes in files: any UK-style number (0... or +44..., 10-11 digits),
 * 0800 1111, and every number in content/services.json (999, 111, 116 123, 85258, ...), however spaced.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Finding {
  file: string;
  line: number;
  match: string;
}

/** Every phone number, text number and short code in a directory file, as digit strings. */
export function numbersInDirectory(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out = new Set<string>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'number' && typeof x === 'string') out.add(x.replace(/\D/g, ''));
        else collect(x);
      }
    }
  };
  collect(JSON.parse(text));
  return [...out];
}

function patterns(numbers: string[]): RegExp[] {
  const list = [
    // UK-style: 0 or +44, then 9-10 more digits, spaces or hyphens allowed between digits
    /(?<![\d])(?:\+44[\s-]?|\(?0)\d(?:[\s)-]{0,2}\d){8,9}(?![\d])/g,
    // Childline's short freephone and its lookalikes
    /(?<![\d])0800[\s-]?\d{2}[\s-]?\d{2}(?![\d])/g,
  ];
  for (const n of [...new Set([...numbers, '999', '111', '116123', '08001111', '85258'])]) {
    list.push(new RegExp(`(?<![\\d])${n.split('').join('[\\s-]?')}(?![\\d])`, 'g'));
  }
  return list;
}

function walk(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = path.join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) out = out.concat(walk(p));
    else if (/\.(ts|js|json|md|txt|html|yaml|yml)$/.test(e)) out.push(p);
  }
  return out;
}

export function scanForNumbers(dirs: string[], numbers: string[]): Finding[] {
  const res = patterns(numbers);
  const findings: Finding[] = [];
  for (const file of dirs.flatMap(walk)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, i) => {
      for (const re of res) {
        re.lastIndex = 0;
        for (const m of text.matchAll(re)) findings.push({ file, line: i + 1, match: m[0] });
      }
    });
  }
  return findings;
}
