/**
 * Sends the "waiting for help" check-in reminders that young people asked for (dialogs/help/waitingDialog.ts).
 * Every minute it asks core/waiting what is due (reminders go out in the day only, London time), claims
 * each one so two instances never both send it, sends it into the conversation it was set up in, and
 * schedules the next. A reminder turned off or deleted is never sent: the claim checks again.
 * Logs carry hashed ids and counts only.
 */
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Config } from '../core/config';
import type { Words } from '../core/i18n';
import type { Logger } from '../core/logging';
import { hashId } from '../core/logging';
import type { Store } from '../core/storage';
import { claimReminder, dueReminders, markReminderSent, type DueReminder } from '../core/waiting';
import { nav, withButtons } from '../dialogs/support/cards';

export interface ReminderDeps {
  adapter: CloudAdapter;
  store: Store;
  log: Logger;
  config: Config;
  words: Words;
  now: () => Date;
  appId: string;
  /** how often to look for due reminders (default one minute) */
  everyMs?: number;
}

export interface Reminders {
  stop(): Promise<void>;
  /** Sends what is due now; resolves with how many were sent (tests call it directly). */
  tick(): Promise<number>;
}

/** The reminder message and its buttons; the Stop button leads straight to turning reminders off. */
export function reminderMessage(words: Words, due: Pick<DueReminder, 'band'>) {
  const band = due.band;
  return withButtons(words.t('waiting:reminder.message', { band }), [
    { title: words.t('waiting:reminder.buttons.checkin', { band }), data: nav('checkin') },
    { title: words.t('waiting:reminder.buttons.selfhelp', { band }), data: nav('selfhelp') },
    { title: words.t('waiting:reminder.buttons.help', { band }), data: nav('help') },
    { title: words.t('waiting:reminder.buttons.stop', { band }), data: nav('waiting', { choice: 'reminder_off' }) },
  ]);
}

export function startReminders(deps: ReminderDeps): Reminders {
  const { store, log, words } = deps;
  let inFlight: Promise<number> | undefined;

  async function sendOne(due: DueReminder, now: Date): Promise<boolean> {
    const who = hashId(due.uid);
    if (!(await claimReminder(store, due))) return false;
    if (!due.address) {
      log.warn({ uid: who }, 'reminder due but no conversation to send it to; skipped until next time');
      await markReminderSent(store, due.uid, now);
      return false;
    }
    try {
      await deps.adapter.continueConversationAsync(deps.appId, due.address as Partial<ConversationReference>, async (ctx) => {
        await ctx.sendActivity(reminderMessage(words, due));
      });
      await markReminderSent(store, due.uid, now);
      log.info({ uid: who }, 'reminder sent');
      return true;
    } catch (err) {
      // Not sent (the conversation may be gone). Do not retry every minute: try again at the next reminder.
      log.warn({ uid: who, err: { message: (err as Error).message } }, 'reminder could not be sent');
      await markReminderSent(store, due.uid, now);
      return false;
    }
  }

  async function run(): Promise<number> {
    const now = deps.now();
    let sent = 0;
    for (const due of await dueReminders(store, now)) if (await sendOne(due, now)) sent++;
    return sent;
  }

  function tick(): Promise<number> {
    if (inFlight) return inFlight.then(() => 0);
    inFlight = run()
      .catch((err) => {
        log.error({ err: { message: (err as Error).message } }, 'reminder round failed');
        return 0;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  const timer = setInterval(() => void tick(), deps.everyMs ?? 60_000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      if (inFlight) await inFlight;
    },
  };
}
