// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EncryptedFileSecretStore } from '../../../../electron/host/secrets/store';
import { AesGcmKeyFileCipher } from '../../../../electron/host/secrets/aes-gcm';
import {
  BASIC_TEXT_WARNING,
  SafeStorageCipher,
  SafeStorageUnavailableError,
  type SafeStorageLike,
} from '../../../../electron/host/secrets/safe-storage';

const SECRETS = {
  'session:sandbox': JSON.stringify({ token: 'eyJhbGciOiJIUzI1NiJ9.sandbox-bearer-token-value', user: 'admin@contoso.example' }),
  'msal-cache': JSON.stringify({ RefreshToken: { x: { secret: '0.ARrefresh-token-secret-value' } } }),
  'credentials:0f8fad5b-d9cb-469f-a165-70867728950e': JSON.stringify({
    userName: 'admin@newco.onmicrosoft.com',
    password: 'Temp-Passw0rd!-xyz',
  }),
};
const NEEDLES = [
  'sandbox-bearer-token-value',
  'refresh-token-secret-value',
  'Temp-Passw0rd!-xyz',
  'admin@newco.onmicrosoft.com',
  'credentials:',
  'msal-cache',
];

async function everyFileUnder(dir: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ path, bytes: await readFile(path) });
  }
  return files;
}

function expectNoPlaintext(files: Array<{ path: string; bytes: Buffer }>) {
  for (const { path, bytes } of files)
    for (const needle of NEEDLES) {
      for (const encoding of ['utf8', 'utf16le', 'base64', 'hex'] as const) {
        const text = encoding === 'utf8' || encoding === 'utf16le' ? bytes.toString(encoding) : bytes.toString('utf8');
        const probe =
          encoding === 'base64'
            ? Buffer.from(needle).toString('base64').slice(0, 16)
            : encoding === 'hex'
              ? Buffer.from(needle).toString('hex')
              : needle;
        expect(text.includes(probe), `${needle} (${encoding}) found in ${path}`).toBe(false);
      }
    }
}

describe('the secret store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mca-secrets-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps nothing in plaintext on disk with the AES-256-GCM key-file cipher, and reads it back after a restart', async () => {
    const store = new EncryptedFileSecretStore(join(dir, 'secrets.json'), await AesGcmKeyFileCipher.open(join(dir, 'secret.key')));
    await Promise.all(Object.entries(SECRETS).map(([key, value]) => store.set(key, value)));
    const files = await everyFileUnder(dir);
    expect(files.map((file) => file.path.slice(dir.length + 1)).sort()).toEqual(['secret.key', 'secrets.json']);
    expectNoPlaintext(files);

    const reopened = new EncryptedFileSecretStore(join(dir, 'secrets.json'), await AesGcmKeyFileCipher.open(join(dir, 'secret.key')));
    for (const [key, value] of Object.entries(SECRETS)) expect(await reopened.get(key)).toBe(value);
    expect((await reopened.keys('credentials:')).length).toBe(1);
    await reopened.delete('msal-cache');
    expect(await reopened.get('msal-cache')).toBeUndefined();
    for (const key of Object.keys(SECRETS)) await reopened.delete(key);
    expect((await everyFileUnder(dir)).map((file) => file.path.slice(dir.length + 1))).toEqual(['secret.key']);
  });

  it.skipIf(process.platform === 'win32')(
    'creates the key and the store readable by the user only, and tightens a loose key file',
    async () => {
      const store = new EncryptedFileSecretStore(join(dir, 'secrets.json'), await AesGcmKeyFileCipher.open(join(dir, 'secret.key')));
      await store.set('a', 'b');
      expect((await stat(join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
      await chmod(join(dir, 'secret.key'), 0o644);
      await AesGcmKeyFileCipher.open(join(dir, 'secret.key'));
      expect((await stat(join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
    },
  );

  it('refuses a tampered file and a file written by another key', async () => {
    const file = join(dir, 'secrets.json');
    const store = new EncryptedFileSecretStore(file, await AesGcmKeyFileCipher.open(join(dir, 'secret.key')));
    await store.set('token', 'value');
    const envelope = JSON.parse(await readFile(file, 'utf8'));
    const data = Buffer.from(envelope.data, 'base64');
    data[data.length - 1]! ^= 0xff;
    await writeFile(file, JSON.stringify({ ...envelope, data: data.toString('base64') }));
    await expect(
      new EncryptedFileSecretStore(file, await AesGcmKeyFileCipher.open(join(dir, 'secret.key'))).get('token'),
    ).rejects.toThrow();
    await expect(new EncryptedFileSecretStore(file, AesGcmKeyFileCipher.fromKey(Buffer.alloc(32, 7))).get('token')).rejects.toThrow();
  });

  it('does not lose writes made at the same time', async () => {
    const store = new EncryptedFileSecretStore(join(dir, 'secrets.json'), await AesGcmKeyFileCipher.open(join(dir, 'secret.key')));
    await Promise.all(Array.from({ length: 40 }, (_, index) => store.set(`k${index}`, `v${index}`)));
    const reopened = new EncryptedFileSecretStore(join(dir, 'secrets.json'), await AesGcmKeyFileCipher.open(join(dir, 'secret.key')));
    expect((await reopened.keys()).length).toBe(40);
  });
});

/** A stand-in for Electron's safeStorage: reversible, but never the plaintext. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike & { rotated: boolean } {
  const mask = (buffer: Buffer) => Buffer.from(buffer.map((byte) => byte ^ 0x5a));
  return {
    rotated: false,
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (plain) => Buffer.concat([Buffer.from('v10'), mask(Buffer.from(plain, 'utf8'))]),
    async decryptStringAsync(encrypted) {
      return { result: mask(encrypted.subarray(3)).toString('utf8'), shouldReEncrypt: this.rotated };
    },
    getSelectedStorageBackend: () => backend,
  };
}

describe('the safeStorage cipher (Electron, async API)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mca-safe-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('encrypts through safeStorage and keeps nothing in plaintext', async () => {
    const cipher = await SafeStorageCipher.open(fakeSafeStorage('gnome_libsecret'), { platform: 'linux' });
    expect(cipher.protection).toEqual({ backend: 'safeStorage:gnome_libsecret', secure: true, kind: 'os-keyring' });
    const store = new EncryptedFileSecretStore(join(dir, 'secrets.json'), cipher);
    for (const [key, value] of Object.entries(SECRETS)) await store.set(key, value);
    expectNoPlaintext(await everyFileUnder(dir));
    const reopened = new EncryptedFileSecretStore(
      join(dir, 'secrets.json'),
      await SafeStorageCipher.open(fakeSafeStorage('gnome_libsecret'), { platform: 'linux' }),
    );
    expect(await reopened.get('msal-cache')).toBe(SECRETS['msal-cache']);
  });

  it('refuses the Linux basic_text backend loudly, and encryption that is not available', async () => {
    const refused = await SafeStorageCipher.open(fakeSafeStorage('basic_text'), { platform: 'linux' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SafeStorageUnavailableError);
    expect((refused as SafeStorageUnavailableError).backend).toBe('basic_text');
    expect((refused as Error).message).toBe(BASIC_TEXT_WARNING);
    await expect(SafeStorageCipher.open(fakeSafeStorage('kwallet5', false), { platform: 'linux' })).rejects.toBeInstanceOf(
      SafeStorageUnavailableError,
    );
    const allowed = await SafeStorageCipher.open(fakeSafeStorage('basic_text'), { platform: 'linux', allowBasicText: true });
    expect(allowed.protection.secure).toBe(false);
    expect((await SafeStorageCipher.open(fakeSafeStorage('basic_text'), { platform: 'darwin' })).protection).toEqual({
      backend: 'safeStorage:keychain',
      secure: true,
      kind: 'os-keyring',
    });
  });

  it('re-encrypts when safeStorage says the key was rotated', async () => {
    const safe = fakeSafeStorage('kwallet6');
    let encryptions = 0;
    const encrypt = safe.encryptStringAsync;
    safe.encryptStringAsync = (plain) => {
      encryptions += 1;
      return encrypt(plain);
    };
    const store = new EncryptedFileSecretStore(join(dir, 'secrets.json'), await SafeStorageCipher.open(safe, { platform: 'linux' }));
    await store.set('a', 'b');
    expect(encryptions).toBe(1);
    safe.rotated = true;
    const reopened = new EncryptedFileSecretStore(join(dir, 'secrets.json'), await SafeStorageCipher.open(safe, { platform: 'linux' }));
    expect(await reopened.get('a')).toBe('b');
    expect(encryptions).toBe(2);
  });
});
