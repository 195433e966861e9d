/**
 * Keydown to the next frame on a page of the benchmark's own (the floors under the typing measure):
 * `onInput`, page-side JavaScript run in the input's listener (with `event`), changes the page; the
 * time is taken as probe.js takes it in the app (a message posted from requestAnimationFrame is
 * handled once that frame's rendering steps have run).
 */
import type { Page } from '@playwright/test';
import { percentile, round } from '../report';

export async function timeKeystrokes(
  page: Page,
  inputSelector: string,
  onInput: string,
  keystrokes: number,
  keyIntervalMs: number,
): Promise<{ p50: number; p95: number }> {
  await page.evaluate(`(() => {
    window.__keystrokeTimes = [];
    let down = 0;
    document.addEventListener('keydown', (event) => { down = event.timeStamp; }, true);
    document.querySelector(${JSON.stringify(inputSelector)}).addEventListener('input', (event) => {
      ${onInput}
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__keystrokeTimes.push(performance.now() - down);
        channel.port2.postMessage(null);
      });
    });
  })()`);
  await page.locator(inputSelector).focus();
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.press(i % 10 === 9 ? 'Backspace' : 'a');
    await page.waitForTimeout(keyIntervalMs);
  }
  const times = (await page.evaluate('window.__keystrokeTimes')) as number[];
  return { p50: round(percentile(times, 50), 1), p95: round(percentile(times, 95), 1) };
}
