import { describe, expect, it } from 'vitest';
import { TABLE_END, TABLE_START, withTable, type FullRun } from '../../../bench/readme-table';

const run: FullRun = {
  startedAt: '2026-12-05T00:41:07.123Z',
  minutes: 21.4,
  machine: { nproc: 2, cpu: 'Xeon', memoryGb: 23.5, node: 'v20.20.2', chromium: '156', loadAverage: '0.40 → 1.90' },
  table: '| measure | id |\n|---|---|\n| Search | `search_p95_ms` |',
};

describe('the README performance table', () => {
  it('replaces only what lies between the markers, with the run, its machine and its load', () => {
    const readme = `# MCA Desk\n\nBefore.\n\n${TABLE_START}\nold table\n${TABLE_END}\n\nAfter.\n`;
    const written = withTable(readme, run);
    expect(written.startsWith('# MCA Desk\n\nBefore.\n\n')).toBe(true);
    expect(written.endsWith('\n\nAfter.\n')).toBe(true);
    expect(written).not.toContain('old table');
    expect(written).toContain('Latest full run: 2026-12-05 00:41 UTC, 21.4 min. Machine: Xeon, 2 cores, 23.5 GB RAM');
    expect(written).toContain('load average (1 min) 0.40 → 1.90');
    expect(written).toContain('| Search | `search_p95_ms` |');
    // Written twice, the block stays one block.
    expect(withTable(written, run)).toBe(written);
  });

  it('refuses a README without the markers, leaving it as it was', () => {
    const readme = '# MCA Desk\n\nNo markers here.\n';
    expect(() => withTable(readme, run)).toThrow(/no .* block/);
    expect(() => withTable(`${TABLE_END}\n${TABLE_START}\n`, run)).toThrow(/no .* block/);
  });
});
