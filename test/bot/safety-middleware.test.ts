import { visibleText, buttonTitles } from '../support/replySink';
import { useAppWithAlerts } from '../support/alerts';

describe('the safety check on every message', () => {
  const { alerts, raised, app } = useAppWithAlerts();

  it('answers a crisis message at once with the routes, alerts the duty team, and offers to carry on', async () => {
    await app().join('crisis-1');
    const replies = await app().say('crisis-1', "i cant do this anymore i want to kill myself tonight");
    const text = visibleText(replies);
    expect(text).toContain('999');
    expect(text).toMatch(/111[^\n]*mental health option/i);
    expect(text).toMatch(/Childline|Samaritans|Shout/);
    expect(text).toMatch(/let someone from our duty team know/);
    expect(buttonTitles(replies)).toContain('Carry on where we were');
    expect(raised).toHaveLength(1);
    expect(raised[0].level).toBe('crisis');
    expect(raised[0].conversationRef.conversation?.id).toBe('crisis-1');
  });

  it('never says a person was told when delivery has not succeeded', async () => {
    alerts.outcome = { state: 'trying' };
    await app().join('crisis-2');
    const text = visibleText(await app().say('crisis-2', 'my step dad hits me and i am scared to go home'));
    expect(text).toMatch(/trying to reach someone/);
    expect(text).not.toMatch(/I've let|I've told/);
  });

  it('says when someone will see it, out of hours', async () => {
    alerts.outcome = { state: 'delivered_off_duty', nextOnDuty: new Date('2026-11-24T08:30:00Z') };
    await app().join('crisis-3');
    const text = visibleText(await app().say('crisis-3', 'i have been cutting myself again'));
    expect(text).toMatch(/nobody is working right now/);
    expect(text).toMatch(/Tuesday/);
  });

  it('finds a disclosure inside a card submission too', async () => {
    await app().join('card-1');
    const replies = await app().press('card-1', { kind: 'mystar.comment', comment: 'someone online is threatening to share my nudes unless i pay' });
    expect(visibleText(replies)).toContain('999');
    expect(raised).toHaveLength(1);
  });

  it('treats the lowest step for "being safe" as a safeguarding signal', async () => {
    await app().join('card-2');
    await app().press('card-2', { kind: 'mystar.step', checkInId: 'x', area: 'being_safe', step: 1 });
    expect(raised).toHaveLength(1);
    expect(raised[0].level).toBe('safeguarding');
  });

  it('keeps the safety net after "no, I\'m fine"', async () => {
    await app().join('deny-1');
    await app().say('deny-1', 'i want to end my life');
    expect(raised).toHaveLength(1);
    const denial = visibleText(await app().say('deny-1', "no im fine jk"));
    expect(denial).toContain('999');
    expect(denial).toMatch(/keep these here/i);
    const flag = await app().app.store.getJson<{ flagged: boolean }>(
      (await import('../../bot/middleware/safety')).safetyKeys.flag(
        (await import('../../core/logging')).hashId('test:deny-1'),
      ),
    );
    expect(flag?.flagged).toBe(true);
  });

  it('does not raise alerts for everyday words', async () => {
    await app().join('calm-1');
    await app().say('calm-1', 'this homework is killing me lol');
    await app().say('calm-1', 'i killed it in fortnite last night');
    expect(raised).toHaveLength(0);
  });

  it('goes back to where they were after "carry on"', async () => {
    await app().join('resume-1');
    await app().say('resume-1', 'i want to die');
    const back = await app().press('resume-1', { kind: 'nav', intent: 'resume' });
    expect(buttonTitles(back).length).toBeGreaterThanOrEqual(2);
  });
});
