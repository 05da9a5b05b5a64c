import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const firstScreen = readme.split('\n').slice(0, 30).join('\n');
const commands = [...firstScreen.matchAll(/```sh\n([^\n]+)\n```/g)].map((m) => m[1]);

describe('README first screen', () => {
  it('gives the two commands: install and start, install and test', () => {
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/npm (install|ci) && npm start$/);
    expect(commands[1]).toMatch(/npm (install|ci) && npm test$/);
    expect(firstScreen).toContain('http://localhost:3978/');
  });

  it('is the command CI runs', () => {
    const ci = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    const lines = ci.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    expect(lines[lines.length - 1].trim()).toBe(commands[1]);
    expect(statSync(path.join(ROOT, '.ci/run')).mode & 0o111).toBeTruthy();
  });

  it('npm start builds and runs the service without installing anything', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).not.toMatch(/npm (install|ci)/);
    expect(pkg.scripts.start).toMatch(/build/);
  });
});
