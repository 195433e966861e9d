/**
 * (3d) A second floor under the typing measure: the Customers grid as the app last drew it (its
 * markup and its style sheets, copied from the app's page), in a page of its own where each
 * keystroke writes other customers' words into every row in view with plain DOM calls: no framework, no
 * search, no store. The same keydown-to-next-frame measure as (3a) and the echo page (3c).
 *
 * What it tells: how much of a keystroke any implementation pays in this browser on this machine
 * just to show a screenful of new rows, so the app's own cost is the gap above it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { percentile, round } from '../report';

export interface RowsFloor {
  rows: number;
  p50: number;
  p95: number;
}

export async function measureRowsFloor(
  context: BrowserContext,
  app: Page,
  customers: ReadonlyArray<{ id: string; companyName: string; domain: string }>,
  keystrokes: number,
  keyIntervalMs: number,
): Promise<RowsFloor> {
  const grid = (await app.evaluate(`(() => {
    const grid = document.querySelector('.grid');
    const css = [...document.styleSheets].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\\n')).join('\\n');
    return grid ? { html: grid.outerHTML, height: grid.getBoundingClientRect().height, css } : null;
  })()`)) as { html: string; height: number; css: string } | null;
  if (!grid) throw new Error('The Customers grid is not on the app page.');
  const page = await context.newPage();
  try {
    await page.setContent(
      `<style>${grid.css}</style><input id="rows-input" aria-label="rows"><div style="display:flex;flex-direction:column;height:${grid.height}px">${grid.html}</div>`,
    );
    const rows = (await page.evaluate(`(() => {
      const customers = ${JSON.stringify(customers)};
      // The rows in view: the least any implementation must redraw for a new list.
      const view = document.querySelector('.grid').getBoundingClientRect();
      const rows = [...document.querySelectorAll('.grid__body [role="row"]')].filter((row) => {
        const box = row.getBoundingClientRect();
        return row.style.display !== 'none' && box.bottom > view.top && box.top < view.bottom;
      });
      window.__rowsFloor = [];
      let down = 0;
      let turn = 0;
      document.addEventListener('keydown', (event) => { down = event.timeStamp; }, true);
      document.getElementById('rows-input').addEventListener('input', () => {
        turn += 1;
        rows.forEach((row, at) => {
          const customer = customers[(turn * 7 + at) % customers.length];
          const cells = row.querySelectorAll('[role="gridcell"]');
          cells[0].querySelector('input').setAttribute('aria-label', 'Select ' + customer.companyName);
          cells[1].textContent = customer.companyName;
          cells[2].textContent = customer.domain;
          cells[3].textContent = customer.id;
          const badge = cells[4].querySelector('.status-badge');
          badge.dataset.status = turn % 2 ? 'not-checked' : 'confirmed-by-partner';
          badge.textContent = turn % 2 ? 'Not checked' : 'Confirmed by partner';
        });
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => window.__rowsFloor.push(performance.now() - down);
          channel.port2.postMessage(null);
        });
      });
      return rows.length;
    })()`)) as number;
    if (rows === 0) throw new Error('The copied grid has no rows to write into.');
    await page.locator('#rows-input').focus();
    for (let i = 0; i < keystrokes; i++) {
      await page.keyboard.press(i % 10 === 9 ? 'Backspace' : 'a');
      await page.waitForTimeout(keyIntervalMs);
    }
    const times = (await page.evaluate('window.__rowsFloor')) as number[];
    return { rows, p50: round(percentile(times, 50), 1), p95: round(percentile(times, 95), 1) };
  } finally {
    await page.close();
  }
}
