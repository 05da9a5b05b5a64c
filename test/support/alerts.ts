/** A stand-in for the duty team's alert route: records every alert raised and answers with a chosen outcome. */
import type { AlertInput, AlertOutcome, AlertRaiser } from '../../bot/middleware/safety';

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
