/**
 * Ids in logs and records are HMACs under ID_HASH_SECRET. Recent ids are remembered so a turn does not hash the same
 * id again and again: that memory must never hand out a hash made under another secret.
 */
import { hashId, setIdHashSecret } from '../../core/logging';

afterAll(() => setIdHashSecret('test-secret'));

it('the same id under the same secret gives the same 16-character pseudonym, never the id itself', () => {
  setIdHashSecret('secret-one');
  const a = hashId('teams:user-42');
  expect(a).toMatch(/^[0-9a-f]{16}$/);
  expect(hashId('teams:user-42')).toBe(a);
  expect(hashId('teams:user-43')).not.toBe(a);
});

it('a new secret gives new pseudonyms at once, even for ids hashed just before', () => {
  setIdHashSecret('secret-one');
  const before = hashId('teams:user-42');
  setIdHashSecret('secret-two');
  expect(hashId('teams:user-42')).not.toBe(before);
  setIdHashSecret('secret-one');
  expect(hashId('teams:user-42')).toBe(before);
});

it('many different ids all get their own pseudonym (the memory of recent ids stays bounded and correct)', () => {
  setIdHashSecret('secret-one');
  const first = hashId('web:first');
  const seen = new Set<string>();
  for (let i = 0; i < 25_000; i++) seen.add(hashId(`web:user-${i}`));
  expect(seen.size).toBe(25_000);
  expect(hashId('web:first')).toBe(first);
});
