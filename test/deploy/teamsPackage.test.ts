/** The Teams app package: manifest valid against Microsoft's schema, icons of the right size and colour, a readable zip. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync, crc32 } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { Resvg } from '@resvg/resvg-js';
import { buildManifest, buildPackage, renderIcons, TEAMS_DIR, zipStore } from '../../scripts/teams-package';

const manifestFile = path.join(TEAMS_DIR, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, any>;
const schemaVersion = manifest.manifestVersion as string;
const schemaFile = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
  `v${schemaVersion}`,
  'MicrosoftTeams.schema.json',
);

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
}

const settings = { botId: '11111111-2222-3333-4444-555555555555', publicUrl: 'https://starling.example.org' };

test('the manifest uses the newest schema the package ships and is valid against it', () => {
  const versions = require('node:fs')
    .readdirSync(path.dirname(path.dirname(schemaFile)))
    .filter((v: string) => /^v\d+\.\d+$/.test(v))
    .map((v: string) => v.slice(1).split('.').map(Number))
    .sort((a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1]);
  expect(schemaVersion).toBe(versions.at(-1).join('.'));
  expect(manifest.$schema).toContain(`/v${schemaVersion}/MicrosoftTeams.schema.json`);
  const validate = validator();
  const ok = validate(manifest);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
});

test('the validator does reject a broken manifest', () => {
  const validate = validator();
  const broken = { ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid', scopes: ['everywhere'] }] };
  expect(validate(broken)).toBe(false);
});

test('the bot is personal for young people and in teams for the duty channel, with no files or calls', () => {
  const bot = manifest.bots[0];
  expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
  expect(bot.scopes).not.toContain('groupChat');
  expect(bot.supportsFiles).toBe(false);
  expect(bot.supportsCalling).toBe(false);
});

test('the filled-in manifest carries the bot id and domain and is still valid', () => {
  const m = buildManifest(settings) as Record<string, any>;
  expect(m.bots[0].botId).toBe(settings.botId);
  expect(m.validDomains).toEqual(['starling.example.org']);
  expect(m.developer.privacyUrl).toBe('https://starling.example.org/privacy');
  expect(validator()(m)).toBe(true);
  expect(() => buildManifest({ ...settings, botId: 'abc' })).toThrow(/GUID/);
  expect(() => buildManifest({ ...settings, publicUrl: 'http://starling.example.org' })).toThrow(/https/);
});

function pngSize(buf: Buffer): { width: number; height: number; colorType: number } {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf[25] };
}

test('icons: color.png is 192x192, outline.png is 32x32 with transparency', () => {
  const color = pngSize(readFileSync(path.join(TEAMS_DIR, 'color.png')));
  expect([color.width, color.height]).toEqual([192, 192]);
  const outline = pngSize(readFileSync(path.join(TEAMS_DIR, 'outline.png')));
  expect([outline.width, outline.height]).toEqual([32, 32]);
  expect(outline.colorType).toBe(6); // RGBA
});

test('the committed icons are the ones drawn from the SVG sources', () => {
  const fresh = renderIcons();
  expect(readFileSync(path.join(TEAMS_DIR, 'color.png')).equals(fresh.color)).toBe(true);
  expect(readFileSync(path.join(TEAMS_DIR, 'outline.png')).equals(fresh.outline)).toBe(true);
});

test('the outline icon is white on transparent and nothing else', () => {
  const svg = readFileSync(path.join(TEAMS_DIR, 'icons', 'outline.svg'), 'utf8');
  const img = new Resvg(svg, { fitTo: { mode: 'width', value: 32 }, font: { loadSystemFonts: false } }).render();
  const px = img.pixels;
  let opaque = 0;
  let transparent = 0;
  for (let i = 0; i < px.length; i += 4) {
    const a = px[i + 3];
    if (a === 0) {
      transparent++;
      continue;
    }
    opaque++;
    // resvg's pixels are premultiplied: white at alpha a is (a, a, a, a)
    for (const c of [px[i], px[i + 1], px[i + 2]]) expect(Math.abs(c - a)).toBeLessThanOrEqual(1);
  }
  expect(opaque).toBeGreaterThan(20);
  expect(transparent).toBeGreaterThan(200);
});

/** Reads a zip's central directory and returns each file's bytes (stored or deflated), checking CRCs. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const lNameLen = zip.readUInt16LE(local + 26);
    const lExtra = zip.readUInt16LE(local + 28);
    const start = local + 30 + lNameLen + lExtra;
    const raw = zip.subarray(start, start + size);
    const data = method === 0 ? raw : inflateRawSync(raw);
    expect(crc32(data) >>> 0).toBe(crc);
    out.set(name, Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

test('the package zip holds the manifest and both icons at its root', () => {
  const files = unzip(buildPackage(settings));
  expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  const m = JSON.parse(files.get('manifest.json')!.toString('utf8'));
  expect(m.bots[0].botId).toBe(settings.botId);
  expect(validator()(m)).toBe(true);
  expect(pngSize(files.get('color.png')!).width).toBe(192);
  expect(pngSize(files.get('outline.png')!).width).toBe(32);
});

test('the zip writer round-trips arbitrary bytes', () => {
  const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
  const files = unzip(zipStore([{ name: 'a/b.bin', data }, { name: 'empty.txt', data: Buffer.alloc(0) }]));
  expect(files.get('a/b.bin')).toEqual(data);
  expect(files.get('empty.txt')!.length).toBe(0);
});
