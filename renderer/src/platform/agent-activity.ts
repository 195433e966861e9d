/**
 * When the agent last typed, clicked or scrolled, for background work that waits its turn (the
 * direct-acceptance scan). Work that lands between a keystroke and the frame showing it delays what
 * the agent sees; work that waits a second after the agent stops delays nobody.
 */

/** How long after the agent's last input background work still waits. */
export const AGENT_QUIET_MS = 1_000;

const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'input'] as const;

export class AgentActivity {
  private lastInputAt = Number.NEGATIVE_INFINITY;
  private readonly onInput = () => {
    this.lastInputAt = this.now();
  };

  constructor(private readonly now: () => number = Date.now) {}

  /** Follows the agent's input on `target` (capturing and passive: it never delays nor stops an event). */
  watch(target: EventTarget): () => void {
    for (const type of INPUT_EVENTS) target.addEventListener(type, this.onInput, { capture: true, passive: true });
    return () => {
      for (const type of INPUT_EVENTS) target.removeEventListener(type, this.onInput, { capture: true });
    };
  }

  /** Until when (the `now` clock) the agent counts as at work. */
  busyUntil(): number {
    return this.lastInputAt + AGENT_QUIET_MS;
  }
}
