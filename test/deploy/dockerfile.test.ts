/**
 * deploy/Dockerfile. No Docker engine runs here (`docker build` cannot), so the file is linted with dockerfile-utils
 * (the Dockerfile language service's validator, on dockerfile-ast) and checked for what the issue asks
 * (multi-stage, non-root, health check) with a small parser that follows Docker's rules for continuations,
 * comments and exec-form JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import path from 'node:path';
import { ROOT } from '../../core/paths';

const FILE = path.join(ROOT, 'deploy', 'Dockerfile');
const text = readFileSync(FILE, 'utf8');

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Splits a Dockerfile into instructions (comments dropped, backslash continuations joined). */
function parse(src: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = src.split('\n');
  let buf = '';
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*#/.test(raw) && !buf) continue;
    if (/^\s*#/.test(raw)) continue; // comment inside a continuation
    if (!buf && !raw.trim()) continue;
    if (!buf) start = i + 1;
    const cont = /\\\s*$/.test(raw);
    buf += (buf ? ' ' : '') + raw.replace(/\\\s*$/, '').trim();
    if (cont) continue;
    const m = /^([A-Za-z]+)\s+(.*)$/.exec(buf);
    if (!m) throw new Error(`line ${start}: not an instruction: ${buf}`);
    out.push({ keyword: m[1].toUpperCase(), args: m[2], line: start });
    buf = '';
  }
  if (buf) throw new Error('file ends inside a line continuation');
  return out;
}

const KNOWN = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);
const instructions = parse(text);
const stages: Instruction[][] = [];
for (const ins of instructions) {
  if (ins.keyword === 'FROM') stages.push([]);
  if (stages.length) stages.at(-1)!.push(ins);
}
const final = stages.at(-1)!;

test('every line is a known instruction and the file starts with ARG/FROM', () => {
  for (const ins of instructions) expect(KNOWN.has(ins.keyword)).toBe(true);
  expect(['ARG', 'FROM']).toContain(instructions[0].keyword);
});

test('multi-stage: a build stage compiles, the final stage copies only what runs from it', () => {
  expect(stages.length).toBeGreaterThanOrEqual(2);
  const names = stages.map((s) => /\bAS\s+(\S+)/i.exec(s[0].args)?.[1]);
  expect(names[0]).toBe('build');
  expect(stages[0].some((i) => i.keyword === 'RUN' && /npm ci/.test(i.args))).toBe(true);
  expect(stages[0].some((i) => i.keyword === 'RUN' && /npm run build/.test(i.args) && /npm prune --omit=dev/.test(i.args))).toBe(true);
  const fromBuild = final.filter((i) => i.keyword === 'COPY' && /--from=build/.test(i.args)).map((i) => i.args);
  expect(fromBuild.join(' ')).toMatch(/\/app\/dist/);
  expect(fromBuild.join(' ')).toMatch(/\/app\/node_modules/);
  // no compiler or sources in the final stage
  expect(final.some((i) => i.keyword === 'RUN' && /npm (ci|install)/.test(i.args))).toBe(false);
});

test('the final stage runs as a non-root user', () => {
  const users = final.filter((i) => i.keyword === 'USER').map((i) => i.args.trim());
  expect(users.length).toBeGreaterThan(0);
  expect(['root', '0', '0:0']).not.toContain(users.at(-1));
  // USER comes before CMD
  expect(final.findIndex((i) => i.keyword === 'USER')).toBeLessThan(final.findIndex((i) => i.keyword === 'CMD'));
});

test('HEALTHCHECK calls /healthz on the app port, and CMD is exec form', () => {
  const hc = final.find((i) => i.keyword === 'HEALTHCHECK');
  expect(hc).toBeDefined();
  expect(hc!.args).toContain('/healthz');
  const execPart = hc!.args.replace(/^(--\S+\s+)*CMD\s+/, '');
  expect(() => JSON.parse(execPart)).not.toThrow();
  const cmd = final.find((i) => i.keyword === 'CMD')!;
  const argv = JSON.parse(cmd.args) as string[];
  expect(argv[0]).toBe('node');
  expect(argv).toContain('dist/bot/index.js');
  expect(final.some((i) => i.keyword === 'ENV' && /NODE_ENV=production/.test(i.args))).toBe(true);
});

test('everything copied from the build context exists in the repository', () => {
  for (const ins of instructions.filter((i) => i.keyword === 'COPY' && !/--from=/.test(i.args))) {
    const parts = ins.args.split(/\s+/).filter((p) => !p.startsWith('--'));
    for (const src of parts.slice(0, -1)) expect({ src, exists: existsSync(path.join(ROOT, src)) }).toEqual({ src, exists: true });
  }
  // The image serves Web Chat, the page, the words and the directory.
  const copied = instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args).join('\n');
  for (const dir of ['web', 'content', 'locales']) expect(copied).toMatch(new RegExp(`\\b${dir}\\b`));
});

test('the build context leaves out secrets and local clutter', () => {
  const ignore = readFileSync(path.join(ROOT, 'deploy', 'Dockerfile.dockerignore'), 'utf8');
  for (const p of ['.env', '**/node_modules', '.git', 'dist']) expect(ignore.split('\n')).toContain(p);
});

describe('linted by dockerfile-utils (the Dockerfile language service behind VS Code)', () => {
  test('deploy/Dockerfile has no problems, not even warnings', () => {
    const found = validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    expect(found).toEqual([]);
  });

  test('the linter does catch a broken Dockerfile (so the check above can fail)', () => {
    const broken = 'FROM node:20\nEXPOSE port\nHEALTHCHECK CMD\n';
    expect(validate(broken).map((d) => d.message)).toEqual(expect.arrayContaining([expect.stringMatching(/containerPort/), expect.stringMatching(/HEALTHCHECK CMD/)]));
  });

  test('dockerfile-ast reads the same instructions as the structural checks above', () => {
    const parsed = DockerfileParser.parse(text);
    expect(parsed.getInstructions().map((i) => i.getKeyword())).toEqual(instructions.map((i) => i.keyword));
  });
});
