/**
 * AES-256-GCM for alert text at rest. Key: ALERT_ENCRYPTION_KEY (32 bytes, base64). Without one
 * (development and tests only; config.ts refuses production without it) an ephemeral key is made and
 * the start-up log says so: text encrypted with it cannot be read after a restart.
 *
 * Blob format: "v1.<iv base64>.<tag base64>.<ciphertext base64>" (12-byte random IV per message).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Cipher {
  encrypt(plain: string): string;
  decrypt(blob: string): string;
  readonly ephemeral: boolean;
}

export function createCipher(keyBase64: string | undefined): Cipher {
  const ephemeral = !keyBase64;
  const key = keyBase64 ? Buffer.from(keyBase64, 'base64') : randomBytes(32);
  if (key.length !== 32) throw new Error('ALERT_ENCRYPTION_KEY must be 32 random bytes written as base64');
  return {
    ephemeral,
    encrypt(plain: string): string {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv.toString('base64'), c.getAuthTag().toString('base64'), ct.toString('base64')].join('.');
    },
    decrypt(blob: string): string {
      const [v, iv, tag, ct] = blob.split('.');
      if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not an alert text blob');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64')), d.final()]).toString('utf8');
    },
  };
}
