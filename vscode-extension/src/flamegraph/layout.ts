// speedscope JSON (https://www.speedscope.app/file-format-schema.json) → a merged
// call tree → flame graph rectangles. Pure and DOM-free: the webview renders the
// rectangles, the unit tests check them.

export interface SpeedscopeFrame {
  name: string;
  file?: string;
  line?: number;
  col?: number;
}

interface SampledProfile {
  type: 'sampled';
  name?: string;
  unit?: string;
  startValue?: number;
  endValue?: number;
  samples: number[][];
  weights?: number[];
}

interface EventedProfile {
  type: 'evented';
  name?: string;
  unit?: string;
  startValue?: number;
  endValue?: number;
  events: { type: 'O' | 'C'; at: number; frame: number }[];
}

export type SpeedscopeProfile = SampledProfile | EventedProfile;

export interface SpeedscopeDocument {
  shared: { frames: SpeedscopeFrame[] };
  profiles: SpeedscopeProfile[];
  name?: string;
  activeProfileIndex?: number;
  exporter?: string;
}

/** Checks the shape we rely on; throws an Error that says what is wrong. */
export function parseSpeedscope(value: unknown): SpeedscopeDocument {
  const doc = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<SpeedscopeDocument> | null;
  if (!doc || typeof doc !== 'object') throw new Error('the profile is not a JSON object');
  if (!doc.shared || !Array.isArray(doc.shared.frames)) throw new Error('the profile has no shared.frames');
  if (!Array.isArray(doc.profiles)) throw new Error('the profile has no profiles');
  const frameCount = doc.shared.frames.length;
  for (const [i, p] of doc.profiles.entries()) {
    if (p.type === 'sampled') {
      if (!Array.isArray(p.samples)) throw new Error(`profile ${i} has no samples`);
      if (p.weights && p.weights.length !== p.samples.length) {
        throw new Error(`profile ${i} has ${p.samples.length} samples but ${p.weights.length} weights`);
      }
      for (const s of p.samples) {
        for (const f of s) if (!(f >= 0 && f < frameCount)) throw new Error(`profile ${i} refers to frame ${f} of ${frameCount}`);
      }
    } else if (p.type === 'evented') {
      if (!Array.isArray(p.events)) throw new Error(`profile ${i} has no events`);
      for (const e of p.events) {
        if (!(e.frame >= 0 && e.frame < frameCount)) throw new Error(`profile ${i} refers to frame ${e.frame} of ${frameCount}`);
      }
    } else {
      throw new Error(`profile ${i} has unknown type ${String((p as { type?: unknown }).type)}`);
    }
  }
  return doc as SpeedscopeDocument;
}

export interface FlameNode {
  /** Index into shared.frames; -1 for the synthetic root. */
  frame: number;
  total: number;
  self: number;
  children: Map<number, FlameNode>;
  parent?: FlameNode;
}

export interface FlameTree {
  root: FlameNode;
  frames: SpeedscopeFrame[];
  unit: string;
  profileNames: string[];
}

function child(node: FlameNode, frame: number): FlameNode {
  let c = node.children.get(frame);
  if (!c) {
    c = { frame, total: 0, self: 0, children: new Map(), parent: node };
    node.children.set(frame, c);
  }
  return c;
}

/**
 * Merges the chosen profiles (default: all, e.g. one per thread) into one call
 * tree: a sampled stack adds its weight along its path; an evented profile adds
 * each open→close interval to the node of that stack.
 */
export function buildFlameTree(doc: SpeedscopeDocument, profileIndexes?: readonly number[]): FlameTree {
  const root: FlameNode = { frame: -1, total: 0, self: 0, children: new Map() };
  const chosen = profileIndexes ?? doc.profiles.map((_, i) => i);
  const units = new Set<string>();
  for (const i of chosen) {
    const p = doc.profiles[i];
    if (!p) continue;
    units.add(p.unit ?? 'none');
    if (p.type === 'sampled') {
      p.samples.forEach((stack, s) => {
        const w = p.weights ? p.weights[s] : 1;
        if (!(w > 0)) return;
        let node = root;
        root.total += w;
        for (const f of stack) {
          node = child(node, f);
          node.total += w;
        }
        node.self += w;
      });
    } else {
      addEvented(root, p);
    }
  }
  computeSelf(root);
  return {
    root,
    frames: doc.shared.frames,
    unit: units.size === 1 ? [...units][0] : 'none',
    profileNames: chosen.map(i => doc.profiles[i]?.name ?? `profile ${i}`),
  };
}

function addEvented(root: FlameNode, p: EventedProfile): void {
  const stack: { node: FlameNode; at: number }[] = [];
  const events = [...p.events].sort((a, b) => a.at - b.at || (a.type === b.type ? 0 : a.type === 'C' ? -1 : 1));
  for (const e of events) {
    if (e.type === 'O') {
      const parent = stack.length ? stack[stack.length - 1].node : root;
      stack.push({ node: child(parent, e.frame), at: e.at });
    } else {
      // Close up to and including the matching frame (tolerates missing closes).
      const idx = findLastIndex(stack, s => s.node.frame === e.frame);
      if (idx < 0) continue;
      while (stack.length > idx) {
        const top = stack.pop()!;
        top.node.total += e.at - top.at;
      }
    }
  }
  const end = p.endValue ?? (events.length ? events[events.length - 1].at : 0);
  while (stack.length) {
    const top = stack.pop()!;
    top.node.total += Math.max(0, end - top.at);
  }
  // The root spans its top-level children; they were added in this call only.
  root.total = 0;
  for (const c of root.children.values()) root.total += c.total;
}

function findLastIndex<T>(a: readonly T[], pred: (t: T) => boolean): number {
  for (let i = a.length - 1; i >= 0; i--) if (pred(a[i])) return i;
  return -1;
}

/** Evented trees only know totals: self = total − children (never negative). */
function computeSelf(node: FlameNode): void {
  let childTotal = 0;
  for (const c of node.children.values()) {
    computeSelf(c);
    childTotal += c.total;
  }
  if (node.self === 0 && node.total > childTotal) node.self = node.total - childTotal;
}

export interface FlameRect {
  /** Left edge and width as fractions (0..1) of the view's width. */
  x: number;
  width: number;
  depth: number;
  name: string;
  frame: number;
  total: number;
  self: number;
  /** Share of the whole profile's weight, in percent. */
  percent: number;
  file?: string;
  line?: number;
  /** The node, for zooming. */
  node: FlameNode;
  /** An ancestor of the zoomed node, drawn full width above it. */
  ancestor: boolean;
}

export interface LayoutOptions {
  /** The node shown full width (default: the root). */
  focus?: FlameNode;
  /** Nodes narrower than this fraction of the view are left out (default 0.001). */
  minWidth?: number;
  /** At most this many rectangles (default 20 000); the narrowest go first. */
  maxRects?: number;
}

/**
 * Lays the tree out as a flame graph: depth 0 at the top is the root (or the
 * focus's ancestors), children left to right by decreasing weight (left-heavy),
 * each as wide as its share of its parent.
 */
export function layoutFlameGraph(tree: FlameTree, options: LayoutOptions = {}): FlameRect[] {
  const focus = options.focus ?? tree.root;
  const minWidth = options.minWidth ?? 0.001;
  const maxRects = options.maxRects ?? 20_000;
  const grand = tree.root.total || 1;
  const rects: FlameRect[] = [];
  const rect = (node: FlameNode, x: number, width: number, depth: number, ancestor: boolean): FlameRect => {
    const f = node.frame >= 0 ? tree.frames[node.frame] : undefined;
    return {
      x, width, depth, ancestor, node,
      name: f ? f.name : 'all',
      frame: node.frame,
      total: node.total,
      self: node.self,
      percent: (node.total / grand) * 100,
      file: f?.file,
      line: f?.line,
    };
  };

  const ancestors: FlameNode[] = [];
  for (let n = focus.parent; n; n = n.parent) ancestors.unshift(n);
  ancestors.forEach((a, d) => rects.push(rect(a, 0, 1, d, true)));

  const scale = focus.total > 0 ? 1 / focus.total : 0;
  // Breadth-first so that when maxRects cuts, it cuts the deepest, narrowest levels.
  let level: { node: FlameNode; x: number }[] = [{ node: focus, x: 0 }];
  let depth = ancestors.length;
  while (level.length && rects.length < maxRects) {
    const next: { node: FlameNode; x: number }[] = [];
    for (const { node, x } of level) {
      if (rects.length >= maxRects) break;
      const width = node.total * scale;
      rects.push(rect(node, x, width, depth, false));
      let cx = x;
      for (const c of sortedChildren(node)) {
        const cw = c.total * scale;
        if (cw >= minWidth) next.push({ node: c, x: cx });
        cx += cw;
      }
    }
    level = next;
    depth++;
  }
  return rects;
}

export function sortedChildren(node: FlameNode): FlameNode[] {
  return [...node.children.values()].sort((a, b) => b.total - a.total || a.frame - b.frame);
}

/** The hottest frames by self weight: for the table under the graph. */
export function topFramesBySelf(tree: FlameTree, limit = 20): { frame: number; name: string; self: number; percent: number; file?: string; line?: number }[] {
  const self = new Map<number, number>();
  const visit = (n: FlameNode) => {
    if (n.frame >= 0 && n.self > 0) self.set(n.frame, (self.get(n.frame) ?? 0) + n.self);
    for (const c of n.children.values()) visit(c);
  };
  visit(tree.root);
  const grand = tree.root.total || 1;
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([frame, s]) => ({
      frame,
      name: tree.frames[frame].name,
      self: s,
      percent: (s / grand) * 100,
      file: tree.frames[frame].file,
      line: tree.frames[frame].line,
    }));
}

/** `41 ms`, `1.2 s`, `1 234 samples`: a weight in the profile's unit. */
export function formatWeight(value: number, unit: string): string {
  switch (unit) {
    case 'nanoseconds': return formatMs(value / 1e6);
    case 'microseconds': return formatMs(value / 1e3);
    case 'milliseconds': return formatMs(value);
    case 'seconds': return formatMs(value * 1000);
    case 'bytes': return value >= 1 << 20 ? `${(value / (1 << 20)).toFixed(1)} MiB` : value >= 1024 ? `${(value / 1024).toFixed(1)} KiB` : `${value} B`;
    default: return `${Math.round(value)} sample${Math.round(value) === 1 ? '' : 's'}`;
  }
}

function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(ms >= 1 ? 1 : 2)} ms`;
}

/** A stable colour per frame name: warm hues, user code (has a file) a bit greener. */
export function frameColor(name: string, hasSource: boolean): string {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  const hue = hasSource ? 30 + (h % 30) : 0 + (h % 28);
  const sat = 70 + (h >>> 8) % 20;
  const light = 55 + (h >>> 16) % 12;
  return `hsl(${hue}, ${sat}%, ${light}%)`;
}
