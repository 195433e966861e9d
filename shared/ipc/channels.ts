/**
 * The closed set of channel names, without schemas, so that the preload bundle stays tiny.
 * `contract.ts` must define exactly these (a compile-time check there enforces it).
 */
export const channelNames = [
  'getAppInfo',
  'setSecretStorageConsent',
  'getSettings',
  'updateSettings',
  'getSession',
  'signIn',
  'signOut',
  'listAgents',
  'getAgreementMetadata',
  'submitAttestation',
  'listConfirmations',
  'getTemplateDocument',
  'getDirectSignStatus',
  'getRelationshipRequestLink',
  'listCustomers',
  'getCustomer',
  'createCustomer',
  'getCredentials',
  'forgetCredentials',
  'listAgreementRecords',
  'bulkReattest',
  'createEnhancedAttestation',
  'readEnhancedAttestation',
  'finaliseEnhancedAttestation',
  'getAppCredentialStatus',
  'setAppCredential',
  'removeAppCredential',
  'listHostAudit',
  'writeClipboard',
  'openMailto',
  'openExternal',
] as const;

export type ChannelName = (typeof channelNames)[number];

/** Electron's channel string for a contract entry (one namespace, VS Code's prefix idea). */
export function ipcChannel(name: ChannelName): string {
  return `mca:${name}`;
}

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}
