/**
 * A prompt that accepts what a young person actually sends: typed text or a card submission.
 * Its value is the TurnInput (text, card value, free text). The validator decides what counts; on a
 * failed validation the retry prompt (a gentle re-ask) is sent, never an error.
 *
 * A question may say what it asks (`safetyContext`: its kind and My Star areas, never the young person's words).
 * It is kept with the prompt's options in conversation state, so the safety check reads the next message with
 * the question it answers (askedSafetyContext), and it goes when the prompt ends.
 */
import { InputHints, TurnContext } from 'botbuilder';
import { DialogTurnResult, Prompt, PromptOptions, PromptRecognizerResult, PromptValidator, WaterfallStepContext } from 'botbuilder-dialogs';
import { readTurnInput, TurnInput } from '../../core/input';
import { answeringOf, type Answering } from '../../core/safety';

export interface InputPromptOptions extends PromptOptions {
  /** what the question asks, for the safety check on the answer (see core/safety/types.ts Answering) */
  safetyContext?: Answering;
}

/** step.prompt with InputPrompt's options (a typed object, so a safetyContext is checked, not an excess property). */
export function ask(step: WaterfallStepContext, dialogId: string, options: InputPromptOptions): Promise<DialogTurnResult> {
  return step.prompt(dialogId, options);
}

export class InputPrompt extends Prompt<TurnInput> {
  constructor(dialogId: string, validator?: PromptValidator<TurnInput>) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const p = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (p) await context.sendActivity(p as any, undefined, InputHints.ExpectingInput);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<TurnInput>> {
    const a = context.activity;
    if (a.type !== 'message') return { succeeded: false };
    const input = readTurnInput(a.text, a.value);
    return { succeeded: input.text.length > 0 || input.value !== undefined, value: input };
  }
}

interface StoredStack {
  dialogStack?: Array<{ state?: { dialogs?: StoredStack; options?: { safetyContext?: unknown } } }>;
}

/**
 * The safetyContext of the question waiting for an answer, from the conversation state as stored (property
 * `dialogState`): the innermost active dialog, following component dialogs' own stacks (botbuilder-dialogs keeps
 * them under `dialogs`; a prompt keeps its options under `options`). Undefined when no question with one is waiting.
 */
export function askedSafetyContext(conversationState: unknown): Answering | undefined {
  let stack = (conversationState as { dialogState?: StoredStack } | undefined)?.dialogState;
  for (let depth = 0; depth < 16 && stack?.dialogStack?.length; depth++) {
    const top = stack.dialogStack[stack.dialogStack.length - 1]?.state; // the active dialog is the last (DialogContext.activeDialog)
    if (top?.dialogs?.dialogStack?.length) stack = top.dialogs;
    else return answeringOf(top?.options?.safetyContext);
  }
  return undefined;
}
