/**
 * Starling's activity handler: welcome on joining, then every message goes to the main dialog.
 * (The safety check has already run in middleware by the time anything here sees a message.)
 */
import { ActivityHandler, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { Config } from '../core/config';
import type { Words } from '../core/i18n';
import type { Logger } from '../core/logging';
import { STORED_JSON, Store, WRITE_JSON } from '../core/storage';
import { MainDialog, MAIN_DIALOG } from '../dialogs/mainDialog';
import type { HelpRoutes } from '../dialogs/types';
import { bandOf, profileOf } from '../dialogs/support/profile';
import { turnInput, turnLog } from './turnState';

/** The turn-state key under which botbuilder-dialogs' DialogStateManager looks for (and keeps) its configuration. */
const DIALOG_STATE_CONFIG = 'DialogStateManagerConfiguration';

/** What the change check compares: the state without its eTag, as JSON (botbuilder compares the same). */
function changeHash(state: Record<string, unknown> | undefined): string {
  if (!state) return '';
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { eTag, ...rest } = state;
  return JSON.stringify(rest);
}

interface CachedState {
  state: Record<string, unknown>;
  hash: string;
}

/**
 * botbuilder's ConversationState with the same rules (loaded once per turn, saved only when something changed,
 * written with eTag '*'), but a cheaper change check: botbuilder serialises the whole state three times a turn
 * through a JSON.stringify with a replacer function (one call per key, for circular-structure handling that
 * plain JSON state never needs), which was a measurable part of every turn. Here it is plain JSON.stringify,
 * once a turn, before deciding to save (on load, the store's own JSON text of the state is the hash; the
 * saved state's hash is the one just computed, and the store writes that same text: WRITE_JSON).
 */
export class StarlingConversationState extends ConversationState {
  private readonly pendingKey = Symbol('conversation state read ahead');

  private cacheKey(): symbol {
    return (this as unknown as { stateKey: symbol }).stateKey;
  }

  private async readState(ctx: TurnContext): Promise<Record<string, unknown>> {
    const key = await this.storageKey(ctx);
    const items = await this.storage.read([key]);
    return items[key] || {};
  }

  /**
   * Starts reading this turn's state now (server.ts does it as the turn arrives), so on Redis it travels with
   * the safety check's reads instead of in a round trip of its own later. load() then uses it. Nothing is
   * cached until load(), so clear() or delete() before then simply drop it.
   */
  readAhead(ctx: TurnContext): void {
    if (ctx.turnState.get(this.cacheKey()) || ctx.turnState.get(this.pendingKey)) return;
    const pending = this.readState(ctx);
    pending.catch(() => undefined); // a failure surfaces in load(), like an ordinary read's
    ctx.turnState.set(this.pendingKey, pending);
  }

  override async load(ctx: TurnContext, force = false): Promise<any> {
    const cached = ctx.turnState.get(this.cacheKey()) as CachedState | undefined;
    if (!force && cached?.state) return cached.state;
    // loads while the read-ahead is on its way share it (it stays until clear() or delete() drops it)
    const pending = force ? undefined : (ctx.turnState.get(this.pendingKey) as Promise<Record<string, unknown>> | undefined);
    if (force) ctx.turnState.delete(this.pendingKey);
    const state = pending ? await pending : await this.readState(ctx);
    // another load() of this turn may have finished first: keep the one state object everyone holds
    const now = ctx.turnState.get(this.cacheKey()) as CachedState | undefined;
    if (!force && now?.state) return now.state;
    // As read, the state's JSON is the text the store holds (STORED_JSON): no need to serialise it again.
    const stored = (state as { [STORED_JSON]?: string })[STORED_JSON];
    ctx.turnState.set(this.cacheKey(), { state, hash: stored ?? changeHash(state) } satisfies CachedState);
    return state;
  }

  override clear(ctx: TurnContext): Promise<void> {
    ctx.turnState.delete(this.pendingKey);
    return super.clear(ctx);
  }

  override delete(ctx: TurnContext): Promise<void> {
    ctx.turnState.delete(this.pendingKey);
    return super.delete(ctx);
  }

  override async saveChanges(ctx: TurnContext, force = false): Promise<void> {
    let cached = ctx.turnState.get(this.cacheKey()) as CachedState | undefined;
    const hash = cached ? changeHash(cached.state) : undefined;
    if (!force && !(cached && cached.hash !== hash)) return;
    const key = await this.storageKey(ctx);
    if (!cached) cached = { state: {}, hash: '' };
    cached.state.eTag = '*';
    // the change check has just serialised the state: the store writes that text rather than serialising it again
    if (hash !== undefined) Object.defineProperty(cached.state, WRITE_JSON, { value: hash, configurable: true, enumerable: false });
    try {
      await this.storage.write({ [key]: cached.state });
    } finally {
      delete (cached.state as { [WRITE_JSON]?: string })[WRITE_JSON];
    }
    cached.hash = hash ?? changeHash(cached.state);
    ctx.turnState.set(this.cacheKey(), cached);
  }
}

export interface BotDeps {
  conversationState: ConversationState;
  mainDialog: MainDialog;
  words: Words;
  store: Store;
  help: HelpRoutes;
  log: Logger;
  config: Config;
}

export class StarlingBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: BotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(deps.mainDialog);

    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      const joined = (ctx.activity.membersAdded ?? []).some((m) => m.id !== botId);
      if (joined) {
        await this.welcome(ctx);
        await this.runDialog(ctx);
      }
      await next();
    });

    this.onMessage(async (ctx, next) => {
      const input = turnInput(ctx);
      const band = await bandOf(ctx, deps.store);
      if (input.text.length > deps.config.MAX_MESSAGE_CHARS) {
        await ctx.sendActivity(deps.words.t('common:tooLong', { band }));
        // the question they were answering is still open: show it again, so a short reply lands where they expect
        await this.repromptDialog(ctx);
      } else if (!input.text && !input.value) {
        await ctx.sendActivity(deps.words.t('common:unsupported', { band }));
      } else {
        await this.runDialog(ctx);
      }
      await next();
    });
  }

  private async welcome(ctx: TurnContext): Promise<void> {
    const w = this.deps.words;
    const p = await profileOf(ctx, this.deps.store);
    const band = p?.ageBand;
    const routes = this.deps.help.crisisText({ band, age: p?.age, area: p?.area });
    await ctx.sendActivity(w.t('common:welcome.hello', { band }));
    await ctx.sendActivity(`${w.t('common:welcome.notEmergency', { band })}\n\n${routes}`);
  }

  /**
   * botbuilder-dialogs' memory-scope configuration: built afresh each turn unless turn state already has one.
   * It never changes, so the first one built is kept and handed to every later turn (as botbuilder's own
   * DialogManager does with its stateConfiguration).
   */
  private dialogStateConfig: unknown;

  /** The turn's dialog context, with the memory-scope configuration kept from the first turn. */
  private async dialogContext(ctx: TurnContext) {
    if (this.dialogStateConfig && !ctx.turnState.get(DIALOG_STATE_CONFIG)) ctx.turnState.set(DIALOG_STATE_CONFIG, this.dialogStateConfig);
    const dc = await this.dialogs.createContext(ctx);
    this.dialogStateConfig ??= ctx.turnState.get(DIALOG_STATE_CONFIG);
    return dc;
  }

  /** Shows the question that is waiting again, if one is. */
  private async repromptDialog(ctx: TurnContext): Promise<void> {
    const dc = await this.dialogContext(ctx);
    if (dc.activeDialog) await dc.repromptDialog();
  }

  /** Continues whatever dialog is running, or starts the main menu. */
  private async runDialog(ctx: TurnContext): Promise<void> {
    const dc = await this.dialogContext(ctx);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
  }

  override async run(ctx: TurnContext): Promise<void> {
    await super.run(ctx);
    try {
      await this.deps.conversationState.saveChanges(ctx, false);
    } catch (err) {
      // Another instance wrote this conversation first (eTag conflict): its state wins, nothing is overwritten.
      turnLog(ctx, this.deps.log).warn({ err }, 'conversation state not saved');
      throw err;
    }
  }
}
