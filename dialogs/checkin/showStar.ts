/** "Show my star": the latest completed check-in's chart (over the one before) and the trend per area. */
import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { compare, completedCheckIns, describeChanges, renderStarPng, starAttachment, trendLines } from '../../core/mystar';
import { turnLog, userUid } from '../../bot/turnState';
import { bandOf } from '../support/profile';
import type { DialogDeps } from '../types';

export const SHOW_STAR = 'showstar';
const FLOW = 'showstar.flow';
const TREND_MAX = 6;

export class ShowStarDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(SHOW_STAR);
    this.addDialog(new WaterfallDialog(FLOW, [this.show.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const w = this.deps.words;
    const band = await bandOf(step.context, this.deps.store);
    const done = await completedCheckIns(this.deps.store, userUid(step.context));
    if (!done.length) {
      await step.context.sendActivity(w.t('mystar:showStar.none', { band }));
      return step.endDialog();
    }
    const current = done[done.length - 1];
    const previous = done[done.length - 2];
    const date = new Date(current.completedAt ?? current.startedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
    const intro = w.t('mystar:showStar.latest', { band, date });
    try {
      const chart = renderStarPng(current, previous, { band, words: w });
      await step.context.sendActivity({ type: ActivityTypes.Message, text: intro, attachments: [starAttachment(chart)] });
      await step.context.sendActivity(chart.alt);
    } catch (err) {
      turnLog(step.context, this.deps.log).error({ err }, 'star chart not drawn');
      await step.context.sendActivity(intro);
    }
    const recent = done.slice(-TREND_MAX);
    const lines = trendLines(recent, w, band);
    if (recent.length < 2) await step.context.sendActivity(lines[0]);
    else {
      // What moved since last time in plain words (as at the end of a check-in); with three or more, the trend too.
      const moved = describeChanges(compare(previous, current), w, band);
      const parts = [`${w.t('mystar:showStar.sinceLast', { band })}\n\n${moved.join('\n\n')}`];
      if (recent.length > 2) parts.push(w.t('mystar:showStar.trend', { band, n: recent.length, lines: `\n\n${lines.join('\n\n')}` }));
      await step.context.sendActivity(parts.join('\n\n'));
    }
    return step.endDialog();
  }
}
