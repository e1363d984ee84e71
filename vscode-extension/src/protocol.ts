// Types and method names of the custom part of the bridge protocol
// (docs/editor-protocol.md). Plain types only: this module is shared by the
// extension, the webviews and the unit tests, so it must not import 'vscode'.

/** An LSP location as the bridge sends it. */
export interface LspLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface Target {
  pid: number;
  name: string;
  commandLine: string;
  isDotnet: boolean;
  canAttachWithoutRoot: boolean;
}

export interface AttachState {
  attached: boolean;
  pid?: number;
  processName?: string;
  source?: 'eventpipe' | 'ebpf' | 'agent';
  agent?: string;
  requestsPerSecond: number;
  since?: number;
  error?: string;
  /** A sentence for a status bar or notification ("Attached to dotnet (1234) · 3.2 req/s"). */
  message?: string;
  /** What the capture behind the source lost so far (attached only). */
  losses?: CaptureLosses;
}

/** What a capture lost: only non-zero counters; none for a clean capture. */
export interface CaptureLosses {
  /** Sum of the counters that count things (events, messages, samples, rows). */
  total: number;
  /** Sum of the counters that count bytes. */
  bytes: number;
  counters: LossCounter[];
  /** `process`: the attached process's counters; `node`: a node-wide capture's (an agent with eBPF). */
  scope: 'process' | 'node';
  /** What the source cannot tell, a sentence each. */
  notKnown: string[];
}

/** One loss counter; `label` reads after the value (`12` `http parse errors`). */
export interface LossCounter {
  name: string;
  value: number;
  label: string;
  unit: 'count' | 'bytes';
}

export interface EndpointStat {
  method: string;
  route: string;
  count: number;
  requestsPerMinute: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  errorRate: number;
  location?: LspLocation;
}

export interface RequestRow {
  time: number;
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  route?: string;
}

export interface RecentRequestsParams {
  limit?: number;
  route?: string;
  method?: string;
  slowestFirst?: boolean;
}

export interface HotFunctionInfo {
  name: string;
  selfPercent: number;
  totalPercent: number;
  location?: LspLocation;
}

/** A sampled line; `line` is 1-based as in `File.cs:LINE`, `location` the workspace file when mapped. */
export interface HotLineInfo {
  file: string;
  line: number;
  percent: number;
  samples: number;
  location?: LspLocation;
}

export interface HotspotsResult {
  totalSamples: number;
  functions: HotFunctionInfo[];
  lines: HotLineInfo[];
}

export interface HotLinesParams {
  uri: string;
  /** 0-based lines with their share of CPU samples in percent. */
  lines: { line: number; percent: number }[];
}

/** The options the extension sends in `initialize` and with every configuration change. */
export interface BridgeOptions {
  sourceRoots: SourceRoot[];
  refreshIntervalMs: number;
}

/** A folder searched by path suffix, or a prefix mapping from PDB paths to local ones. */
export type SourceRoot = string | { from: string; to: string };

export const Methods = {
  listTargets: 'devtools/listTargets',
  attach: 'devtools/attach',
  connectAgent: 'devtools/connectAgent',
  detach: 'devtools/detach',
  state: 'devtools/state',
  endpointStats: 'devtools/endpointStats',
  recentRequests: 'devtools/recentRequests',
  hotspots: 'devtools/hotspots',
  flameGraph: 'devtools/flameGraph',
  stateChanged: 'devtools/stateChanged',
  hotLines: 'devtools/hotLines',
} as const;

/** Commands the extension implements itself, even when the bridge lists them in
 * `executeCommandProvider.commands` (lenses of the bridge invoke them). */
export const ClientCommands = {
  attach: 'devtools.attach',
  connectAgent: 'devtools.connectAgent',
  detach: 'devtools.detach',
  showFlameGraph: 'devtools.showFlameGraph',
  showRecentRequests: 'devtools.showRecentRequests',
  restartBridge: 'devtools.restartBridge',
  showOutput: 'devtools.showOutput',
  statusMenu: 'devtools.statusMenu',
  openLocation: 'devtools.openLocation',
} as const;
