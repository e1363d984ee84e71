// Pure formatting helpers: status bar text, attach quick pick items, request rows.
// No 'vscode' import, so the unit tests run them under plain node.
import type { AttachState, CaptureLosses, LossCounter, RequestRow, Target } from './protocol';

/** `212`, `12.5k`, `3.4`, `0.2`: a rate with as many digits as are worth reading. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0';
  if (n >= 1_000_000) return `${trimZero((n / 1_000_000).toFixed(1))}M`;
  if (n >= 10_000) return `${trimZero((n / 1000).toFixed(1))}k`;
  if (n >= 10) return String(Math.round(n));
  if (n < 0.1) return '<0.1';
  return trimZero(n.toFixed(1));
}

function trimZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** Requests per second (as the bridge reports them) → `212 req/min`. */
export function formatRequestRate(requestsPerSecond: number): string {
  return `${formatCount(requestsPerSecond * 60)} req/min`;
}

/** `0.84 ms`, `3.1 ms`, `41 ms`, `1.2 s`. */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms >= 10_000) return `${Math.round(ms / 1000)} s`;
  if (ms >= 1000) return `${trimZero((ms / 1000).toFixed(1))} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${trimZero(ms.toFixed(1))} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** What the bridge process is doing, as far as the status bar is concerned. */
export type BridgeStatus = 'starting' | 'running' | 'stopped' | 'failed';

export interface StatusView {
  text: string;
  tooltip: string;
  /** true: draw it in the warning colours. */
  warning: boolean;
}

/** The status bar item for an attach state (undefined: none known yet). */
export function statusView(bridge: BridgeStatus, state: AttachState | undefined, now = Date.now()): StatusView {
  if (bridge === 'starting') {
    return { text: '$(loading~spin) Devtools', tooltip: 'Devtools: starting the bridge…', warning: false };
  }
  if (bridge === 'stopped' || bridge === 'failed') {
    return {
      text: '$(circle-slash) Devtools: bridge stopped',
      tooltip: 'The Devtools bridge is not running. Click to restart it.',
      warning: true,
    };
  }
  if (!state || !state.attached) {
    const tooltip = state?.error
      ? `Devtools: detached (${state.error}). Click to attach.`
      : 'Devtools: not attached. Click to attach to a process or connect to an agent.';
    return { text: '$(debug-disconnect) Devtools: detached', tooltip, warning: !!state?.error };
  }
  const who = targetLabel(state);
  const lines = [state.message ? `Devtools: ${state.message}` : `Devtools: attached to ${who}`];
  if (state.source) lines.push(`via ${sourceLabel(state.source)}${state.agent ? ` (${state.agent})` : ''}`);
  if (state.since) lines.push(`for ${formatDuration(now - state.since)}`);
  lines.push(`${formatRequestRate(state.requestsPerSecond)}`);
  if (state.error) lines.push(`⚠ ${state.error}`);
  const lost = hasLosses(state.losses);
  if (state.losses) lines.push(...lossLines(state.losses));
  lines.push('Click to detach or attach elsewhere.');
  return {
    // an agent's address can be long: it is in the tooltip
    text: `${lost ? '$(warning)' : '$(pulse)'} Devtools: ${state.processName ?? (state.agent ? 'agent' : who)} ${formatRequestRate(state.requestsPerSecond)}`,
    tooltip: lines.join('\n'),
    warning: !!state.error || lost,
  };
}

/** True when the capture lost anything. */
export function hasLosses(losses: CaptureLosses | undefined): losses is CaptureLosses {
  return !!losses && losses.counters.length > 0;
}

/** `512 B`, `4.0 KiB`, `1.5 MiB`, `2.00 GiB` (as the CLI's capture summary). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  return `${(n / (1024 * 1024 * 1024)).toFixed(2)} GiB`;
}

/** `12 http parse errors`, `4.0 KiB lost in 3 gaps`. */
export function formatLoss(c: LossCounter): string {
  return `${c.unit === 'bytes' ? formatBytes(c.value) : c.value.toLocaleString('en-US')} ${c.label}`;
}

/**
 * The status bar tooltip's lines on losses: the counters (at most `max`), whether
 * they are node-wide, and what the source cannot tell. Nothing for a clean capture
 * whose source knows all it could.
 */
export function lossLines(losses: CaptureLosses, max = 8): string[] {
  const lines: string[] = [];
  if (hasLosses(losses)) {
    lines.push(`⚠ capture lost data${losses.scope === 'node' ? ' (node-wide counters)' : ''}:`);
    for (const c of losses.counters.slice(0, max)) lines.push(`  ${formatLoss(c)}`);
    if (losses.counters.length > max) lines.push(`  … and ${losses.counters.length - max} more`);
  } else {
    lines.push('capture lost nothing');
  }
  for (const n of losses.notKnown) lines.push(`not known: ${n}`);
  return lines;
}

/** `capture lost data: 12 http parse errors, 4.0 KiB lost in 3 gaps, and 2 more`; undefined when nothing was lost. */
export function lossSummary(losses: CaptureLosses | undefined, max = 2): string | undefined {
  if (!hasLosses(losses)) return undefined;
  const shown = losses.counters.slice(0, max).map(formatLoss).join(', ');
  const more = losses.counters.length - max;
  return `capture lost data: ${shown}${more > 0 ? `, and ${more} more` : ''}`;
}

function targetLabel(state: AttachState): string {
  if (state.processName && state.pid !== undefined) return `${state.processName} (pid ${state.pid})`;
  if (state.pid !== undefined) return `pid ${state.pid}`;
  if (state.agent) return `agent ${state.agent}`;
  return state.processName ?? 'a target';
}

function sourceLabel(source: NonNullable<AttachState['source']>): string {
  switch (source) {
    case 'eventpipe': return 'EventPipe';
    case 'ebpf': return 'eBPF';
    case 'agent': return 'the agent';
  }
}

/** `45 s`, `3 min`, `2 h 5 min`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * The name a user knows a process by: for a framework-dependent .NET app started
 * as `dotnet path/App.dll …` (whose process name is just "dotnet") the app's name.
 */
export function targetDisplayName(t: Pick<Target, 'name' | 'commandLine'>): string {
  const hosts = new Set(['dotnet', 'dotnet.exe']);
  if (hosts.has(t.name.toLowerCase()) && t.commandLine) {
    const args = t.commandLine.split(/\s+/).slice(1);
    // skip host options (`exec`, `--roll-forward X`, …) up to the first .dll
    const dll = args.find(a => /\.dll$/i.test(a));
    if (dll) return dll.split(/[\\/]/).pop()!.replace(/\.dll$/i, '');
  }
  return t.name;
}

/** A quick pick row for a target; `pid` rides along for the caller. */
export interface TargetItem {
  label: string;
  description: string;
  detail: string;
  pid: number;
}

/**
 * The attach picker's rows: processes the user can attach without root first,
 * .NET before others, then by name and pid. The attached one is marked.
 */
export function targetItems(targets: readonly Target[], attachedPid?: number): TargetItem[] {
  const sorted = [...targets].sort((a, b) =>
    Number(b.canAttachWithoutRoot) - Number(a.canAttachWithoutRoot) ||
    Number(b.isDotnet) - Number(a.isDotnet) ||
    targetDisplayName(a).localeCompare(targetDisplayName(b)) ||
    a.pid - b.pid);
  return sorted.map(t => {
    const tags = [`pid ${t.pid}`];
    if (t.isDotnet) tags.push('.NET');
    if (!t.canAttachWithoutRoot) tags.push('needs root (eBPF)');
    if (t.pid === attachedPid) tags.push('attached');
    return {
      label: `${t.isDotnet ? '$(symbol-class)' : '$(terminal)'} ${targetDisplayName(t)}`,
      description: tags.join(' · '),
      detail: truncate(t.commandLine || t.name, 160),
      pid: t.pid,
    };
  });
}

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** `12:03:04.512` in local time. */
export function formatClock(unixMs: number): string {
  const d = new Date(unixMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** One row of the recent requests table, as display strings. */
export interface RequestCells {
  time: string;
  method: string;
  path: string;
  status: string;
  statusClass: 'ok' | 'redirect' | 'client-error' | 'server-error' | 'unknown';
  latency: string;
  route: string;
}

export function requestCells(r: RequestRow): RequestCells {
  const statusClass = r.status >= 500 ? 'server-error'
    : r.status >= 400 ? 'client-error'
      : r.status >= 300 ? 'redirect'
        : r.status >= 100 ? 'ok' : 'unknown';
  return {
    time: formatClock(r.time),
    method: r.method,
    path: r.path,
    status: r.status > 0 ? String(r.status) : '–',
    statusClass,
    latency: formatLatency(r.latencyMs),
    route: r.route ?? '',
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

/**
 * The arguments a CodeLens of the bridge may pass to `devtools.showRecentRequests`:
 * `[{ method, route }]`, `['GET', '/orders/{id}']`, or nothing. Anything else is ignored.
 */
export function recentRequestsFilter(args: readonly unknown[]): { method?: string; route?: string } {
  const [a, b] = args;
  if (a && typeof a === 'object') {
    const o = a as Record<string, unknown>;
    return {
      method: typeof o.method === 'string' ? o.method : undefined,
      route: typeof o.route === 'string' ? o.route : undefined,
    };
  }
  if (typeof a === 'string' && typeof b === 'string') return { method: a, route: b };
  if (typeof a === 'string') return { route: a };
  return {};
}

/** What `devtools/connectAgent` takes as `address`: `unix:PATH`, an absolute socket path, or `tcp:HOST:PORT`. */
export function isAgentAddress(v: string): boolean {
  const a = v.trim();
  return /^unix:\S+$/.test(a) || /^\/\S+$/.test(a) || /^tcp:[^:\s]+:\d{1,5}$/.test(a);
}
