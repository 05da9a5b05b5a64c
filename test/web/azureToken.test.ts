/** WEBCHAT_MODE=azure: the Direct Line secret is exchanged on the server and never reaches the page. */
import http from 'node:http';
import nock from 'nock';
import { startTestServer, type TestServer } from './support';

const SECRET = 'azure-direct-line-secret-should-stay-on-the-server';
let s: TestServer;

beforeAll(() => nock.disableNetConnect());
beforeEach(async () => {
  nock.enableNetConnect(/127\.0\.0\.1/);
  s = await startTestServer({ WEBCHAT_MODE: 'azure', DIRECT_LINE_SECRET: SECRET, CONVERSATIONS_PER_MINUTE_PER_IP: '2' });
});
afterEach(async () => {
  nock.cleanAll();
  await s.close();
});
afterAll(() => {
  nock.enableNetConnect();
  // Jest reuses worker processes: leave node's http unpatched for the next test file.
  nock.restore();
});

/** nock 15.0.0 cannot pass a fetch() POST with a body through, so local calls use node:http. */
function post(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${s.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

test('the page gets a conversation token; the secret is only sent to Direct Line', async () => {
  let sentUser: string | undefined;
  const scope = nock('https://directline.botframework.com', { reqheaders: { authorization: `Bearer ${SECRET}` } })
    .post('/v3/directline/tokens/generate', (body: { user?: { id?: string } }) => {
      sentUser = body.user?.id;
      return true;
    })
    .reply(200, { conversationId: 'conv-from-azure', token: 'token-for-one-conversation', expires_in: 3600 });

  const res = await post('/api/webchat/token');
  expect(res.status).toBe(200);
  const json = JSON.parse(res.body) as Record<string, unknown>;
  expect(json).toMatchObject({ mode: 'azure', conversationId: 'conv-from-azure', token: 'token-for-one-conversation', expires_in: 3600 });
  expect(res.body).not.toContain(SECRET);
  // The token is bound to a user id Starling chose (so the page cannot speak as someone else).
  expect(sentUser).toMatch(/^dl_/);
  expect(json.userId).toBe(sentUser);
  expect(scope.isDone()).toBe(true);
});

test('when Direct Line refuses, the page gets 502 and no secret', async () => {
  nock('https://directline.botframework.com').post('/v3/directline/tokens/generate').reply(403, { error: { message: `bad secret ${SECRET}` } });
  const res = await post('/api/webchat/token');
  expect(res.status).toBe(502);
  expect(res.body).not.toContain(SECRET);
});

test('in azure mode the built-in Direct Line is not served', async () => {
  const res = await post('/v3/directline/conversations');
  expect([404, 405]).toContain(res.status);
});

test('token requests are rate-limited per address', async () => {
  nock('https://directline.botframework.com')
    .post('/v3/directline/tokens/generate')
    .times(2)
    .reply(200, { conversationId: 'c', token: 't', expires_in: 3600 });
  expect((await post('/api/webchat/token')).status).toBe(200);
  expect((await post('/api/webchat/token')).status).toBe(200);
  expect((await post('/api/webchat/token')).status).toBe(429);
});
