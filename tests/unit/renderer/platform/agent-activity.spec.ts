/**
 * The agent's last input, as background work reads it: typing, clicking, scrolling and editing a
 * field count; other events do not; once unwatched, nothing counts.
 */
import { describe, expect, it } from 'vitest';
import { AGENT_QUIET_MS, AgentActivity } from '../../../../renderer/src/platform/agent-activity';

describe('agent activity', () => {
  it('counts the agent at work for a second after a key, a click, a wheel or an edit', () => {
    let now = 5_000;
    const activity = new AgentActivity(() => now);
    const target = new EventTarget();
    activity.watch(target);
    expect(activity.busyUntil()).toBeLessThan(now);
    for (const type of ['keydown', 'pointerdown', 'wheel', 'input']) {
      now += 10_000;
      target.dispatchEvent(new Event(type));
      expect(activity.busyUntil()).toBe(now + AGENT_QUIET_MS);
    }
    const last = activity.busyUntil();
    now += 10_000;
    target.dispatchEvent(new Event('focus'));
    target.dispatchEvent(new Event('message'));
    expect(activity.busyUntil()).toBe(last);
  });

  it('stops counting once unwatched', () => {
    let now = 0;
    const activity = new AgentActivity(() => now);
    const target = new EventTarget();
    const unwatch = activity.watch(target);
    target.dispatchEvent(new Event('keydown'));
    expect(activity.busyUntil()).toBe(AGENT_QUIET_MS);
    unwatch();
    now = 60_000;
    target.dispatchEvent(new Event('keydown'));
    expect(activity.busyUntil()).toBe(AGENT_QUIET_MS);
  });
});
