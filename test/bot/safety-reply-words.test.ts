/**
 * The first words after a disclosure fit what was said: "it isn't your fault" is for harm someone else does, not for
 * a young person hurting themselves or not eating, where it would sound like a judgement was made.
 */
import { useAppWithAlerts } from '../support/alerts';
import { visibleText } from '../support/replySink';

const { raised, app } = useAppWithAlerts();

it.each([
  ['self-harm', 'i have been cutting my arms again'],
  ['not eating', 'i keep making myself sick after i eat'],
])('%s: thanked and told they deserve support, not told "it isn\'t your fault"', async (_what, text) => {
  const conv = `self-${text.length}`;
  await app().join(conv);
  const reply = visibleText(await app().say(conv, text));
  expect(raised).toHaveLength(1);
  expect(reply).toMatch(/Thank you for telling me\. It sounds like things are really hard right now/);
  expect(reply).not.toMatch(/isn't your fault|isn't OK/);
});

it('harm done to them: told it is not OK and not their fault', async () => {
  await app().join('other-1');
  const reply = visibleText(await app().say('other-1', 'my dad hits me when he is drunk'));
  expect(raised).toHaveLength(1);
  expect(reply).toMatch(/What you've described isn't OK, and it isn't your fault/);
});
