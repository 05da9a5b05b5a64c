// The reply sink lives in scripts/lib so the bench uses the same one.
export { startReplySink, visibleText, buttonTitles, buttons, buttonData } from '../../scripts/lib/replySink';
export type { ReplySink, SentActivity } from '../../scripts/lib/replySink';
