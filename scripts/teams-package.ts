/**
 * Builds the Teams app package: deploy/teams/manifest.json filled in for this deployment, plus the two icons
 * drawn from SVG with resvg (color.png 192x192, outline.png 32x32 white on transparent), in a zip.
 *
 *   npm run build && MicrosoftAppId=<bot app id> PUBLIC_URL=https://starling.example.org node dist/scripts/teams-package.js [out.zip]
 *   node dist/scripts/teams-package.js --icons      (redraws deploy/teams/color.png and outline.png only)
 *
 * The zip is written by a tiny store-only writer (no compression, CRC-32 from node:zlib): Teams accepts it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { ROOT } from '../core/paths';

export const TEAMS_DIR = path.join(ROOT, 'deploy', 'teams');
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** Draws an SVG to a PNG of the given width, without system fonts (the icons have no text). */
export function renderPng(svgFile: string, width: number): Buffer {
  const svg = readFileSync(svgFile, 'utf8');
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false }, background: 'rgba(0,0,0,0)' })
    .render()
    .asPng();
}

export function renderIcons(): { color: Buffer; outline: Buffer } {
  return {
    color: renderPng(path.join(TEAMS_DIR, 'icons', 'color.svg'), 192),
    outline: renderPng(path.join(TEAMS_DIR, 'icons', 'outline.svg'), 32),
  };
}

export interface PackageSettings {
  /** The bot's Microsoft App ID (a GUID): MicrosoftAppId, or the managed identity's client id. */
  botId: string;
  /** Where Starling is served, e.g. https://starling.example.org */
  publicUrl: string;
  version?: string;
}

/** The manifest with this deployment's bot id, domain and links. */
export function buildManifest(settings: PackageSettings): Record<string, unknown> {
  if (!GUID.test(settings.botId)) throw new Error(`MicrosoftAppId must be a GUID, got "${settings.botId}"`);
  const url = new URL(settings.publicUrl);
  if (url.protocol !== 'https:') throw new Error(`PUBLIC_URL must start with https:// for Teams, got "${settings.publicUrl}"`);
  const base = url.origin;
  const m = JSON.parse(readFileSync(path.join(TEAMS_DIR, 'manifest.json'), 'utf8')) as Record<string, any>;
  m.bots[0].botId = settings.botId;
  m.developer = { ...m.developer, websiteUrl: base, privacyUrl: `${base}/privacy`, termsOfUseUrl: `${base}/terms` };
  m.validDomains = [url.host];
  if (settings.version) m.version = settings.version;
  return m;
}

/** A zip archive with the files stored uncompressed. */
export function zipStore(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00, so the same inputs give the same bytes
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(f.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, f.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(f.data.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + f.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

export function buildPackage(settings: PackageSettings): Buffer {
  const icons = renderIcons();
  return zipStore([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(buildManifest(settings), null, 2) + '\n') },
    { name: 'color.png', data: icons.color },
    { name: 'outline.png', data: icons.outline },
  ]);
}

function main(argv: string[]): void {
  if (argv.includes('--icons')) {
    const icons = renderIcons();
    writeFileSync(path.join(TEAMS_DIR, 'color.png'), icons.color);
    writeFileSync(path.join(TEAMS_DIR, 'outline.png'), icons.outline);
    process.stdout.write(`icons written to ${TEAMS_DIR}\n`);
    return;
  }
  const botId = process.env.MicrosoftAppId ?? '';
  const publicUrl = process.env.PUBLIC_URL ?? '';
  if (!botId || !publicUrl) {
    process.stderr.write('Set MicrosoftAppId (the bot app id, a GUID) and PUBLIC_URL (https://...) first.\n');
    process.exit(2);
  }
  const out = argv.find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'dist', 'teams', 'starling-teams.zip');
  mkdirSync(path.dirname(out), { recursive: true });
  try {
    writeFileSync(out, buildPackage({ botId, publicUrl, version: process.env.TEAMS_APP_VERSION }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  process.stdout.write(`Teams app package written to ${out}\n`);
}

if (require.main === module) main(process.argv.slice(2));
