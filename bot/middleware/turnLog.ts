/**
 * First middleware: gives the turn an id and a child logger, reads the input once, and logs the turn
 * with hashed ids, the activity type and timings. Never the text.
 */
import { randomUUID } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import { hashId, Logger } from '../../core/logging';
import { readTurnInput } from '../../core/input';
import { turnKeys, userUid } from '../turnState';

export function turnLogMiddleware(log: Logger): Middleware {
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      const turnId = randomUUID();
      const a = ctx.activity;
      // A logger that writes nothing (level 'silent', as in the bench) needs no per-turn child: building one
      // runs pino's redaction over its bindings, a measurable cost with nothing to show for it.
      const tlog = log.isLevelEnabled('fatal')
        ? log.child({ turnId, channel: a.channelId, conv: hashId(a.conversation?.id), user: userUid(ctx) })
        : log;
      ctx.turnState.set(turnKeys.turnId, turnId);
      ctx.turnState.set(turnKeys.log, tlog);
      const input = readTurnInput(a.text, a.value);
      ctx.turnState.set(turnKeys.input, input);
      const started = Date.now();
      tlog.info({ type: a.type, chars: input.freeText.length, card: input.fromCard }, 'turn start');
      try {
        await next();
      } finally {
        tlog.info({ ms: Date.now() - started }, 'turn end');
      }
    },
  };
}
