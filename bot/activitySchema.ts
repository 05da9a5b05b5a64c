/**
 * The least an inbound activity must have before the adapter sees it. Anything else is a 400 with a
 * short reason, never a crash.
 */
import { z } from 'zod';

const Account = z.object({ id: z.string().min(1).max(512) }).passthrough();

export const InboundActivity = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    from: Account,
    recipient: Account.optional(),
    text: z.string().optional(),
  })
  .passthrough();

/** A one-line reason for a rejected body, or undefined when it will do. */
export function activityProblem(body: unknown): string | undefined {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return 'the body must be a JSON object (a Bot Framework activity)';
  }
  const r = InboundActivity.safeParse(body);
  if (r.success) return undefined;
  const i = r.error.issues[0];
  return `activity field "${i.path.join('.') || '(root)'}" is missing or not valid`;
}
