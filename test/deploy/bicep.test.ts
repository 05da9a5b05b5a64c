/**
 * deploy/main.bicep. No Bicep tool installs here (the Bicep CLI is a .NET binary; npm and Debian carry none),
 * so this is a structural check: balanced brackets outside strings and comments, resource types with API
 * versions, the pieces the issue asks for, secrets only through Key Vault, and app settings that Starling knows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../core/paths';
import { SETTINGS } from '../../core/config';

const src = readFileSync(path.join(ROOT, 'deploy', 'main.bicep'), 'utf8');

/** The source with comments removed and string contents blanked (interpolations kept). */
function code(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('//', i)) {
      while (i < s.length && s[i] !== '\n') i++;
    } else if (s.startsWith('/*', i)) {
      const end = s.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 2;
    } else if (s[i] === "'") {
      out += "'";
      i++;
      while (i < s.length && s[i] !== "'") {
        if (s[i] === '\\') i += 2;
        else if (s.startsWith('${', i)) {
          let depth = 1;
          i += 2;
          out += '(';
          while (depth && i < s.length) {
            if (s[i] === '{') depth++;
            if (s[i] === '}') depth--;
            if (depth) out += s[i];
            i++;
          }
          out += ')';
        } else i++;
      }
      if (i >= s.length) throw new Error('unclosed string');
      out += "'";
      i++;
    } else {
      out += s[i++];
    }
  }
  return out;
}

test('brackets balance outside strings and comments', () => {
  const c = code(src);
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const ch of c) {
    if ('([{'.includes(ch)) stack.push(ch);
    if (')]}'.includes(ch)) expect(stack.pop()).toBe(pairs[ch]);
  }
  expect(stack).toEqual([]);
});

const resources = [...src.matchAll(/^resource\s+(\w+)\s+'([\w./]+)@(\d{4}-\d{2}-\d{2}(?:-preview)?)'\s+(existing\s+)?=/gm)].map((m) => ({
  symbol: m[1],
  type: m[2],
  api: m[3],
}));

test('declares every resource with a type and a dated API version', () => {
  const declared = (src.match(/^resource\s/gm) ?? []).length;
  expect(resources.length).toBe(declared);
  const types = new Set(resources.map((r) => r.type));
  for (const t of [
    'Microsoft.Web/serverfarms',
    'Microsoft.Web/sites',
    'Microsoft.BotService/botServices',
    'Microsoft.BotService/botServices/channels',
    'Microsoft.Cache/redis',
    'Microsoft.KeyVault/vaults',
    'Microsoft.KeyVault/vaults/secrets',
    'Microsoft.ManagedIdentity/userAssignedIdentities',
  ]) {
    expect(types).toContain(t);
  }
});

test('the bot has the Web Chat, Direct Line and Teams channels', () => {
  const channels = [...src.matchAll(/channelName:\s*'(\w+)'/g)].map((m) => m[1]).sort();
  expect(channels).toEqual(['DirectLineChannel', 'MsTeamsChannel', 'WebChatChannel']);
  expect(src).toMatch(/endpoint:\s*'https:\/\/\$\{app\.properties\.defaultHostName\}\/api\/messages'/);
});

const settings = [...src.matchAll(/\{\s*name:\s*'(\w+)',\s*value:\s*([^}]+?)\s*\}/g)].map((m) => ({ name: m[1], value: m[2] }));

test("every app setting is one Starling knows (core/config.ts), besides App Service's own", () => {
  expect(settings.length).toBeGreaterThan(10);
  for (const s of settings) {
    if (s.name.startsWith('WEBSITES_')) continue;
    expect(Object.keys(SETTINGS)).toContain(s.name);
  }
});

test('every secret reaches the app as a Key Vault reference, never as a value', () => {
  const secretNames = Object.entries(SETTINGS)
    .filter(([, s]) => (s as { secret?: boolean }).secret)
    .map(([k]) => k);
  for (const s of settings.filter((x) => secretNames.includes(x.name) || x.name === 'REDIS_URL')) {
    expect({ name: s.name, ref: /^kvRef\(/.test(s.value) }).toEqual({ name: s.name, ref: true });
  }
  // secure parameters for the secrets Starling needs in production
  for (const p of ['idHashSecret', 'alertEncryptionKey', 'reportApiKey']) {
    expect(src).toMatch(new RegExp(`@secure\\(\\)[^\\n]*\\n(@[^\\n]*\\n)*param ${p} string`));
  }
  expect(src).not.toMatch(/MicrosoftAppPassword/);
  expect(src).toMatch(/kvRef\(vaultName string, secretName string\) string => '@Microsoft\.KeyVault\(VaultName=/);
});

test('production settings: Azure Direct Line for the web, HTTPS only, health check on /healthz', () => {
  const byName = Object.fromEntries(settings.map((s) => [s.name, s.value]));
  expect(byName.WEBCHAT_MODE).toBe("'azure'");
  expect(byName.NODE_ENV).toBe("'production'");
  expect(byName.MicrosoftAppType).toBe("'UserAssignedMSI'");
  expect(src).toMatch(/httpsOnly:\s*true/);
  expect(src).toMatch(/healthCheckPath:\s*'\/healthz'/);
  expect(src).toMatch(/enableNonSslPort:\s*false/);
  expect(src).toMatch(/enableRbacAuthorization:\s*true/);
});

test('the example parameters file names only parameters the template declares, and no secrets', () => {
  const example = JSON.parse(readFileSync(path.join(ROOT, 'deploy', 'main.parameters.example.json'), 'utf8')) as {
    parameters: Record<string, unknown>;
  };
  const declared = [...src.matchAll(/^param\s+(\w+)\s/gm)].map((m) => m[1]);
  const secure = [...src.matchAll(/@secure\(\)[^\n]*\n(?:@[^\n]*\n)*param\s+(\w+)/g)].map((m) => m[1]);
  for (const name of Object.keys(example.parameters)) {
    expect(declared).toContain(name);
    expect(secure).not.toContain(name);
  }
  // every parameter without a default is given
  const required = [...src.matchAll(/^param\s+(\w+)\s+\w+\s*$/gm)].map((m) => m[1]).filter((p) => !secure.includes(p));
  for (const p of required) expect(Object.keys(example.parameters)).toContain(p);
});
