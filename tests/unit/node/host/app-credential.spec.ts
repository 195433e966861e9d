// @vitest-environment node
/**
 * The AppOnly app credential an Admin agent enters: what MSAL's confidential client needs (a PKCS #8
 * private key and the SHA-256 thumbprint, or a secret) derived from a PEM text or a PFX file, and every
 * bad credential refused with a reason before anything is stored.
 */
import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeStored, prepareAppCredential } from '../../../../electron/host/auth/app-credential';
import { HostError } from '../../../../electron/host/errors';
import { appCredentialInputSchema } from '../../../../shared/ipc/enhanced';
import { makeCertificate, OPENSSL_PFX_BASE64, OPENSSL_PFX_PASSPHRASE, OPENSSL_PFX_THUMBPRINT } from '../helpers/test-certificates';

const TENANT = '3B33E682-00C3-41EE-9DD2-A548ADF56438';
const CLIENT = 'a5b2e6f3-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const now = new Date();
const context = { now, configuredBy: 'admin@contoso.example' };
const prepare = (credential: unknown) =>
  prepareAppCredential({ tenantId: TENANT, clientId: CLIENT, credential: appCredentialInputSchema.parse(credential) }, context);

function refusal(work: () => unknown): { code: string; reason?: string; message: string } {
  try {
    work();
  } catch (error) {
    if (error instanceof HostError) return { code: error.code, reason: error.detail.reason, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('preparing the app credential', () => {
  const certificate = makeCertificate();
  const x509 = new X509Certificate(certificate.certificatePem);

  it('takes a PEM text with the certificate and its key: the PKCS #8 key, the SHA-256 and SHA-1 thumbprints, the validity', () => {
    const stored = prepare({ kind: 'pem', pem: `${certificate.certificatePem}\n${certificate.keyPem}` });
    expect(stored).toMatchObject({
      tenantId: TENANT.toLowerCase(),
      clientId: CLIENT,
      configuredBy: 'admin@contoso.example',
      configuredAt: now.toISOString(),
    });
    if (stored.credential.kind !== 'certificate') throw new Error('expected a certificate');
    expect(stored.credential.thumbprintSha256).toBe(x509.fingerprint256.replace(/:/g, ''));
    expect(stored.credential.thumbprint).toBe(x509.fingerprint.replace(/:/g, ''));
    expect(stored.credential.notAfter).toBe(new Date(x509.validTo).toISOString());
    expect(stored.credential.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(createPrivateKey(stored.credential.privateKey).asymmetricKeyType).toBe('rsa');
    // What Settings may show: configured, thumbprint, expiry; never the key.
    const shown = describeStored(stored, now);
    expect(shown).toEqual({
      tenantId: TENANT.toLowerCase(),
      clientId: CLIENT,
      kind: 'certificate',
      thumbprint: stored.credential.thumbprint,
      expiresAt: stored.credential.notAfter,
      expired: false,
      configuredAt: now.toISOString(),
      configuredBy: 'admin@contoso.example',
    });
  });

  it('opens an encrypted private key with its passphrase, and names what is wrong otherwise', () => {
    const pem = `${certificate.encryptedKeyPem('correct horse')}\n${certificate.certificatePem}`;
    expect(prepare({ kind: 'pem', pem, passphrase: 'correct horse' }).credential.kind).toBe('certificate');
    expect(refusal(() => prepare({ kind: 'pem', pem }))).toMatchObject({ code: 'rule', reason: 'passphrase-required' });
    expect(refusal(() => prepare({ kind: 'pem', pem, passphrase: 'wrong' }))).toMatchObject({ code: 'rule', reason: 'wrong-passphrase' });
  });

  it('opens a PFX file with its passphrase: one made by OpenSSL 3 with its defaults, and one by node-forge', () => {
    const openssl = prepare({ kind: 'pfx', pfxBase64: OPENSSL_PFX_BASE64, passphrase: OPENSSL_PFX_PASSPHRASE });
    expect(openssl.credential).toMatchObject({ kind: 'certificate', thumbprint: OPENSSL_PFX_THUMBPRINT });
    const forged = prepare({ kind: 'pfx', pfxBase64: certificate.pfxBase64('pfx pass'), passphrase: 'pfx pass' });
    expect(forged.credential).toMatchObject({ kind: 'certificate', thumbprint: x509.fingerprint.replace(/:/g, '') });
    expect(refusal(() => prepare({ kind: 'pfx', pfxBase64: OPENSSL_PFX_BASE64, passphrase: 'nope' }))).toMatchObject({
      reason: 'wrong-passphrase',
      message: expect.stringContaining('passphrase'),
    });
    expect(
      refusal(() => prepare({ kind: 'pfx', pfxBase64: Buffer.from('not a pfx at all').toString('base64'), passphrase: 'x' })),
    ).toMatchObject({ reason: 'not-a-pfx' });
  });

  it('refuses a key of another certificate, an expired or future certificate, a non-RSA key and a text without a key or certificate', () => {
    const other = makeCertificate();
    expect(refusal(() => prepare({ kind: 'pem', pem: `${certificate.certificatePem}${other.keyPem}` }))).toMatchObject({
      reason: 'key-does-not-match',
    });
    const expired = makeCertificate({ notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    expect(refusal(() => prepare({ kind: 'pem', pem: `${expired.certificatePem}${expired.keyPem}` }))).toMatchObject({
      reason: 'certificate-expired',
      message: expect.stringContaining('expired on'),
    });
    const future = makeCertificate({ notBefore: new Date(Date.now() + 10 * 86_400_000), notAfter: new Date(Date.now() + 20 * 86_400_000) });
    expect(refusal(() => prepare({ kind: 'pem', pem: `${future.certificatePem}${future.keyPem}` }))).toMatchObject({
      reason: 'certificate-not-yet-valid',
    });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(refusal(() => prepare({ kind: 'pem', pem: `${certificate.certificatePem}${ec}` }))).toMatchObject({ reason: 'not-rsa' });
    expect(refusal(() => prepare({ kind: 'pem', pem: certificate.certificatePem }))).toMatchObject({ reason: 'private-key-missing' });
    expect(refusal(() => prepare({ kind: 'pem', pem: certificate.keyPem }))).toMatchObject({ reason: 'certificate-missing' });
  });

  it('keeps a client secret as it is, and the schema refuses what cannot be a credential', () => {
    expect(prepare({ kind: 'secret', secret: 's3cr3t~value' }).credential).toEqual({ kind: 'secret', secret: 's3cr3t~value' });
    expect(describeStored(prepare({ kind: 'secret', secret: 's3cr3t~value' }), now)).not.toHaveProperty('thumbprint');
    for (const bad of [
      { kind: 'secret', secret: '' },
      { kind: 'pfx', pfxBase64: 'not base64!', passphrase: '' },
      { kind: 'pem', pem: 'x'.repeat(70_000) },
      { kind: 'token', value: 'x' },
    ])
      expect(appCredentialInputSchema.safeParse(bad).success).toBe(false);
  });
});
