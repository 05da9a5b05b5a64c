/**
 * A follow-up on the open alert is added without holding up the young person's reply; a restart straight after
 * must not drop it: the service finishes that work before it closes its storage.
 */
import type { FollowUpMessage } from '../../bot/middleware/safety';
import { recordingAlerts } from '../support/alerts';
import { startTestApp } from '../support/testApp';

it('a follow-up still being added when the service stops is finished first, not lost', async () => {
  const alerts = recordingAlerts();
  const added: FollowUpMessage[] = [];
  alerts.followUp = async (m) => {
    await new Promise((r) => setTimeout(r, 300)); // a slow alert store
    added.push(m);
  };
  const t = await startTestApp({ alerts });
  let closed = false;
  try {
    await t.join('restart-1');
    await t.say('restart-1', 'my uncle touches me');
    expect(alerts.raised).toHaveLength(1);
    const replies = await t.say('restart-1', 'he does it when mum is at work');
    expect(replies.length).toBeGreaterThan(0); // answered without waiting for the follow-up
    expect(added).toHaveLength(0);
    await t.close();
    closed = true;
    expect(added.map((m) => m.text)).toEqual(['he does it when mum is at work']);
  } finally {
    if (!closed) await t.close();
  }
});
