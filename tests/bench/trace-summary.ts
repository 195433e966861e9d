/**
 * Where a page's time goes, from a Chromium trace (`devtools.timeline`): the time of each kind of
 * event (EventDispatch, Layout, Paint, TimerFire, GC…) per thread, divided by how many actions
 * (keystrokes) the trace held. Diagnostic only (`BENCH_TYPING_TRACE=1 npm run bench`): the totals of
 * nested events overlap (an EventDispatch holds the FunctionCalls inside it), so they are not summed.
 */
interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface TraceLine {
  thread: string;
  event: string;
  msPerAction: number;
}

export function summariseTrace(json: string, actions: number, top = 25): TraceLine[] {
  const { traceEvents } = JSON.parse(json) as { traceEvents: TraceEvent[] };
  const threads = new Map<string, string>();
  for (const event of traceEvents)
    if (event.ph === 'M' && event.name === 'thread_name') threads.set(`${event.pid}:${event.tid}`, event.args?.name ?? '?');
  const totals = new Map<string, TraceLine>();
  for (const event of traceEvents) {
    if (event.ph !== 'X' || !event.dur) continue;
    const thread = threads.get(`${event.pid}:${event.tid}`) ?? '?';
    const key = `${thread}\u0000${event.name}`;
    const line = totals.get(key) ?? { thread, event: event.name, msPerAction: 0 };
    line.msPerAction += event.dur / 1000 / Math.max(actions, 1);
    totals.set(key, line);
  }
  return [...totals.values()]
    .sort((a, b) => b.msPerAction - a.msPerAction)
    .slice(0, top)
    .map((line) => ({ ...line, msPerAction: Math.round(line.msPerAction * 100) / 100 }));
}
