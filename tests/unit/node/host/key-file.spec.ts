// @vitest-environment node
/**
 * The AES key file is written whole or not at all (a user-only temporary file, flushed, then linked
 * into place): first runs at the same time agree on one key, nothing is left behind, and a short key
 * (an interrupted write of an older build) is refused with what to do, never used.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AesGcmKeyFileCipher } from '../../../../electron/host/secrets/aes-gcm';

describe('the AES key file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mca-key-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('first runs at the same time agree on one 32-byte key, user-only, with no temporary file left', async () => {
    const keyFile = join(dir, 'secret.key');
    const ciphers = await Promise.all(Array.from({ length: 8 }, () => AesGcmKeyFileCipher.open(keyFile)));
    const sealed = await ciphers[0]!.encrypt('one key for all');
    for (const cipher of ciphers) expect((await cipher.decrypt(sealed)).plain).toBe('one key for all');
    expect(await readdir(dir)).toEqual(['secret.key']);
    const info = await stat(keyFile);
    expect(info.size).toBe(32);
    if (process.platform !== 'win32') expect(info.mode & 0o777).toBe(0o600);
  });

  it('refuses a short key with what to do, and does not replace it (secrets may depend on it)', async () => {
    const keyFile = join(dir, 'secret.key');
    await writeFile(keyFile, Buffer.alloc(7, 1));
    await expect(AesGcmKeyFileCipher.open(keyFile)).rejects.toThrow(/is not a 32-byte key\. Remove it and the secrets file beside it/);
    expect((await stat(keyFile)).size).toBe(7);
  });

  it('reports itself as what it is: a key file beside the data, not protected by the operating system', async () => {
    const cipher = await AesGcmKeyFileCipher.open(join(dir, 'secret.key'));
    expect(cipher.protection).toMatchObject({
      backend: 'aes-256-gcm-keyfile',
      secure: false,
      kind: 'key-file',
      warning: expect.stringContaining(join(dir, 'secret.key')),
    });
  });
});
