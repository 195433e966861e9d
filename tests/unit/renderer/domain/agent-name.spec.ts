import { describe, expect, it } from 'vitest';
import { agentName } from '../../../../renderer/src/domain/history';

const agents = [
  { userId: '0f0f0f0f-0000-4000-8000-000000000002', userName: 'sales@contoso.example', displayName: 'Sam Sales' },
  { userId: '0f0f0f0f-0000-4000-8000-000000000003', userName: 'nameless@contoso.example', displayName: ' ' },
];

describe('the agent named in a customer’s history', () => {
  it('is the display name of an agent known by object id or sign-in name (any case)', () => {
    expect(agentName('0f0f0f0f-0000-4000-8000-000000000002', agents)).toBe('Sam Sales');
    expect(agentName('0F0F0F0F-0000-4000-8000-000000000002', agents)).toBe('Sam Sales');
    expect(agentName('Sales@Contoso.example', agents)).toBe('Sam Sales');
  });

  it('is a sign-in name as it is when nobody here knows it, and never an object id', () => {
    expect(agentName('helpdesk@contoso.example', agents)).toBe('helpdesk@contoso.example');
    expect(agentName('nameless@contoso.example', agents)).toBe('nameless@contoso.example');
    expect(agentName('0f0f0f0f-0000-4000-8000-000000000099', agents)).toBeUndefined();
    expect(agentName('0f0f0f0f-0000-4000-8000-000000000003', agents)).toBeUndefined();
    expect(agentName(null, agents)).toBeUndefined();
    expect(agentName('  ', agents)).toBeUndefined();
  });
});
