/** A DialogTestClient harness for the check-in dialogs: deps on a given Store, replies read as a young person sees them. */
import { Activity, ConversationState } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { parseConfig } from '../../../core/config';
import { createWords } from '../../../core/i18n';
import { createIntentMatcher } from '../../../core/intents';
import { createLogger, setIdHashSecret } from '../../../core/logging';
import type { Store } from '../../../core/storage';
import type { DialogDeps } from '../../../dialogs/types';

setIdHashSecret('test-secret');

export const words = createWords();

export function makeDeps(store: Store, extras: Record<string, unknown> = {}, now = () => new Date('2026-03-02T10:00:00Z')): DialogDeps {
  return {
    store,
    words,
    log: createLogger({ level: 'silent' }),
    config: parseConfig({ ID_HASH_SECRET: 'test-secret' }),
    intents: createIntentMatcher(),
    help: { crisisText: () => 'HELP-ROUTES' },
    now,
    extras,
  };
}

export interface Chat {
  client: DialogTestClient;
  /** sends typed text; resolves with every reply */
  say(text: string): Promise<Partial<Activity>[]>;
  /** sends a card submission */
  press(value: Record<string, unknown>): Promise<Partial<Activity>[]>;
}

export function chat(dialog: Dialog, store: Store, userId = 'user-1', options?: unknown): Chat {
  const state = new ConversationState(store as never);
  const client = new DialogTestClient('test', dialog, options, [], state);
  const drain = (first: Partial<Activity> | undefined) => {
    const out: Partial<Activity>[] = [];
    let r = first;
    while (r) {
      out.push(r);
      r = client.getNextReply();
    }
    return out;
  };
  return {
    client,
    say: async (text) => drain(await client.sendActivity({ type: 'message', text, from: { id: userId, name: 'YP' } } as Partial<Activity>)),
    press: async (value) => drain(await client.sendActivity({ type: 'message', value, from: { id: userId, name: 'YP' } } as Partial<Activity>)),
  };
}

/** Everything readable in the replies: message text, card text blocks, button titles. */
export function visible(replies: Partial<Activity>[]): string {
  const out: string[] = [];
  const walk = (x: any) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      if (x.type === 'TextBlock' && typeof x.text === 'string') out.push(x.text);
      if (x.type === 'Action.Submit' && typeof x.title === 'string') out.push(`[${x.title}]`);
      Object.values(x).forEach(walk);
    }
  };
  for (const r of replies) {
    if (r.text) out.push(r.text);
    for (const a of r.attachments ?? []) {
      if (a.contentType === 'application/vnd.microsoft.card.adaptive') walk(a.content);
      else if (a.contentType === 'image/png') out.push(`<image ${a.name}>`);
    }
  }
  return out.join('\n');
}

/** The data of every button in the replies. */
export function buttons(replies: Partial<Activity>[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (x: any) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      if (x.type === 'Action.Submit') out.push(x.data);
      Object.values(x).forEach(walk);
    }
  };
  for (const r of replies) for (const a of r.attachments ?? []) walk(a.content);
  return out;
}

/** The check-in id on the step buttons in the replies. */
export function checkInIdIn(replies: Partial<Activity>[]): string | undefined {
  return buttons(replies).find((b) => typeof b.checkInId === 'string')?.checkInId as string | undefined;
}

export function stepButtonArea(replies: Partial<Activity>[]): string | undefined {
  return buttons(replies).find((b) => b.kind === 'mystar.step')?.area as string | undefined;
}
