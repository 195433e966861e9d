/**
 * The AppOnly app credential an Admin agent enters in Settings for Partner Center: a client secret,
 * or a certificate (PEM text with its private key, or a PFX file with its passphrase). What MSAL's
 * confidential client takes is a client secret, or a PEM private key with the certificate's SHA-256
 * thumbprint (`clientCertificate` in @azure/msal-node 7.2.3's Configuration.d.ts); both are derived
 * here with node:crypto. node:crypto cannot read PKCS #12, so a PFX is opened with node-forge and
 * handed on as PEM. Checked before anything is stored: the key matches the certificate, it is RSA
 * (Microsoft Entra ID signs client assertions with RSA), and the certificate is valid now. The
 * record lives only in the secret store; `statusOf` is all that ever leaves the main process.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { z } from 'zod';
import type { AppCredentialInput, AppCredentialStatus } from '../../../shared/ipc/enhanced';
import { hostError, type HostError } from '../errors';

/** The secret store's key for the Partner Center app credential. */
export const APP_CREDENTIAL_KEY = 'app-credential:partner-center';

export const storedAppCredentialSchema = z.object({
  tenantId: z.string(),
  clientId: z.string(),
  configuredAt: z.string(),
  configuredBy: z.string(),
  credential: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('secret'), secret: z.string().min(1) }),
    z.object({
      kind: z.literal('certificate'),
      /** PKCS #8 PEM, unencrypted: the secret store itself is encrypted. */
      privateKey: z.string().min(1),
      certificate: z.string().min(1),
      thumbprintSha256: z.string().regex(/^[0-9A-F]{64}$/),
      thumbprint: z.string().regex(/^[0-9A-F]{40}$/),
      notBefore: z.string(),
      notAfter: z.string(),
    }),
  ]),
});
export type StoredAppCredential = z.infer<typeof storedAppCredentialSchema>;
export type StoredCertificate = Extract<StoredAppCredential['credential'], { kind: 'certificate' }>;

const refuse = (reason: string, message: string): HostError => hostError('rule', message, { reason });

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const PRIVATE_KEY_BLOCK = /-----BEGIN (ENCRYPTED |RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END \1PRIVATE KEY-----/;

function privateKeyOf(pem: string, passphrase: string | undefined): KeyObject {
  const block = PRIVATE_KEY_BLOCK.exec(pem)?.[0];
  if (!block) throw refuse('private-key-missing', 'The PEM text holds no private key: include the certificate and its private key.');
  try {
    return createPrivateKey({ key: block, format: 'pem', ...(passphrase ? { passphrase } : {}) });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'ERR_MISSING_PASSPHRASE' || (!passphrase && /ENCRYPTED/.test(block)))
      throw refuse('passphrase-required', 'The private key is protected by a passphrase: enter it.');
    throw refuse('wrong-passphrase', 'The private key could not be opened: check the passphrase.');
  }
}

function hex(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toUpperCase();
}

/** A certificate credential from PEM text holding the certificate (and possibly its chain) and the private key. */
export function certificateFromPem(pem: string, passphrase: string | undefined, now: Date): StoredCertificate {
  const key = privateKeyOf(pem, passphrase);
  if (key.asymmetricKeyType !== 'rsa')
    throw refuse('not-rsa', 'Microsoft Entra ID takes RSA certificates for app credentials; this key is not RSA.');
  const blocks = pem.match(CERTIFICATE_BLOCK) ?? [];
  if (blocks.length === 0)
    throw refuse('certificate-missing', 'The PEM text holds no certificate: include the certificate and its private key.');
  let certificate: X509Certificate | undefined;
  for (const block of blocks) {
    try {
      const candidate = new X509Certificate(block);
      if (candidate.checkPrivateKey(key)) {
        certificate = candidate;
        break;
      }
    } catch {
      // not a readable certificate: try the next block
    }
  }
  if (!certificate) throw refuse('key-does-not-match', 'The private key does not belong to the certificate.');
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (notAfter.getTime() <= now.getTime())
    throw refuse(
      'certificate-expired',
      `The certificate expired on ${notAfter.toISOString().slice(0, 10)}: create a new one and upload it to the app registration.`,
    );
  if (notBefore.getTime() > now.getTime())
    throw refuse('certificate-not-yet-valid', `The certificate is valid only from ${notBefore.toISOString().slice(0, 10)}.`);
  return {
    kind: 'certificate',
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificate: certificate.toString(),
    thumbprintSha256: hex(certificate.fingerprint256),
    thumbprint: hex(certificate.fingerprint),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
  };
}

/** A certificate credential from a PFX (PKCS #12) file and its passphrase. */
export function certificateFromPfx(pfx: Buffer, passphrase: string, now: Date): StoredCertificate {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(pfx.toString('binary'))), passphrase);
  } catch (error) {
    if (/password/i.test(error instanceof Error ? error.message : ''))
      throw refuse('wrong-passphrase', 'The PFX file could not be opened: check the passphrase.');
    throw refuse('not-a-pfx', 'The file is not a PFX (PKCS #12) certificate file.');
  }
  const bagsOf = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const keys = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bagsOf(forge.pki.oids.keyBag!)];
  const certificates = bagsOf(forge.pki.oids.certBag!);
  if (keys.length === 0)
    throw refuse('private-key-missing', 'The PFX file holds no private key: export the certificate with its private key.');
  if (certificates.length === 0) throw refuse('certificate-missing', 'The PFX file holds no certificate.');
  // node-forge reads RSA keys and certificates only (anything else has no `key` / `cert`): Entra ID wants RSA anyway.
  const key = keys.find((bag) => bag.key)?.key;
  if (!key) throw refuse('not-rsa', 'Microsoft Entra ID takes RSA certificates for app credentials; this key is not RSA.');
  const pems = certificates.flatMap((bag) => (bag.cert ? [forge.pki.certificateToPem(bag.cert)] : []));
  if (pems.length === 0)
    throw refuse('not-rsa', 'Microsoft Entra ID takes RSA certificates for app credentials; this certificate is not RSA.');
  return certificateFromPem(`${forge.pki.privateKeyToPem(key as forge.pki.rsa.PrivateKey)}\n${pems.join('\n')}`, undefined, now);
}

/** The record to store for what the Admin agent entered, or a `rule` error naming what is wrong (nothing is stored then). */
export function prepareAppCredential(
  input: { tenantId: string; clientId: string; credential: AppCredentialInput },
  context: { now: Date; configuredBy: string },
): StoredAppCredential {
  const credential =
    input.credential.kind === 'secret'
      ? { kind: 'secret' as const, secret: input.credential.secret }
      : input.credential.kind === 'pem'
        ? certificateFromPem(input.credential.pem, input.credential.passphrase, context.now)
        : certificateFromPfx(Buffer.from(input.credential.pfxBase64, 'base64'), input.credential.passphrase, context.now);
  return {
    tenantId: input.tenantId.toLowerCase(),
    clientId: input.clientId.toLowerCase(),
    configuredAt: context.now.toISOString(),
    configuredBy: context.configuredBy,
    credential,
  };
}

/** What Settings may show about a stored credential: never the secret or the key. */
export function describeStored(
  stored: StoredAppCredential,
  now: Date,
): Pick<AppCredentialStatus, 'tenantId' | 'clientId' | 'kind' | 'thumbprint' | 'expiresAt' | 'expired' | 'configuredAt' | 'configuredBy'> {
  const certificate = stored.credential.kind === 'certificate' ? stored.credential : undefined;
  return {
    tenantId: stored.tenantId,
    clientId: stored.clientId,
    kind: stored.credential.kind,
    configuredAt: stored.configuredAt,
    configuredBy: stored.configuredBy,
    ...(certificate
      ? { thumbprint: certificate.thumbprint, expiresAt: certificate.notAfter, expired: Date.parse(certificate.notAfter) <= now.getTime() }
      : {}),
  };
}
