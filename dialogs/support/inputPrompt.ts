/**
 * A prompt that accepts what a young person actually sends: typed text or a card submission.
 * Its value is the TurnInput (text, card value, free text). The validator decides what counts; on a
 * failed validation the retry prompt (a gentle re-ask) is sent, never an error.
 */
import { InputHints, TurnContext } from 'botbuilder';
import { Prompt, PromptOptions, PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { readTurnInput, TurnInput } from '../../core/input';

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
