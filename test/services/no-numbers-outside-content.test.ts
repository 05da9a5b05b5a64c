/**
 * Phone numbers and text codes live only in content/services.json (services.md §7b.1): never in
 * locales/, dialogs/ or bot/. Templates put them in.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../../core/paths';
import { SERVICES_FILE } from '../../core/services';
import { numbersInDirectory, scanForNumbers } from './numberScanner';

const numbers = numbersInDirectory(SERVICES_FILE);

it('reads the numbers from the directory, including the ones never to give out', () => {
  expect(numbers).toEqual(expect.arrayContaining(['999', '111', '116123', '08001111', '85258', '08081966798', '88247']));
});

it('finds no phone number or short code in locales/, dialogs/ or bot/', () => {
  const found = scanForNumbers(['locales', 'dialogs', 'bot'].map((d) => path.join(ROOT, d)), numbers);
  expect(found.map((f) => `${path.relative(ROOT, f.file)}:${f.line}: ${f.match}`)).toEqual([]);
});

describe('the scanner itself', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'starling-numbers-'));
  for (const d of ['locales/en-GB', 'dialogs', 'bot']) mkdirSync(path.join(tmp, d), { recursive: true });
  writeFileSync(path.join(tmp, 'locales/en-GB/planted.json'), JSON.stringify({ a: 'Call 0800 1111 any time', b: 'or ring 116 123' }, null, 1));
  writeFileSync(path.join(tmp, 'dialogs/planted.ts'), "const x = 'Text SHOUT to 85258';\nconst y = 'call 999';\n");
  writeFileSync(path.join(tmp, 'bot/planted.ts'), "const z = 'ring 07700-900 123 or 111';\nconst w = '+44 20 7946 0958';\nconst v = 'papyrus 0800 068 4141';\n");
  writeFileSync(path.join(tmp, 'bot/clean.ts'), "const timeout = 60000; const port = 3978; const v = '4.23.3'; const d = '2026-11-23'; const id = 'x9991';\n");

  it('catches numbers planted in each folder, however they are spaced', () => {
    const found = scanForNumbers(['locales', 'dialogs', 'bot'].map((d) => path.join(tmp, d)), numbers);
    const byFile = (f: string) => found.filter((x) => x.file.endsWith(f)).map((x) => x.match.replace(/\D/g, ''));
    expect(byFile('planted.json')).toEqual(expect.arrayContaining(['08001111', '116123']));
    expect(byFile('dialogs/planted.ts')).toEqual(expect.arrayContaining(['85258', '999']));
    expect(byFile('bot/planted.ts')).toEqual(expect.arrayContaining(['07700900123', '111', '442079460958', '08000684141']));
  });

  it('does not flag ordinary numbers (timeouts, ports, versions, dates)', () => {
    const found = scanForNumbers([path.join(tmp, 'bot')], numbers).filter((f) => f.file.endsWith('clean.ts'));
    expect(found).toEqual([]);
  });
});
