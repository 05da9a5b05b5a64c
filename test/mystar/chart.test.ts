import { existsSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { AREA_IDS } from '../../core/records/types';
import { Answers, DEFAULT_FONT_FILE, pngDataUrl, renderStarPng } from '../../core/mystar/chart';
import { words } from '../../core/i18n';

const cur: Answers = {
  being_safe: 4, confidence: 2, physical_health: 5, friends: 3,
  where_you_live: 4, education: null, feelings_behaviour: 1, relationships: 5,
};
const prev: Answers = {
  being_safe: 3, confidence: 1, physical_health: 4, friends: 3,
  where_you_live: 5, education: 2, feelings_behaviour: 3, relationships: 4,
};

/** Width and height from the PNG header (IHDR). */
function pngSize(png: Buffer) {
  return { w: png.readUInt32BE(16), h: png.readUInt32BE(20) };
}

/** Decoded RGBA pixels, read back through resvg by embedding the PNG in an SVG. */
function pixels(png: Buffer, size: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${size}" height="${size}"><image width="${size}" height="${size}" xlink:href="${pngDataUrl(png)}"/></svg>`;
  return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels);
}

describe('star chart', () => {
  it('is a valid PNG of 480x480 by default', () => {
    const r = renderStarPng(cur, prev, { band: '12-15' });
    if (process.env.WRITE_CHART) writeFileSync(process.env.WRITE_CHART, r.png);
    expect(r.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(r.png)).toEqual({ w: 480, h: 480 });
    expect([r.width, r.height]).toEqual([480, 480]);
    expect(r.labelled).toBe(existsSync(DEFAULT_FONT_FILE));
  });

  it('renders at a chosen size', () => {
    const r = renderStarPng(cur, undefined, { width: 320 });
    expect(pngSize(r.png)).toEqual({ w: 320, h: 320 });
  });

  it('changes pixels when an answer changes, and when last time is drawn', () => {
    const a = renderStarPng(cur, undefined);
    const b = renderStarPng({ ...cur, confidence: 5 }, undefined);
    const c = renderStarPng(cur, prev);
    const pa = pixels(a.png, 480);
    expect(pa.equals(pixels(b.png, 480))).toBe(false);
    expect(pa.equals(pixels(c.png, 480))).toBe(false);
    // and the same answers draw the same picture
    expect(pa.equals(pixels(renderStarPng(cur, undefined).png, 480))).toBe(true);
  });

  it('draws the labels with the font (text adds ink), and draws without labels when the font is missing', () => {
    const withFont = renderStarPng(cur, prev);
    const noFont = renderStarPng(cur, prev, { fontFile: '/nonexistent/font.ttf' });
    expect(noFont.labelled).toBe(false);
    expect(pngSize(noFont.png)).toEqual({ w: 480, h: 480 });
    const dark = (px: Buffer) => {
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] < 80 && px[i + 1] < 80 && px[i + 2] < 80) n++;
      return n;
    };
    expect(dark(pixels(withFont.png, 480))).toBeGreaterThan(dark(pixels(noFont.png, 480)) + 500);
    expect(withFont.svg).toContain('Feeling safe');
    expect(noFont.svg).not.toContain('<text');
  });

  it('has alt text naming every area and its step, skipped ones too, for each band', () => {
    const w = words();
    for (const band of ['8-11', '12-15', '16-25'] as const) {
      const r = renderStarPng(cur, prev, { band });
      for (const id of AREA_IDS) {
        const name = w.t(`mystar:areas.${id}.name`, { band });
        expect(r.alt).toContain(name);
      }
      expect(r.alt).toMatch(/4 of 5, green/);
      expect(r.alt).toMatch(/1 of 5, red/);
      expect(r.alt).toMatch(/skipped/);
      expect(r.alt).toMatch(/last time 3/);
    }
  });

  it('takes check-in records as well as plain steps', () => {
    const rec = {
      id: 'x', uid: 'u', ageBand: '8-11' as const, startedAt: '', status: 'completed' as const,
      answers: Object.fromEntries(AREA_IDS.map((a) => [a, { step: 3 }])),
    };
    const r = renderStarPng(rec, undefined, { band: '8-11' });
    expect(r.alt.match(/3 of 5/g)).toHaveLength(8);
  });
});

describe('chart attachment', () => {
  it('is an image/png data URL carrying the alt text, small enough for a chat message', () => {
    const { starAttachment } = require('../../core/mystar/chart') as typeof import('../../core/mystar/chart');
    const r = renderStarPng(cur, prev);
    const a = starAttachment(r);
    expect(a.contentType).toBe('image/png');
    expect(a.contentUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(a.contentUrl.split(',')[1], 'base64').equals(r.png)).toBe(true);
    expect(a.name).toBe(r.alt);
    expect(a.contentUrl.length).toBeLessThan(200_000);
  });
});
