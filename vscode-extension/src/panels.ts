// The two webviews: the flame graph (speedscope JSON from `devtools/flameGraph`,
// laid out and drawn as SVG inside the webview by dist/webview/flamegraph.js) and
// the table of recent requests. Both are offline: strict CSP, local scripts only.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { Bridge } from './bridge';
import { recentRequestsFilter } from './format';
import { ClientCommands, Methods, RecentRequestsParams, RequestRow } from './protocol';
import { makeNonce, webviewHtml } from './webviewHtml';

/** Messages from the webviews. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'open'; file: string; line?: number }
  | { type: 'options'; slowestFirst?: boolean; auto?: boolean };

abstract class Panel implements vscode.Disposable {
  protected panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    protected readonly context: vscode.ExtensionContext,
    protected readonly bridge: Bridge,
    protected readonly output: vscode.OutputChannel,
    private readonly viewType: string,
    private readonly title: string,
    private readonly script: string,
    private readonly body: string,
  ) {}

  /** Opens (or reveals) the panel; the first load waits for the webview's "ready". */
  protected reveal(title = this.title): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(undefined, false);
      return this.panel;
    }
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview');
    // the title goes in at creation: a title set right after it may be lost (seen in code-server)
    const panel = vscode.window.createWebviewPanel(this.viewType, title, vscode.ViewColumn.Beside, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [media, dist],
      retainContextWhenHidden: true,
    });
    const webview = panel.webview;
    webview.html = webviewHtml({
      title: this.title,
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, this.script)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.css')).toString(),
      body: this.body,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      panel.onDidDispose(() => this.onDisposed()),
    );
    this.panel = panel;
    return panel;
  }

  protected post(message: unknown): void {
    void this.panel?.webview.postMessage(message);
  }

  protected abstract onMessage(m: FromWebview): void;

  protected onDisposed(): void {
    this.panel = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

export class FlameGraphPanel extends Panel {
  private loading = false;

  constructor(context: vscode.ExtensionContext, bridge: Bridge, output: vscode.OutputChannel) {
    super(context, bridge, output, 'devtools.flameGraph', 'Devtools: Flame Graph', 'flamegraph.js',
      `<header class="toolbar">
  <button id="refresh" title="Fetch the current profile">Refresh</button>
  <button id="reset" title="Show the whole profile">Reset zoom</button>
  <input id="search" type="search" placeholder="Highlight frames…" aria-label="Highlight frames">
  <span id="summary" class="summary">Loading…</span>
</header>
<div id="crumbs" class="crumbs"></div>
<div id="graph" class="graph" role="img" aria-label="Flame graph"></div>
<div id="tooltip" class="tooltip" hidden></div>
<h2>Hottest frames (self)</h2>
<table id="top" class="table"><thead><tr><th>Frame</th><th>Self</th><th>%</th><th>Source</th></tr></thead><tbody></tbody></table>`);
  }

  /** Devtools: Show Flame Graph */
  show(): void {
    const first = !this.panel;
    this.reveal();
    if (!first) void this.load();
    // else: loaded on the webview's "ready"
  }

  protected onMessage(m: FromWebview): void {
    if (m.type === 'ready' || m.type === 'refresh') void this.load();
    else if (m.type === 'open') void openLocation(m.file, m.line);
  }

  private async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    try {
      const { speedscope } = await this.bridge.request<{ speedscope: unknown }>(Methods.flameGraph, {});
      this.post({ type: 'profile', speedscope });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.output.appendLine(`devtools/flameGraph failed: ${message}`);
      this.post({ type: 'error', message });
    } finally {
      this.loading = false;
    }
  }
}

export class RecentRequestsPanel extends Panel {
  private filter: RecentRequestsParams = {};
  private slowestFirst = false;
  private auto = true;
  private timer: ReturnType<typeof setInterval> | undefined;
  private inFlight = false;

  constructor(context: vscode.ExtensionContext, bridge: Bridge, output: vscode.OutputChannel) {
    super(context, bridge, output, 'devtools.recentRequests', 'Devtools: Recent Requests', 'requests.js',
      `<header class="toolbar">
  <button id="refresh">Refresh</button>
  <label><input id="slowest" type="checkbox"> Slowest first</label>
  <label><input id="auto" type="checkbox" checked> Live</label>
  <span id="summary" class="summary">Loading…</span>
</header>
<table id="requests" class="table"><thead><tr><th>Time</th><th>Method</th><th>Path</th><th>Status</th><th class="num">Latency</th><th>Route</th></tr></thead><tbody></tbody></table>`);
  }

  /** Devtools: Show Recent Requests [{ method, route }] */
  show(...args: unknown[]): void {
    const f = recentRequestsFilter(args);
    this.filter = { method: f.method, route: f.route };
    // From a lens: the slowest of that endpoint are what one wants to see.
    if (f.route) this.slowestFirst = true;
    const first = !this.panel;
    this.reveal(f.route ? `Requests: ${f.method ? `${f.method} ` : ''}${f.route}` : 'Devtools: Recent Requests');
    this.startTimer();
    if (!first) void this.load();
  }

  protected onMessage(m: FromWebview): void {
    if (m.type === 'ready' || m.type === 'refresh') void this.load();
    else if (m.type === 'options') {
      if (m.slowestFirst !== undefined) this.slowestFirst = m.slowestFirst;
      if (m.auto !== undefined) this.auto = m.auto;
      void this.load();
    }
  }

  private startTimer(): void {
    if (this.timer) return;
    const interval = Math.max(1000, vscode.workspace.getConfiguration('devtools').get<number>('refreshIntervalMs', 1000)) * 2;
    this.timer = setInterval(() => {
      if (this.auto && this.panel?.visible && this.bridge.isRunning) void this.load();
    }, interval);
  }

  private async load(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      const params: RecentRequestsParams = { limit: 200, slowestFirst: this.slowestFirst };
      if (this.filter.route) params.route = this.filter.route;
      if (this.filter.method) params.method = this.filter.method;
      const { requests } = await this.bridge.request<{ requests: RequestRow[] }>(Methods.recentRequests, params);
      this.post({ type: 'requests', requests, filter: this.filter, slowestFirst: this.slowestFirst, auto: this.auto });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.output.appendLine(`devtools/recentRequests failed: ${message}`);
      this.post({ type: 'error', message });
    } finally {
      this.inFlight = false;
    }
  }

  protected onDisposed(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    super.onDisposed();
  }
}

/**
 * Opens a source location: `devtools.openLocation(fileOrUri, line1Based?)`, also
 * used by the flame graph. Paths that do not exist locally are reported, not guessed.
 */
export async function openLocation(fileOrUri: unknown, line?: unknown): Promise<void> {
  if (typeof fileOrUri !== 'string' || !fileOrUri) return;
  const uri = /^[a-z][a-z0-9+.-]+:\/\//i.test(fileOrUri) ? vscode.Uri.parse(fileOrUri) : vscode.Uri.file(fileOrUri);
  if (uri.scheme === 'file' && !fs.existsSync(uri.fsPath)) {
    void vscode.window.showInformationMessage(`Devtools: ${uri.fsPath} is not on this machine. Map it with "devtools.sourceRoots".`);
    return;
  }
  const l = typeof line === 'number' && line > 0 ? line - 1 : 0;
  const editor = await vscode.window.showTextDocument(uri, { preview: true, viewColumn: vscode.ViewColumn.One });
  const pos = new vscode.Position(Math.min(l, editor.document.lineCount - 1), 0);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export const openLocationCommand = ClientCommands.openLocation;
