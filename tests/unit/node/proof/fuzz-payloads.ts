/**
 * Property-based bad input for the contract's channels: for each channel a valid request, and
 * arbitraries for malformed, wrong-typed, oversized and hostile requests derived from it (a field
 * replaced, removed or added; the whole body replaced by anything), keeping only the requests the
 * channel's schema refuses. Shared by the bridge and the Electron IPC fuzz tests.
 */
import fc from 'fast-check';
import { channelNames, contract, type ChannelName } from '../../../../shared/ipc/contract';

export const CUSTOMER_ID = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';
const ITEM_ID = '5b3f1a7e-2d4c-4e8f-9a1b-3c5d7e9f0a2b';
const contact = { firstName: 'Tania', lastName: 'Carr', email: 'tania@example.com', phoneNumber: '+31 20 794 0000' };
const item = { itemId: ITEM_ID, customerId: CUSTOMER_ID, primaryContact: contact, dateAgreed: '2024-05-06' };

/** One schema-valid request per channel. */
export const validRequests: Record<ChannelName, unknown> = {
  getAppInfo: {},
  setSecretStorageConsent: { allow: false },
  getSettings: {},
  updateSettings: { backend: 'sandbox' },
  getSession: {},
  signIn: { method: 'password', userName: 'admin@contoso.example', password: 'sandbox' },
  signOut: {},
  getAgreementMetadata: {},
  submitAttestation: item,
  listConfirmations: { customerId: CUSTOMER_ID },
  getTemplateDocument: { country: 'NL', language: 'nl-NL' },
  getDirectSignStatus: { customerId: CUSTOMER_ID },
  getRelationshipRequestLink: {},
  listAgents: {},
  listHostAudit: { after: 0, limit: 10 },
  listCustomers: { pageSize: 5 },
  getCustomer: { customerId: CUSTOMER_ID },
  createCustomer: {
    requestId: ITEM_ID,
    customer: {
      companyName: 'Fuzz Ltd',
      domain: 'fuzzltd.onmicrosoft.com',
      email: 'it@fuzz.example',
      language: 'nl-NL',
      address: { firstName: 'Tania', lastName: 'Carr', addressLine1: 'Main 1', city: 'Amsterdam', postalCode: '1017 BS', country: 'NL' },
      acceptance: { mode: 'customer-accepts' },
    },
  },
  getCredentials: { credentialsId: ITEM_ID },
  forgetCredentials: { credentialsId: ITEM_ID },
  listAgreementRecords: {},
  bulkReattest: { items: [item] },
  createEnhancedAttestation: {
    requestId: ITEM_ID,
    customerId: CUSTOMER_ID,
    attestation: {
      country: 'NL',
      language: 'nl-NL',
      companyName: 'Fuzz Ltd',
      signatoryFirstName: 'Tania',
      signatoryLastName: 'Carr',
      signatoryEmail: 'tania@example.com',
      signatoryPhoneNumber: '+31 20 794 0000',
      linkExpiryMinutes: 60,
    },
  },
  readEnhancedAttestation: { attestationId: ITEM_ID },
  finaliseEnhancedAttestation: { requestId: ITEM_ID, customerId: CUSTOMER_ID, attestationId: '9b2d6a3e-1f4c-4d8e-8a7b-2c3d4e5f6a7b' },
  getAppCredentialStatus: {},
  setAppCredential: {
    tenantId: CUSTOMER_ID,
    clientId: ITEM_ID,
    credential: { kind: 'pfx', pfxBase64: 'MIIKYQIBAzCCCicGCSqGSIb3DQEHAaCCChgEggoU', passphrase: 'secret' },
  },
  removeAppCredential: {},
  writeClipboard: { text: 'hello' },
  openMailto: { to: 'tania@example.com', subject: 'Hi', body: 'Body' },
  openExternal: { url: 'https://example.com/' },
};

/** Strings that have broken software before. */
export const hostileStrings = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "Robert'); DROP TABLE agreements;--",
  '${7*7}{{7*7}}#{7*7}',
  '../../../../etc/passwd',
  'a\u0000b',
  'evil\u202egnp.exe',
  '__proto__',
  'constructor',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  '%00%0d%0aSet-Cookie:x=1',
  '\ud800',
  '🙂'.repeat(300),
  'x'.repeat(70_000),
];

const hostileString = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Any JSON value of a wrong or hostile kind. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant(Array.from({ length: 6000 }, () => item)),
);

type Path = Array<string | number>;

function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((child, index) => out.push(...paths(child, [...prefix, index])));
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) out.push(...paths(child, [...prefix, key]));
  return out;
}

function setAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  if (rest.length === 0) {
    if (remove) delete copy[head];
    else copy[head] = replacement;
    return copy;
  }
  copy[head] = setAt(copy[head], rest, replacement, remove);
  return copy;
}

/** Variations of a valid value: a field replaced by a wrong value, removed, or joined by an extra one; or anything at all. */
export function mutationsOf(valid: unknown): fc.Arbitrary<unknown> {
  const all = paths(valid);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...all), wrongValue).map(([path, replacement]) => setAt(valid, path, replacement)),
    ...(all.length > 1
      ? [fc.constantFrom(...all.filter((path) => path.length > 0)).map((path) => setAt(valid, path, undefined, true))]
      : []),
    fc.tuple(fc.constantFrom(...all), hostileString, wrongValue).map(([path, key, extra]) => {
      const target = path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], valid);
      return target && typeof target === 'object' && !Array.isArray(target)
        ? setAt(valid, path, { ...(target as object), [key]: extra })
        : setAt(valid, path, extra);
    }),
    fc.anything({ maxDepth: 3 }),
  );
}

/** Requests the channel's schema refuses: mutations of its valid request, and anything at all. */
export function invalidRequest(channel: ChannelName): fc.Arbitrary<unknown> {
  const mutated = mutationsOf(validRequests[channel]);
  // Keep only what the contract refuses: a valid request may legitimately change state.
  // (As the dispatcher does, a missing or null body counts as {}.)
  return mutated.filter((request) => !contract[channel].request.safeParse(JSON.parse(JSON.stringify(request ?? null)) ?? {}).success);
}

export { channelNames };
