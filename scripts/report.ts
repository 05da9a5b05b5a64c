/**
 * Commissioner reports and the provider's answer export, from the command line.
 *
 *   npm run report -- --from 2026-09-01 --to 2026-11-30 --format html --out report.html
 *   npm run report -- --from 2026-09-01 --to 2026-11-30 --format csv --demo       (made-up data, nothing else needed)
 *   npm run report -- --export answers --from 2026-09-01 --to 2026-11-30          (one CSV row per answer)
 *
 * Reads REDIS_URL (and REDIS_KEY_PREFIX) from the environment or .env. Exit codes: 0 done, 1 could not read the
 * data, 2 bad input or settings (one line on stderr naming the problem).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../core/config';
import {
  demoData,
  loadReportData,
  makeReport,
  parseFormat,
  parsePeriod,
  renderAnswersCsv,
  renderReport,
  ReportData,
  ReportInputError,
} from '../core/reports';
import { RedisStore, Store } from '../core/storage';

export interface Io {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
}

export interface Deps {
  /** opens the Store holding the records (default: Redis from REDIS_URL) */
  openStore?: () => Promise<Store>;
  now?: Date;
}

const USAGE =
  'usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json|html] [--out FILE] [--demo [--seed N]] | --export answers --from ... --to ...';

const CONNECT_TIMEOUT_MS = 5000;

async function openRedis(): Promise<Store> {
  const cfg = loadConfig();
  if (!cfg.REDIS_URL) {
    throw new ReportInputError('REDIS_URL is not set (in the environment or .env): set it, or add --demo to use a made-up data set');
  }
  const store = new RedisStore({ url: cfg.REDIS_URL, prefix: cfg.REDIS_KEY_PREFIX, redisOptions: { maxRetriesPerRequest: 1 } });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
      }),
    ]);
  } catch (e) {
    await store.close().catch(() => undefined);
    store.client.disconnect();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return store;
}

function oneLine(e: unknown): string {
  const msg = e && typeof e === 'object' && 'message' in e ? (e as { message: unknown }).message : e;
  return String(msg).split('\n')[0];
}

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }, deps: Deps = {}): Promise<number> {
  let args: ReturnType<typeof parse>;
  const parse = (a: string[]) =>
    parseArgs({
      args: a,
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        export: { type: 'string' },
        demo: { type: 'boolean' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  try {
    args = parse(argv);
  } catch (e) {
    io.err.write(`report: ${oneLine(e).replace(/\. To specify.*$/, '')} (see --help)\n`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    io.out.write(USAGE + '\n');
    return 0;
  }
  let data: ReportData;
  let store: Store | undefined;
  try {
    if (v.export !== undefined && v.export !== 'answers') throw new ReportInputError(`--export must be "answers", got ${JSON.stringify(v.export)}`);
    if (v.export && v.format && v.format !== 'csv') throw new ReportInputError(`--export answers writes CSV only, got --format ${v.format}`);
    const period = parsePeriod(v.from, v.to);
    const format = parseFormat(v.format);
    const seed = v.seed === undefined ? 42 : Number(v.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new ReportInputError(`--seed must be a whole number, got ${JSON.stringify(v.seed)}`);
    if (v.seed !== undefined && !v.demo) throw new ReportInputError('--seed only goes with --demo');

    if (v.demo) {
      data = demoData(period, { seed });
    } else {
      try {
        store = await (deps.openStore ?? openRedis)();
        data = await loadReportData(store, period);
      } catch (e) {
        if (e instanceof ReportInputError || e instanceof ConfigError) throw e;
        io.err.write(`report: could not read the records: ${oneLine(e)}\n`);
        return 1;
      }
    }
    const text = v.export ? renderAnswersCsv(data.answers, period) : renderReport(makeReport(data, period, { now: deps.now }), format);
    if (v.out) writeFileSync(v.out, text);
    else io.out.write(text);
    if (!v.export && data.answers.length === 0 && data.checkIns.length === 0) {
      io.err.write(`report: no outcome answers or completed check-ins between ${period.from} and ${period.to}; the report says so\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ReportInputError || e instanceof ConfigError) {
      io.err.write(`report: ${oneLine(e)}\n`);
      return 2;
    }
    io.err.write(`report: ${oneLine(e)}\n`);
    return 1;
  } finally {
    if (store && !deps.openStore) await store.close().catch(() => undefined);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
