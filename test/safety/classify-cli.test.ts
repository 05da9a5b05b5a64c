import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../core/paths';

const CLI = path.join(ROOT, 'dist', 'scripts', 'safety-classify.js');

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
}, 120000);

test('safety:classify writes exactly one JSON line per input line, in order, and nothing else on stdout', () => {
  const input = [
    JSON.stringify({ id: 1, text: 'i want to kill myself' }),
    'this is not json',
    JSON.stringify({ id: 'b', text: 'i killed him in fortnite' }),
    '',
    JSON.stringify({ id: 3 }),
    JSON.stringify({ id: 4, text: 'my dad hits me' }),
  ].join('\n');
  const r = spawnSync(process.execPath, [CLI], { input, cwd: ROOT, encoding: 'utf8', timeout: 20000 });
  expect(r.status).toBe(0);
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(6);
  const out = lines.map((l) => JSON.parse(l));
  for (const o of out) expect(Object.keys(o).sort()).toEqual(['category', 'id', 'level', 'reasons']);
  expect(out[0]).toMatchObject({ id: 1, level: 'crisis', category: 'suicide' });
  expect(out[1]).toMatchObject({ id: null, level: 'none', category: null });
  expect(out[1].reasons[0]).toMatch(/unreadable/);
  expect(out[2]).toMatchObject({ id: 'b', level: 'none' });
  expect(out[3]).toMatchObject({ level: 'none', category: null });
  expect(out[4]).toMatchObject({ id: 3, level: 'none', category: null });
  expect(out[4].reasons[0]).toMatch(/unreadable/);
  expect(out[5]).toMatchObject({ id: 4, level: 'safeguarding', category: 'abuse' });
  expect(r.stderr).toMatch(/unreadable/);
}, 30000);
