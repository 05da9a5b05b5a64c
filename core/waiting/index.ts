/** Waiting for help: opt-in check-in reminders (plain logic; the bot sends them). */
export type { ReminderRecord, DueReminder, ReminderAddress } from './reminders';
export {
  setReminder,
  turnOffReminder,
  getReminder,
  dueReminders,
  claimReminder,
  markReminderSent,
  inSendingHours,
  remindersUserData,
  REMINDER_INDEX,
  REMINDER_DAY_CHOICES,
  MIN_DAYS,
  MAX_DAYS,
} from './reminders';
