/**
 * Starling's activity handler: welcome on joining, then every message goes to the main dialog.
 * (The safety check has already run in middleware by the time anything here sees a message.)
 */
import { ActivityHandler, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { Config } from '../core/config';
import type { Words } from '../core/i18n';
import type { Logger } from '../core/logging';
import type { Store } from '../core/storage';
import { MainDialog, MAIN_DIALOG } from '../dialogs/mainDialog';
import type { HelpRoutes } from '../dialogs/types';
import { bandOf, profileOf } from '../dialogs/support/profile';
import { turnInput, turnLog } from './turnState';

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

  /** Continues whatever dialog is running, or starts the main menu. */
  private async runDialog(ctx: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(ctx);
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
