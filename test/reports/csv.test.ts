import { csvField, csvTable, exportPseudonym, makeReport, parsePeriod, renderAnswersCsv, renderCsv } from '../../core/reports';
import { fixtureAnswers, JANUARY } from './fixture';
import { parseCsv } from './tables';

describe('CSV', () => {
  it('quotes fields as RFC 4180 says and ends lines with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvTable(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
    expect(parseCsv(csvTable(['h'], [['he said "no", twice\r\nthen left']]))).toEqual([['h'], ['he said "no", twice\r\nthen left']]);
  });

  it('never lets a cell run as a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1+2')).toBe("'+1+2");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    // plain numbers stay numbers
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(12)).toBe('12');
  });

  it('writes the report as one table with the period and the suppression rule in it', () => {
    const csv = renderCsv(makeReport({ answers: fixtureAnswers(), checkIns: [] }, JANUARY));
    const rows = parseCsv(csv);
    expect(rows[0][0]).toBe('section');
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
    expect(csv).toContain('From 2026-01-01 to 2026-01-31');
    expect(csv).toMatch(/Suppression: Any figure counting fewer than 5/);
  });
});

describe('answers export for the provider', () => {
  const csv = renderAnswersCsv(
    [...fixtureAnswers(), { uid: 'u9', frameworkId: '4.10', answer: 2, at: '2026-01-09T10:00:00Z', ageBand: '16-25', comment: '=cmd|evil  my name is Sam', checkInId: 'c1' }],
    JANUARY,
  );
  const rows = parseCsv(csv);

  it('has one row per answer or skip in the period, oldest first', () => {
    const inJan = fixtureAnswers().filter((a) => a.at.startsWith('2026-01')).length + 1;
    expect(rows.length - 1).toBe(inJan);
    const at = rows.slice(1).map((r) => r[7]);
    expect([...at].sort()).toEqual(at);
    expect(rows[0]).toEqual(['person', 'age_band', 'area', 'framework_id', 'outcome', 'answer', 'skipped', 'answered_at', 'after_check_in', 'has_comment']);
  });

  it('uses pseudonyms only and never the comment text', () => {
    expect(csv).not.toMatch(/\bu1\b|\bu9\b/);
    expect(csv).not.toContain('Sam');
    const u9 = rows.find((r) => r[0] === exportPseudonym('u9'))!;
    expect(u9.slice(1)).toEqual(['16-25', 'not_recorded', '4.10', '4', '2', 'no', '2026-01-09T10:00:00.000Z', 'yes', 'yes']);
    expect(exportPseudonym('u1')).toBe(exportPseudonym('u1'));
    expect(exportPseudonym('u1')).not.toBe(exportPseudonym('u2'));
  });

  it('marks skips', () => {
    const x1 = rows.find((r) => r[0] === exportPseudonym('x1'))!;
    expect([x1[5], x1[6]]).toEqual(['', 'yes']);
  });

  it('is empty apart from its header for a period with no answers', () => {
    expect(parseCsv(renderAnswersCsv(fixtureAnswers(), parsePeriod('2030-01-01', '2030-01-02')))).toHaveLength(1);
  });
});
