// @vitest-environment node
/**
 * The benchmark's Chromium runs the renderer as the shell does (the shell's side is in
 * bootstrap.spec.ts): the shell's switches are among its arguments, without losing the features
 * Playwright disables (Chromium honours only the last --disable-features).
 */
import { describe, expect, it } from 'vitest';
import { CHROMIUM_SWITCHES } from '../../../../electron/main/chromium-switches';
import { benchChromiumArgs, playwrightDisabledFeatures } from '../../../bench/browser';

function disabledFeatures(args: readonly string[]): string[] {
  const all = args.filter((argument) => argument.startsWith('--disable-features='));
  expect(all).toHaveLength(1);
  return all[0]!.slice('--disable-features='.length).split(',');
}

describe("the benchmark's Chromium", () => {
  it('disables what the shell disables, and everything Playwright disables', () => {
    const args = benchChromiumArgs();
    const disabled = disabledFeatures(args);
    expect(disabled).toContain('DeferRendererTasksAfterInput');
    for (const [name, value] of CHROMIUM_SWITCHES) {
      if (name === 'disable-features') for (const feature of value.split(',')) expect(disabled).toContain(feature);
      else expect(args).toContain(`--${name}=${value}`);
    }
    const playwright = playwrightDisabledFeatures();
    expect(playwright).toContain('PaintHolding');
    for (const feature of playwright) expect(disabled).toContain(feature);
  });
});
