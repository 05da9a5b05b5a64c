/** A stand-in for the duty team's alert route: records every alert raised and answers with a chosen outcome. */
import type { AlertInput, AlertOutcome, AlertRaiser } from '../../bot/middleware/safety';
import { startTestApp, TestApp } from './testApp';

export interface RecordingAlerts extends AlertRaiser {
  raised: AlertInput[];
  /** what the next raise() answers (default: delivered while someone is on duty) */
  outcome: AlertOutcome;
  reset(): void;
}

export function recordingAlerts(): RecordingAlerts {
  const r: RecordingAlerts = {
    raised: [],
    outcome: { state: 'delivered_on_duty' },
    async raise(input) {
      r.raised.push(input);
      return r.outcome;
    },
    reset() {
      r.raised.length = 0;
      r.outcome = { state: 'delivered_on_duty' };
    },
  };
  return r;
}

/**
 * For a test file: the real service with a recording alert route, started before all tests, closed after,
 * and the recorded alerts cleared before each. Call at the top level or inside a describe.
 */
export function useAppWithAlerts(): { alerts: RecordingAlerts; raised: AlertInput[]; app: () => TestApp } {
  const alerts = recordingAlerts();
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp({ alerts });
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => alerts.reset());
  return { alerts, raised: alerts.raised, app: () => t! };
}
