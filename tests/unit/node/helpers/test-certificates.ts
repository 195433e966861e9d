/**
 * Certificates for the app-credential tests, made here (node:crypto keys, node-forge certificates
 * and PFX files), plus one PFX written by OpenSSL 3.0 with its defaults (PBES2, PBKDF2, AES-256-CBC,
 * a SHA-256 MAC), as `openssl pkcs12 -export` makes them today. All test-only: no real credential.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** `openssl pkcs12 -export -passout pass:test-only-passphrase` of a self-signed RSA 2048 certificate valid until 2126. */
export const OPENSSL_PFX_BASE64 =
  'MIIKHwIBAzCCCdUGCSqGSIb3DQEHAaCCCcYEggnCMIIJvjCCBDIGCSqGSIb3DQEHBqCCBCMwggQfAgEAMIIEGAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAiRw7tACYASwAICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEJ0bbUFmw0q1KTVD0zqPb0eAggOwZpFydkVMIpwNiBd706Ud4tXRNiNu5E6dGpw+LNobCKj/7QJxDX4wQu6cr/I/uQrMP3Zz3sILctJAFACuSF9OGdvuS4mLcHPCvHP/zKFzKcYsrtT1Yg1lUl4adBB3guVsliFfLQsYbBfiuYIgNNGdd5NFeR6WYZMCz1FiCOjJkQP7VCSVrlNnHfxa2tFG+lOCdvKVhfrVgCID2NUo/X0quSaFUyg1aF/URFBqrrxtHnF2V7X81rNF/OKMrHClrqBp2pDyFmPM126C56rpMjtmyOdVDFKQb2YNg5agErzjaEiH35SyTbZjTM4Qm55aN5JkB9GVWGRFOMT4UJ0Q2a0YhN3qV514IASzSvDS4acdINhQxcSSsvMoBqOnaLqUJJEK+j10URS6dCJIuu4EAVxaIuSCVw6lgP8tnS5T10HlB25NHvh2QvPY5aKxB5BiMVLn9WCy1sV6wwVev+/G3louwHflplfRgfwnBoT50E/An6Kf9kMVSE1dEO0KggvFkDk+S5Gk3fHWdbO7P4Y4vDhd8aYyx3KHutIanYMCNHt60awBTOrwU8eZ9DPIgrl7QvQrchXnqBQ75H2OjIqB7EETMU92TOgzceABbZ1JA591T1JLNnRHEfF0FIKxaf1tjudfx8pBgwqRe4stkaCyPtVl5+DEy65mW1FaqjWtqn51nDWI6VcInOI/SbAoUDNB2krLvgGJIONeX57sEdWeFXebM0lY86bndNwi/Myr3aQ33Ag1eZ5kjhUmBmF8i+k6m7SXGdc453aX79Tak/X7OUxtpEXQkvnxySVYZdhcJeLkC6Kh1IvQbVFuDJc5tKKQvafh4HIub+ytV4iCzOh9DEYzj3SV3bqmpcm2JW+69/0me6zovqLFPB5pORZkucWmZ3jZ8eFCxVWp1HJ4rehkhNv/pC1VxdS/jR3JihvMehOSdiqJ0l+G9rYjCFxQDxB8MZB+LoyM8Z0OF0CHKwQNRfBW2YPLFcz4BWvVJ1vXURfcyuL6ovdT7XGK+5veZZxf0IQ8nxCm8ed8xTvsKDqACYwrSGTtiVct1abQMvJBSjU/hE9y3BPKx4sg0cLHloJ+MCAFys8A++1Khi51Gzjv1h+d1ALRT2ZIwsO6eHSfp1ji35p4yd37U3ZDKPi78ILQJeJGb2RSMzuVa3Hkdj/m38Zdsi1OID/8LJPNgn76KjnUfwxLd6NxJRA/gtTNE7vs43eBr704oQLkmPIVaHDgmpJbDh7XxKYD95ofpXDBRvUIQWUwggWEBgkqhkiG9w0BBwGgggV1BIIFcTCCBW0wggVpBgsqhkiG9w0BDAoBAqCCBTEwggUtMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhAo6huHa8sGAICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEFvNRLXaVrQgDQLv4bVOYKoEggTQIfNfQxQllv10uZz/iPqITlaeScpcGpxz0s28YWjXu427ODauyv1efoh1YmhXqfuh3O6RZPhX9ewV7KFeXTsaYEKHBj4/K3H7KX7S46T1SjDqhlrntBHUefSEjQIHJYbk8I3UnkteIlhI6Be6xC9TLAq07xVKB8h+e/TS6gfcVUlgH9NOPZRtpDaZEG+WhuWP7rDSFogIOYw6XZtYjkNJooYStULfsCVoaxz5yjBrvdChwk/2bk/hdbnb4e9HVadqx9OhPnQC2IqXdEHl5PAChhHvanCuZ+CfTFVrkepzNx0qWhQUIcgwo/O2pxJKLFcAspD1KcJgO8ImbrtlrI53bwT4Es0LJlbKP2enEwFdeGEG5YZCOUHCMHx1+Sym69H4Z6U18ZUFnSVQ/guyZVXEcNbV/v2VFkfwUKbY6c78bHTXpNbOSyx2zndmCCj4ailnGNHlTUzkK89OpSQfqnZdjSFg9FUbdpxgc31ZgzrLY+JWNmNgQ0tpzXDdt+lw1T1Zk5p6nUPx6jfPST3+lHmNGwMqK21MAG0p1cXLydSUz8x0mHoo7oq1yla+/zEr+XDkMAHhb6gg8CzTKG9oiletksYYSPj9/pWaNLGB7sS9aEt83CIK6Nb+3sYCi2M8KCv2xO+42v1JlS1D1opBGRjq95dRuJZEXS4Q7yixFLpwzgLlLCJyttzNn2mNaRXz/8cECkWVGowMqV/0bcqoeZdjz4YyUVn8mkiRW81QvMDimUr4u5jub5zkpkXiSJ65TbsfAUbmYTUpkG7lUpvBMoOBY2EMMKxVo+KaIBJXaUkbpPANykSs9bZcy3WD5gjMWl2N+pjbeo4HX4VVdtOs7pgPhkrzBCWDhfiMnV0HE6vcO28BCoPIUZOmnriWcDTL3yZlWlf9214ElR3Jjiq7wpm0mgoPf9bFYElKrM5vewF9Rtb0/Y5Q/Qj4n3L9iwnU4ABgLFiMXfGUWU+808bOXWYmCwIg4xLJVJOZXeectUnrEhl0i3CgZ3cxEeTD2NxSeGdQziTWGgWJSKtaSJouUYoqTnP+vct+CSYGRo4l7oLnY0OrDy6w/x8wbjrPJyCcrCH4meRs+T9noVlyXgrB+FxH7TJzRPzUqf2XQyYjHXtcYthGO46cG3qWEpO+I4r/GdVs8CkXkJ0GDrMaSK3OZRkb2D8xFbcBfynJzqhs3cQTjCHkeLWCrnOvAtuyxw4u3oX51s0eCbKVkNO2YUxwQ2FMUJUB9pIkqU7lbETrWfP2/JSR3IvNGHjnZgBs1nJ3+ZzbUc3xrvPrjHcGcAcvsnLoyy1YPddYLqvBkvoWDDqKwz46uK6VdJ8oeO8j7o1FsJW7KYwmFL22kKWQCK20iTQtK4ENaIirl0n6qPI0P5qipbVyiDJfsMSR3tBTU1H18J/9yyfULhPGE17OGmTTda60kcfD/cSoWamJjD2wGpDUhgPZP/ctL0Oc8jl0iUbdShDRWVitrk8IWmztY4RBPSJDyDN/e7nJwmfA0HE4BXL8ltyhqX/dEAJxRlOqLsmjJIAMZLz1RXFz/IT2JL9jesPwLTSio+vh7noMso62+fHiynsJObq6Mvv7A1aP/6LgJUSslhSyuL7cNlQhhlLuSfDTxhCxSMN9g7xfXPrHu2q07sAxJTAjBgkqhkiG9w0BCRUxFgQUDl3aIDco30AYMXY684RewhL/0wswQTAxMA0GCWCGSAFlAwQCAQUABCDLn4LFXle38KralpsB8Nx0sQtAQ1morWtF3zmhDF77OgQITvTtML0wcP8CAggA';
export const OPENSSL_PFX_PASSPHRASE = 'test-only-passphrase';
/** Its SHA-1 thumbprint (`openssl x509 -fingerprint -sha1`). */
export const OPENSSL_PFX_THUMBPRINT = '0E5DDA203728DF401831763AF3845EC212FFD30B';

export interface TestCertificate {
  certificatePem: string;
  /** PKCS #8, unencrypted. */
  keyPem: string;
  publicKey: KeyObject;
  encryptedKeyPem(passphrase: string): string;
  pfxBase64(passphrase: string): string;
}

export function makeCertificate(options: { notBefore?: Date; notAfter?: Date; commonName?: string } = {}): TestCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  certificate.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(8));
  certificate.validity.notBefore = options.notBefore ?? new Date(Date.now() - 86_400_000);
  certificate.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  const name = [{ name: 'commonName', value: options.commonName ?? 'MCA Desk test app' }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(forgeKey, forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(certificate);
  return {
    certificatePem,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey,
    encryptedKeyPem: (passphrase) => privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString(),
    pfxBase64: (passphrase) => {
      const asn1 = forge.pkcs12.toPkcs12Asn1(forgeKey, [certificate], passphrase, { algorithm: 'aes256' });
      return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary').toString('base64');
    },
  };
}
