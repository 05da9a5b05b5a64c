import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDetectorFrom } from '../../core/safety/detector';
import { loadSafetyData, SAFETY_DIR } from '../../core/safety/load';

function copyData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'safety-'));
  for (const f of ['lexicon.json', 'normalise.json', 'rules.json']) copyFileSync(path.join(SAFETY_DIR, f), path.join(dir, f));
  return dir;
}
function editLexicon(dir: string, edit: (lex: { entries: Array<Record<string, unknown>> }) => void): void {
  const file = path.join(dir, 'lexicon.json');
  const lex = JSON.parse(readFileSync(file, 'utf8'));
  edit(lex);
  writeFileSync(file, JSON.stringify(lex));
}

describe('content/safety is validated', () => {
  test('the shipped data loads and every entry has a category, level and rationale', () => {
    const data = loadSafetyData();
    expect(data.lexicon.entries.length).toBeGreaterThan(100);
    for (const e of data.lexicon.entries) {
      expect(e.rationale.length).toBeGreaterThan(8);
      if (e.level !== 'none') expect(e.category).not.toBeNull();
    }
  });

  test('an entry without a rationale is rejected, naming the file and entry', () => {
    const dir = copyData();
    editLexicon(dir, (lex) => {
      delete lex.entries[3].rationale;
    });
    expect(() => loadSafetyData(dir)).toThrow(/lexicon\.json.*entries\.3.*id "/);
  });

  test('two lexicon entries, or two answering rules, with the same id are rejected, naming the file and id', () => {
    const dir = copyData();
    editLexicon(dir, (lex) => {
      lex.entries[1].id = lex.entries[0].id;
    });
    expect(() => loadSafetyData(dir)).toThrow(/lexicon\.json: duplicate entry id "/);
    const dir2 = copyData();
    const answering = JSON.parse(readFileSync(path.join(SAFETY_DIR, 'answering.json'), 'utf8'));
    answering.rules[1].id = answering.rules[0].id;
    writeFileSync(path.join(dir2, 'answering.json'), JSON.stringify(answering));
    expect(() => loadSafetyData(dir2)).toThrow(/answering\.json: duplicate rule id "/);
  });

  test('a training line may be worrying without a category, but one a duty worker must see needs one', () => {
    const line = (level: string, category: string | null) => JSON.stringify({ text: 'mocks next week and i cant sleep', level, category });
    const dir = copyData();
    writeFileSync(path.join(dir, 'training.jsonl'), `${line('concern', null)}\n${line('none', null)}\n`);
    expect(loadSafetyData(dir).training).toHaveLength(2);
    const dir2 = copyData();
    writeFileSync(path.join(dir2, 'training.jsonl'), `${line('concern', null)}\n${line('safeguarding', null)}\n`);
    expect(() => loadSafetyData(dir2)).toThrow(/training\.jsonl line 2.*needs a category/);
  });

  test('an unknown category or level is rejected', () => {
    const dir = copyData();
    editLexicon(dir, (lex) => {
      lex.entries[0].category = 'sadness';
    });
    expect(() => loadSafetyData(dir)).toThrow(/lexicon\.json/);
    const dir2 = copyData();
    editLexicon(dir2, (lex) => {
      lex.entries[0].level = 'urgent';
    });
    expect(() => loadSafetyData(dir2)).toThrow(/lexicon\.json/);
  });

  test('a pattern with an unbounded gap or bad syntax is rejected', () => {
    const dir = copyData();
    editLexicon(dir, (lex) => {
      lex.entries[5].pattern = 'kill ..20 myself';
    });
    expect(() => loadSafetyData(dir)).toThrow(/pattern/);
    const dir2 = copyData();
    editLexicon(dir2, (lex) => {
      lex.entries[5].pattern = 'kill (.*)+ myself';
    });
    expect(() => loadSafetyData(dir2)).toThrow(/pattern/);
  });

  test('an unknown @group is reported with the entry id', () => {
    const dir = copyData();
    editLexicon(dir, (lex) => {
      lex.entries[2].pattern = '@nosuchgroup hits me';
    });
    expect(() => createDetectorFrom(loadSafetyData(dir))).toThrow(/unknown group @nosuchgroup/);
  });

  test('invalid JSON names the file', () => {
    const dir = copyData();
    writeFileSync(path.join(dir, 'rules.json'), '{ not json');
    expect(() => loadSafetyData(dir)).toThrow(/rules\.json is not valid JSON/);
  });
});
