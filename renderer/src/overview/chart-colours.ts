/**
 * The charts' colours come from the theme's CSS variables (styles/main.css, light and dark), read
 * from the computed style: a canvas cannot use `var(--…)`, and the stylesheet stays the one place
 * colours are chosen. Each bar colour has at least 3:1 contrast with the card behind it in both
 * themes (WCAG 1.4.11); bars stand apart (grouped, not stacked) so no two bar colours touch.
 */
export const CHART_COLOUR_VARIABLES = {
  partner: '--chart-partner',
  direct: '--chart-direct',
  needs: '--chart-needs',
  text: '--text-muted',
  grid: '--border',
} as const;

export type ChartColourName = keyof typeof CHART_COLOUR_VARIABLES;
export type ChartColours = Record<ChartColourName, string>;

/** The colours as the element's theme has them now. */
export function readChartColours(element: Element): ChartColours {
  const style = getComputedStyle(element);
  const read = (name: ChartColourName) => style.getPropertyValue(CHART_COLOUR_VARIABLES[name]).trim() || 'GrayText';
  return { partner: read('partner'), direct: read('direct'), needs: read('needs'), text: read('text'), grid: read('grid') };
}
