/**
 * Where a grid's keys move its active row (the ARIA grid pattern): the arrows by one row, Page Up/Down
 * by a screenful, Home and End to the ends. Undefined for any other key. The grid clamps the result.
 * `pageRows` is asked only for the Page keys, because it reads the layout.
 */
export function gridMoveTarget(key: string, active: number, lastIndex: number, pageRows: () => number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return active + 1;
    case 'ArrowUp':
      return active - 1;
    case 'PageDown':
      return active + pageRows();
    case 'PageUp':
      return active - pageRows();
    case 'Home':
      return 0;
    case 'End':
      return lastIndex;
    default:
      return undefined;
  }
}
