import { describe, expect, it } from 'vitest';
import { channelNames, contract, ipcChannel, isChannelName } from '../../../shared/ipc/contract';
import { badRequest } from '../../../shared/ipc/errors';

describe('the IPC contract', () => {
  it('defines a request and a response schema for exactly the named channels', () => {
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) {
      expect(contract[name].request.safeParse).toBeTypeOf('function');
      expect(contract[name].response.safeParse).toBeTypeOf('function');
    }
  });

  it('namespaces Electron channels and knows its own names only', () => {
    expect(ipcChannel('submitAttestation')).toBe('mca:submitAttestation');
    expect(isChannelName('submitAttestation')).toBe(true);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
    expect(isChannelName(42)).toBe(false);
  });

  it('validates a submit payload with the same rules as the form', () => {
    const request = {
      itemId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      customerId: '14876998-c0dc-46e6-9d0c-65a57a6c32ec',
      primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'someone@EXAMPLE.com' },
      dateAgreed: '2026-01-05',
    };
    expect(contract.submitAttestation.request.parse(request).primaryContact.email).toBe('someone@example.com');
    const bad = contract.submitAttestation.request.safeParse({
      ...request,
      primaryContact: { ...request.primaryContact, firstName: 'a\u0000' },
    });
    expect(bad.success).toBe(false);
    expect(badRequest(bad.error!).issues).toEqual([{ path: 'primaryContact.firstName', message: 'control-characters' }]);
  });

  it('refuses extra keys on channels that take no arguments', () => {
    expect(contract.getSession.request.safeParse({}).success).toBe(true);
    expect(contract.getSession.request.safeParse({ admin: true }).success).toBe(false);
  });

  it("opens only https links outside the app, and plain http only on loopback (the sandbox's documents)", () => {
    for (const url of [
      'https://aka.ms/customeragreement',
      'http://127.0.0.1:4010/sandbox/agreement-documents/x/preview',
      'http://localhost:4010/doc',
    ])
      expect(contract.openExternal.request.safeParse({ url }).success, url).toBe(true);
    for (const url of [
      'http://example.com',
      'http://127.0.0.1.evil.example/',
      'http://10.0.0.1/',
      'https://user:pw@example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mailto:a@b.c',
    ])
      expect(contract.openExternal.request.safeParse({ url }).success, url).toBe(false);
  });

  it('bounds the clipboard auto-clear delay', () => {
    expect(contract.writeClipboard.request.safeParse({ text: 'x', clearAfterMs: 60_000 }).success).toBe(true);
    expect(contract.writeClipboard.request.safeParse({ text: 'x', clearAfterMs: 10 }).success).toBe(false);
    expect(contract.writeClipboard.request.safeParse({ text: 'x'.repeat(50_001) }).success).toBe(false);
  });
});
