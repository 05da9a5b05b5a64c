/** The directory file validates, keeps services.md's safety findings, and a bad entry stops loading with the entry and field named. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crisisRoutes, FALLBACK_FILE, loadDirectory, SERVICES_FILE, signpost } from '../../core/services';
import { PURPOSES } from '../../core/services/schema';

const NOW = new Date('2026-11-23T15:00:00Z');
const raw = () => JSON.parse(readFileSync(SERVICES_FILE, 'utf8'));
const tmp = mkdtempSync(path.join(tmpdir(), 'starling-services-'));
function writeDir(name: string, data: unknown): string {
  const f = path.join(tmp, name);
  writeFileSync(f, typeof data === 'string' ? data : JSON.stringify(data));
  return f;
}

describe('content/services.json', () => {
  const dir = loadDirectory({ now: NOW });

  it('loads strictly, and every entry carries a source, a status, a check date and a review date', () => {
    const all = [...dir.services, ...(dir.hidden ?? [])];
    expect(all.length).toBe(raw().services.length);
    for (const s of all) {
      expect(s.source_urls.length).toBeGreaterThan(0);
      expect(s.verified_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.next_review_due > s.verified_on).toBe(true);
    }
  });

  it('the built-in Tier-1 fallback validates and holds 999, 111 mental health, Childline and Samaritans', () => {
    expect(dir.fallback!.map((s) => s.id).sort()).toEqual(['childline', 'emergency-999', 'nhs-111-mental-health', 'samaritans']);
    expect(() => loadDirectory({ now: NOW, file: FALLBACK_FILE })).not.toThrow();
  });

  it('keeps the unverified entries in the data but out of what young people can see', () => {
    const hidden = (dir.hidden ?? []).map((s) => s.id);
    expect(hidden).toEqual(expect.arrayContaining(['calm', 'beat-youthline', 'shout-youngminds', 'cwpt-access-hub', 'self-injury-support']));
    expect(dir.services.map((s) => s.id)).not.toContain('calm');
    expect(dir.warnings.some((w) => w.includes('"beat-youthline" is unverified'))).toBe(true);
  });

  it('never gives the CWPT access hub numbers or any Papyrus text number to a young person', () => {
    const banned = ['08081 966798', '08081 966897', '07860 039967', '07786 209697', '88247'];
    for (const need of PURPOSES)
      for (const age of [9, 13, 17, 22])
        for (const area of ['coventry', 'warwickshire', 'buckinghamshire', 'milton_keynes', undefined] as const) {
          const text = signpost(dir, { need, now: NOW, age, area, limit: 50 })
            .flatMap((v) => v.contact)
            .join('\n');
          for (const n of banned) expect(text).not.toContain(n);
        }
    const papyrus = signpost(dir, { need: 'suicide', now: NOW, age: 20, limit: 50 }).find((v) => v.id === 'papyrus-hopeline247')!;
    expect(papyrus.contact).toEqual(['Call 0800 068 4141', 'Email pat@papyrus-uk.org (they don\'t reply straight away)']);
  });

  it('says "choose the mental health option", never "press 2"', () => {
    const v = crisisRoutes(dir, { now: NOW, age: 15 });
    expect(v[1].contact[0]).toBe('Call 111 and choose the mental health option');
    expect(JSON.stringify(v)).not.toMatch(/press 2|option 2/i);
  });
});

describe('a damaged directory file', () => {
  it('stops loading and names the entry and the field', () => {
    const data = raw();
    data.services.find((s: { id: string }) => s.id === 'samaritans').contacts[0].number = '116 12';
    const f = writeDir('bad-number.json', data);
    expect(() => loadDirectory({ now: NOW, file: f })).toThrow(/entry "samaritans" field "contacts\[0\]\.number"/);
  });

  it('names a missing field', () => {
    const data = raw();
    delete data.services.find((s: { id: string }) => s.id === 'mermaids').next_review_due;
    const f = writeDir('missing-field.json', data);
    expect(() => loadDirectory({ now: NOW, file: f })).toThrow(/entry "mermaids" field "next_review_due"/);
  });

  it('refuses a never-give number in a shown entry', () => {
    const data = raw();
    data.services.find((s: { id: string }) => s.id === 'papyrus-hopeline247').contacts.push({ kind: 'sms', number: '88247' });
    const f = writeDir('never-give.json', data);
    expect(() => loadDirectory({ now: NOW, file: f })).toThrow(/entry "papyrus-hopeline247" field "contacts\[2\]\.number": this number is on the never_give list/);
  });

  it('in non-strict mode drops only the bad entry, with a warning', () => {
    const data = raw();
    data.services.find((s: { id: string }) => s.id === 'mermaids').hours = { weekly: { mon: [['20:30', '13:00']] }, bank_holidays: 'closed' };
    const dir = loadDirectory({ now: NOW, file: writeDir('non-strict.json', data), strict: false });
    expect(dir.services.map((s) => s.id)).not.toContain('mermaids');
    expect(dir.services.map((s) => s.id)).toContain('samaritans');
    expect(dir.warnings.some((w) => w.startsWith('dropped:') && w.includes('"mermaids"') && w.includes('hours'))).toBe(true);
  });

  it('even when the file is not JSON at all (non-strict), crisis routes still give 999, 111 and a listening line', () => {
    const dir = loadDirectory({ now: NOW, file: writeDir('garbage.json', '{ this is not json'), strict: false });
    expect(dir.services).toEqual([]);
    const v = crisisRoutes(dir, { now: NOW, age: 14 });
    expect(v.map((x) => x.id)).toEqual(['emergency-999', 'nhs-111-mental-health', 'childline', 'samaritans']);
    expect(v.flatMap((x) => x.contact)).toEqual(expect.arrayContaining(['Call 999', 'Call 111 and choose the mental health option', 'Call 0800 1111', 'Call 116 123']));
  });

  it('a missing file throws in strict mode', () => {
    expect(() => loadDirectory({ now: NOW, file: path.join(tmp, 'nope.json') })).toThrow(/nope\.json/);
  });
});
