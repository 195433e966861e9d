import { describe, expect, it } from 'vitest';
import { summariseTrace } from '../../../bench/trace-summary';

const trace = JSON.stringify({
  traceEvents: [
    { name: 'thread_name', ph: 'M', pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', pid: 1, tid: 11, args: { name: 'Compositor' } },
    { name: 'EventDispatch', ph: 'X', pid: 1, tid: 10, dur: 6000 },
    { name: 'EventDispatch', ph: 'X', pid: 1, tid: 10, dur: 2000 },
    { name: 'Paint', ph: 'X', pid: 1, tid: 10, dur: 1000 },
    { name: 'Paint', ph: 'X', pid: 1, tid: 11, dur: 3000 },
    // Instant and begin/end events carry no duration of their own: not counted.
    { name: 'Paint', ph: 'I', pid: 1, tid: 10 },
    { name: 'Layout', ph: 'B', pid: 1, tid: 10 },
    { name: 'Unnamed', ph: 'X', pid: 2, tid: 20, dur: 500 },
  ],
});

describe('summariseTrace', () => {
  it('answers each event kind per thread, per action, the largest first', () => {
    expect(summariseTrace(trace, 2)).toEqual([
      { thread: 'CrRendererMain', event: 'EventDispatch', msPerAction: 4 },
      { thread: 'Compositor', event: 'Paint', msPerAction: 1.5 },
      { thread: 'CrRendererMain', event: 'Paint', msPerAction: 0.5 },
      { thread: '?', event: 'Unnamed', msPerAction: 0.25 },
    ]);
  });

  it('keeps only the top lines asked for', () => {
    expect(summariseTrace(trace, 1, 1)).toEqual([{ thread: 'CrRendererMain', event: 'EventDispatch', msPerAction: 8 }]);
  });

  it('refuses a file that is not a trace', () => {
    expect(() => summariseTrace('not json', 1)).toThrow();
  });
});
