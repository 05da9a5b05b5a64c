/** The built-in Direct Line v3 endpoint, as Web Chat and botframework-directlinejs use it. */
import { startTestServer, waitFor, WELCOME, type TestServer } from './support';

interface Activity {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  channelData?: { clientActivityID?: string };
  attachments?: unknown[];
}

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer({ CONVERSATIONS_PER_MINUTE_PER_IP: '5', ALLOWED_ORIGINS: 'https://school.example.sch.uk' });
});
afterEach(async () => s.close());

const call = (path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(`${s.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token !== undefined ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });

async function start(): Promise<{ conversationId: string; token: string; expires_in: number }> {
  const tokenRes = await call('/api/webchat/token', { method: 'POST', body: {} });
  expect(tokenRes.status).toBe(200);
  const t = (await tokenRes.json()) as { token: string; conversationId: string; mode: string };
  expect(t.mode).toBe('builtin');
  const res = await call('/v3/directline/conversations', { method: 'POST', token: t.token });
  expect(res.status).toBe(201);
  return (await res.json()) as { conversationId: string; token: string; expires_in: number };
}

async function activities(conversationId: string, token: string, watermark = '') {
  const res = await call(`/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities?watermark=${watermark}`, { token });
  return { status: res.status, body: (await res.json()) as { activities: Activity[]; watermark: string } };
}

test('a new conversation gets the bot welcome in its activity stream', async () => {
  const c = await start();
  expect(c.expires_in).toBeGreaterThan(0);
  const welcome = await waitFor(async () => {
    const { body } = await activities(c.conversationId, c.token);
    return body.activities.find((a) => a.text === WELCOME);
  });
  expect(welcome.from.role).toBe('bot');
  expect(welcome.id).toBeTruthy();
});

test("the user's message comes back with an id and its clientActivityID, then the bot replies", async () => {
  const c = await start();
  const sent = await call(`/v3/directline/conversations/${c.conversationId}/activities`, {
    method: 'POST',
    token: c.token,
    body: { type: 'message', text: 'hello there', from: { id: 'someone-else', role: 'user' }, channelData: { clientActivityID: 'abc123' } },
  });
  expect(sent.status).toBe(200);
  const { id } = (await sent.json()) as { id: string };
  expect(id).toBeTruthy();
  const reply = await waitFor(async () => (await activities(c.conversationId, c.token)).body.activities.find((a) => a.text === 'You said: hello there'));
  expect(reply.from.role).toBe('bot');
  const { body } = await activities(c.conversationId, c.token);
  const mine = body.activities.find((a) => a.id === id)!;
  expect(mine.channelData?.clientActivityID).toBe('abc123');
  expect(mine.from.role).toBe('user');
  // The page cannot choose who it speaks as.
  expect(mine.from.id).not.toBe('someone-else');
  expect(mine.from.id).toMatch(/^dl_/);
  // The watermark moves on: asking from it gives nothing already seen.
  const later = await activities(c.conversationId, c.token, body.watermark);
  expect(later.body.activities.map((a) => a.id)).not.toContain(id);
});

test("a token for one conversation can neither read nor post in another", async () => {
  const a = await start();
  const b = await start();
  await waitFor(async () => (await activities(b.conversationId, b.token)).body.activities[0]);
  const read = await activities(b.conversationId, a.token);
  expect(read.status).toBe(403);
  expect(JSON.stringify(read.body)).not.toContain(WELCOME);
  const post = await call(`/v3/directline/conversations/${b.conversationId}/activities`, {
    method: 'POST',
    token: a.token,
    body: { type: 'message', text: 'sneaky' },
  });
  expect(post.status).toBe(403);
  const reconnect = await call(`/v3/directline/conversations/${b.conversationId}`, { token: a.token });
  expect(reconnect.status).toBe(403);
  // b's stream holds nothing from a
  const { body } = await activities(b.conversationId, b.token);
  expect(body.activities.some((x) => x.text === 'sneaky')).toBe(false);
});

test('a forged or missing token gets a bare 403', async () => {
  const c = await start();
  for (const token of ['forged-token', '', c.token + 'x']) {
    const res = await call(`/v3/directline/conversations/${c.conversationId}/activities`, { token });
    expect(res.status).toBe(403);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['error']);
  }
  expect((await call('/v3/directline/conversations', { method: 'POST', token: 'forged' })).status).toBe(403);
  expect((await call('/v3/directline/tokens/refresh', { method: 'POST', token: 'forged' })).status).toBe(403);
});

test('an expired token gets 403; a refreshed one works', async () => {
  const c = await start();
  const refreshed = await call('/v3/directline/tokens/refresh', { method: 'POST', token: c.token });
  expect(refreshed.status).toBe(200);
  const r = (await refreshed.json()) as { token: string; conversationId: string };
  expect(r.conversationId).toBe(c.conversationId);
  expect(r.token).not.toBe(c.token);

  s.clock.now += (s.config.DIRECT_LINE_TOKEN_TTL_SECONDS + 1) * 1000;
  const expired = await activities(c.conversationId, c.token);
  expect(expired.status).toBe(403);
  expect(expired.body.activities).toBeUndefined();
  expect((await activities(c.conversationId, r.token)).status).toBe(403);
});

test('a token from POST /api/webchat/token is good for its conversation only once started', async () => {
  const res = await call('/api/webchat/token', { method: 'POST', body: {} });
  const t = (await res.json()) as { token: string; conversationId: string; userId: string; expires_in: number };
  expect(t.expires_in).toBe(s.config.DIRECT_LINE_TOKEN_TTL_SECONDS);
  expect(t.userId).toMatch(/^dl_/);
  const started = await call('/v3/directline/conversations', { method: 'POST', token: t.token });
  expect(((await started.json()) as { conversationId: string }).conversationId).toBe(t.conversationId);
});

test('a flood of conversation creations from one address is refused with 429', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    const res = await call(i % 2 ? '/v3/directline/conversations' : '/api/webchat/token', { method: 'POST', body: {} });
    statuses.push(res.status);
    if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  expect(statuses.slice(0, 5).every((x) => x === 200 || x === 201)).toBe(true);
  expect(statuses.slice(5)).toEqual([429, 429]);
  // A minute later the address may start again.
  s.clock.now += 61_000;
  expect((await call('/api/webchat/token', { method: 'POST', body: {} })).status).toBe(200);
});

test('CORS: listed and own origins are allowed, any other origin is refused', async () => {
  const school = 'https://school.example.sch.uk';
  const pre = await call('/v3/directline/conversations', {
    method: 'OPTIONS',
    headers: { Origin: school, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
  });
  expect(pre.status).toBe(204);
  expect(pre.headers.get('access-control-allow-origin')).toBe(school);
  expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);

  const ok = await call('/api/webchat/token', { method: 'POST', body: {}, headers: { Origin: school } });
  expect(ok.status).toBe(200);
  expect(ok.headers.get('access-control-allow-origin')).toBe(school);

  const own = await call('/api/help-routes', { headers: { Origin: s.url } });
  expect(own.status).toBe(200);

  const evil = 'https://evil.example.com';
  const refusedPre = await call('/v3/directline/conversations', { method: 'OPTIONS', headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' } });
  expect(refusedPre.status).toBe(403);
  expect(refusedPre.headers.get('access-control-allow-origin')).toBeNull();
  const refused = await call('/api/webchat/token', { method: 'POST', body: {}, headers: { Origin: evil } });
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { token?: string }).token).toBeUndefined();
});

test('nobody but the adapter can post into a conversation through the connector routes', async () => {
  const c = await start();
  const res = await fetch(`${s.url}/v3/directline/connector/v3/conversations/${c.conversationId}/activities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer guessed', 'X-Forwarded-For': '203.0.113.9' },
    body: JSON.stringify({ type: 'message', text: 'I am the bot, honest' }),
  });
  expect(res.status).toBe(401);
  const { body } = await activities(c.conversationId, c.token);
  expect(body.activities.some((a) => a.text === 'I am the bot, honest')).toBe(false);
});

test('messages that are too long or not messages are refused', async () => {
  const c = await start();
  const long = await call(`/v3/directline/conversations/${c.conversationId}/activities`, {
    method: 'POST',
    token: c.token,
    body: { type: 'message', text: 'x'.repeat(s.config.MAX_MESSAGE_CHARS + 1) },
  });
  expect(long.status).toBe(413);
  const odd = await call(`/v3/directline/conversations/${c.conversationId}/activities`, {
    method: 'POST',
    token: c.token,
    body: { type: 'invoke', name: 'x' },
  });
  expect(odd.status).toBe(400);
});

test('a proactive message from the adapter (a reminder) reaches the conversation over loopback', async () => {
  const c = await start();
  await s.adapter.continueConversationAsync(
    '',
    {
      channelId: 'webchat',
      serviceUrl: `${s.url}/v3/directline/connector`,
      conversation: { id: c.conversationId, isGroup: false, conversationType: '', name: '' },
      bot: { id: 'starling', name: 'Starling' },
      user: { id: 'dl_x', name: '' },
    },
    async (ctx) => {
      await ctx.sendActivity('A gentle reminder');
    },
  );
  const got = await waitFor(async () => (await activities(c.conversationId, c.token)).body.activities.find((a) => a.text === 'A gentle reminder'));
  expect(got.from.role).toBe('bot');
});
