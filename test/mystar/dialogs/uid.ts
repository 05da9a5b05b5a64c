import { hashId, setIdHashSecret } from '../../../core/logging';

/** The uid the bot gives a test user (channel 'test'), as bot/turnState.ts userUid computes it. */
export function userUidFor(userId: string): string {
  setIdHashSecret('test-secret');
  return hashId(`test:${userId}`);
}
