/**
 * Chart.js, registered once with only what the Overview's bar charts use (the bundle stays small).
 * Chart.js draws into a canvas and sets sizes through the CSSOM (`element.style.width = …`), which
 * the app's CSP (`style-src 'self'`, no `unsafe-eval`) allows: it injects no <style> element and
 * evaluates no code.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

let registered = false;

export function chartJs(): typeof Chart {
  if (!registered) {
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
    registered = true;
  }
  return Chart;
}
