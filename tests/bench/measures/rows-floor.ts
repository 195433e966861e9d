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
import { timeKeystrokes } from './keystroke-timer';

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
      let turn = 0;
      window.__rewriteRows = () => {
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
      };
      return rows.length;
    })()`)) as number;
    if (rows === 0) throw new Error('The copied grid has no rows to write into.');
    const times = await timeKeystrokes(page, '#rows-input', 'window.__rewriteRows();', keystrokes, keyIntervalMs);
    return { rows, ...times };
  } finally {
    await page.close();
  }
}
