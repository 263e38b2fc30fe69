/**
 * Where an interaction's time goes, the js-framework-benchmark way: Chromium's performance
 * trace of the renderer's main thread, each event's self time (its duration less its children's)
 * put in one of event → script → GC → style → layout → paint → other, between two user-timing
 * marks the page sets around the interaction (`bench:<name>:start` / `bench:<name>:end`).
 *
 * Tracing slows the page a little, so the timed figures come from untraced runs; the split is
 * what a traced run says the same work is made of.
 */
import type { Browser, Page } from '@playwright/test';

export const traceCategories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'blink',
  'cc',
  'gpu',
];

export const phases = ['event', 'script', 'gc', 'style', 'layout', 'paint', 'other'] as const;
export type Phase = (typeof phases)[number];
export type PhaseSplit = Record<Phase, number> & { wall: number };

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** Trace event names by phase; a name not listed counts as `other` when it is a task's own. */
const phaseOf: Record<string, Phase> = {
  EventDispatch: 'event',
  HitTest: 'event',
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.compile': 'script',
  'v8.compileModule': 'script',
  'v8.evaluateModule': 'script',
  'v8.run': 'script',
  'V8.Execute': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  FireIdleCallback: 'script',
  RunMicrotasks: 'script',
  'v8.callFunction': 'script',
  'V8.DeserializeContext': 'script',
  ParseHTML: 'script',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MC_BACKGROUND_EVACUATE_COPY': 'gc',
  'V8.GCScavenger': 'gc',
  'V8.GCFinalizeMC': 'gc',
  'V8.GCIncrementalMarking': 'gc',
  'V8.GCCompactor': 'gc',
  'BlinkGC.AtomicPhase': 'gc',
  'BlinkGC.IncrementalMarkingStep': 'gc',
  'ThreadState::performIdleLazySweep': 'gc',
  CppGC: 'gc',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  ScheduleStyleRecalculation: 'style',
  Layout: 'layout',
  UpdateLayerTree: 'layout',
  'LocalFrameView::RunPostLifecycleSteps': 'layout',
  IntersectionObserverController: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  'PaintArtifactCompositor::Update': 'paint',
  Rasterize: 'paint',
};

/** A name's phase; GC events come in many names, so they are also matched by prefix. */
function phaseOfName(name: string): Phase | undefined {
  const known = phaseOf[name];
  if (known) return known;
  if (/^(V8\.GC|BlinkGC|CppGC|MinorGC|MajorGC)/.test(name)) return 'gc';
  if (name.startsWith('V8.') || name.startsWith('v8.')) return 'script';
  return undefined;
}

export function startTrace(browser: Browser, page: Page): Promise<void> {
  return browser.startTracing(page, { categories: traceCategories });
}

export async function stopTrace(browser: Browser): Promise<TraceEvent[]> {
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The renderer main threads: the page's, whichever process the reload gave it. */
function rendererMainThreads(events: TraceEvent[]): Set<string> {
  const threads = new Set<string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      threads.add(`${event.pid}:${event.tid}`);
  }
  return threads;
}

/** The [start, end] windows, in trace microseconds, of every interaction the page marked. */
export function markedWindows(events: TraceEvent[], name: string): [number, number][] {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const event of events) {
    if (!event.cat.includes('blink.user_timing')) continue;
    if (event.name === `bench:${name}:start`) starts.push(event.ts);
    if (event.name === `bench:${name}:end`) ends.push(event.ts);
  }
  starts.sort((a, b) => a - b);
  ends.sort((a, b) => a - b);
  const windows: [number, number][] = [];
  for (const start of starts) {
    const end = ends.find((candidate) => candidate >= start);
    if (end !== undefined) windows.push([start, end]);
  }
  return windows;
}

/**
 * Self time per phase of the main thread's complete events inside [start, end]. An event is
 * charged to its own phase, or, when its name has none, to its nearest ancestor's.
 */
export function splitWindow(events: TraceEvent[], window: [number, number]): PhaseSplit {
  const threads = rendererMainThreads(events);
  const split: PhaseSplit = {
    event: 0,
    script: 0,
    gc: 0,
    style: 0,
    layout: 0,
    paint: 0,
    other: 0,
    wall: (window[1] - window[0]) / 1000,
  };
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const thread = `${event.pid}:${event.tid}`;
    if (!threads.has(thread)) continue;
    if (event.ts + event.dur < window[0] || event.ts > window[1]) continue;
    let list = byThread.get(thread);
    if (!list) byThread.set(thread, (list = []));
    list.push(event);
  }
  for (const list of byThread.values()) {
    // Parents first: earlier start, and the longer of two that start together.
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { end: number; phase: Phase | undefined; childTime: number; event: TraceEvent }[] =
      [];
    const close = (entry: (typeof stack)[number]) => {
      const clipped =
        Math.min(entry.end, window[1]) - Math.max(entry.event.ts, window[0]) - entry.childTime;
      if (entry.phase && clipped > 0) split[entry.phase] += clipped / 1000;
    };
    for (const event of list) {
      const end = event.ts + (event.dur ?? 0);
      while (stack.length && (stack.at(-1)?.end ?? 0) <= event.ts) close(stack.pop()!);
      const parent = stack.at(-1);
      const own = phaseOfName(event.name);
      // A task with no phase of its own and no phased parent is scheduler time: `other`.
      const phase = own ?? parent?.phase ?? (parent ? undefined : 'other');
      const inside = Math.min(end, window[1]) - Math.max(event.ts, window[0]);
      if (parent && inside > 0) parent.childTime += inside;
      stack.push({ end, phase, childTime: 0, event });
    }
    while (stack.length) close(stack.pop()!);
  }
  return split;
}

/** The median split of every window the page marked with `name`. */
export function medianSplit(events: TraceEvent[], name: string): PhaseSplit | undefined {
  const splits = markedWindows(events, name).map((window) => splitWindow(events, window));
  if (splits.length === 0) return undefined;
  const pick = (key: Phase | 'wall') => {
    const values = splits.map((split) => split[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? 0;
  };
  return {
    event: pick('event'),
    script: pick('script'),
    gc: pick('gc'),
    style: pick('style'),
    layout: pick('layout'),
    paint: pick('paint'),
    other: pick('other'),
    wall: pick('wall'),
  };
}

/** "wall 48 ms: event 1 · script 30 · gc 4 · style 5 · layout 3 · paint 2 · idle/other 3". */
export function formatSplit(split: PhaseSplit | undefined): string {
  if (!split) return 'not traced';
  const busy = phases.map((phase) => `${phase} ${split[phase].toFixed(1)}`).join(' · ');
  const idle = split.wall - phases.reduce((sum, phase) => sum + split[phase], 0);
  return `wall ${split.wall.toFixed(0)} ms: ${busy} · idle ${Math.max(0, idle).toFixed(1)}`;
}

export type { TraceEvent };
