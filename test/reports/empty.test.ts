import { makeReport, parsePeriod, renderCsv, renderHtml, renderJson } from '../../core/reports';
import { fixtureAnswers, fixtureCheckIns } from './fixture';

describe('a period with no data', () => {
  const r = makeReport({ answers: fixtureAnswers(), checkIns: fixtureCheckIns() }, parsePeriod('2024-03-01', '2024-03-31'));

  it('gives an empty report that says so, in every format', () => {
    expect(r.empty).toBe(true);
    const json = JSON.parse(renderJson(r));
    expect(json.empty).toBe(true);
    expect(json.measures).toEqual([]);
    expect(json.note).toBe('No outcome answers or completed My Star check-ins between 2024-03-01 and 2024-03-31.');
    expect(renderCsv(r)).toContain('No outcome answers or completed My Star check-ins between 2024-03-01 and 2024-03-31.');
    const html = renderHtml(r);
    expect(html).toContain('role="status">No outcome answers or completed My Star check-ins between 2024-03-01 and 2024-03-31.');
    expect(html).not.toContain('class="measure"');
  });

  it('shows the summary counts as "<5", not 0', () => {
    expect(r.summary.youngPeople).toBe('<5');
  });
});

describe('the HTML report', () => {
  const html = renderHtml(makeReport({ answers: fixtureAnswers(), checkIns: fixtureCheckIns() }, parsePeriod('2026-01-01', '2026-01-31')));

  it('is self-contained: charts are inline SVG, with no script and nothing fetched from elsewhere', () => {
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import|url\(http/i);
    expect(html).toContain("default-src 'none'");
  });

  it('prints on A4', () => {
    expect(html).toMatch(/@page\s*{\s*size:\s*A4/);
    expect(html).toMatch(/@media print/);
  });

  it('explains "<5" and "c" to the reader', () => {
    expect(html).toContain('fewer than 5 young people');
    expect(html).toContain('cannot be worked out by subtraction');
  });
});

describe('the HTML report structure', () => {
  it('has one main landmark holding the content after the header', () => {
    const html = renderHtml(makeReport({ answers: fixtureAnswers(), checkIns: [] }, parsePeriod('2026-01-01', '2026-01-31')));
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html.indexOf('<main>')).toBeGreaterThan(html.indexOf('</header>'));
    expect(html.indexOf('</main>')).toBeGreaterThan(html.lastIndexOf('class="measure"'));
  });
});
