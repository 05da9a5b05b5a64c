/** The safety check finds the waiting question's safetyContext in conversation state as botbuilder-dialogs stores it. */
import { askedSafetyContext } from '../../dialogs/support/inputPrompt';

const prompt = (safetyContext?: unknown) => ({ id: 'q', state: { options: { prompt: 'What gets in the way?', ...(safetyContext ? { safetyContext } : {}) }, state: {} } });
const component = (...stack: unknown[]) => ({ id: 'c', state: { dialogs: { dialogStack: stack } } });
const waterfall = { id: 'w', state: { options: {}, values: {}, stepIndex: 1 } };

it('reads the active (last) dialog of each nested stack', () => {
  const state = { dialogState: { dialogStack: [component(waterfall, component(waterfall, prompt({ kind: 'barrier', areas: ['being_safe'] })))] } };
  expect(askedSafetyContext(state)).toEqual({ kind: 'barrier', areas: ['being_safe'] });
});

it('an older question further down the stack does not count', () => {
  const state = { dialogState: { dialogStack: [component(prompt({ kind: 'barrier', areas: ['being_safe'] }), waterfall, prompt())] } };
  expect(askedSafetyContext(state)).toBeUndefined();
});

it('nothing waiting, an empty state or an odd stored value: no context', () => {
  expect(askedSafetyContext(undefined)).toBeUndefined();
  expect(askedSafetyContext({})).toBeUndefined();
  expect(askedSafetyContext({ dialogState: { dialogStack: [] } })).toBeUndefined();
  expect(askedSafetyContext({ dialogState: { dialogStack: [prompt({ kind: 'barrier', areas: 'being_safe' })] } })).toEqual({ kind: 'barrier' });
  expect(askedSafetyContext({ dialogState: { dialogStack: [prompt({ kind: 'anything' })] } })).toBeUndefined();
});
