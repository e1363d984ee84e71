// The language client that runs `devtools lsp` over stdio, and what the rest of
// the extension needs from it: requests, the state/hot-line notifications, and
// plain messages when it stops. It never restarts by itself: a bridge that
// crashes at start would otherwise crash in a loop; the user gets a
// notification with "Restart Bridge" instead.
import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import {
  CloseAction,
  CodeLensRefreshRequest,
  CodeLensRequest,
  ErrorAction,
  ExecuteCommandRequest,
  InlayHintRefreshRequest,
  InlayHintRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { BridgeCommand, expandSourceRoots, resolveBridge } from './bridgePath';
import { BridgeStatus, lossSummary } from './format';
import { AttachState, BridgeOptions, ClientCommands, HotLinesParams, Methods } from './protocol';
import { RefreshGate } from './refreshGate';

export class BridgeNotRunningError extends Error {
  constructor() {
    super('the Devtools bridge is not running');
  }
}

/** Labels of inlay hints that the hot-line decorations already show. */
export type InlayHintFilter = (uri: vscode.Uri, line: number, label: string) => boolean;

export class Bridge implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private generation = 0;
  private currentStatus: BridgeStatus = 'stopped';
  private readonly subscriptions: vscode.Disposable[] = [];

  private readonly statusEmitter = new vscode.EventEmitter<BridgeStatus>();
  private readonly stateEmitter = new vscode.EventEmitter<AttachState>();
  private readonly hotLinesEmitter = new vscode.EventEmitter<HotLinesParams>();
  /** The bridge process started, stopped or failed. */
  readonly onDidChangeStatus = this.statusEmitter.event;
  /** `devtools/stateChanged` (and the answers to attach/detach/state). */
  readonly onDidChangeState = this.stateEmitter.event;
  /** `devtools/hotLines`. */
  readonly onHotLines = this.hotLinesEmitter.event;

  /** Drops inlay hints that decorations already show (set by the extension). */
  inlayHintFilter: InlayHintFilter | undefined;

  /** The last state the bridge sent: its losses go into the lenses' tooltips. */
  private lastState: AttachState | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
  ) {
    this.subscriptions.push(this.statusEmitter, this.stateEmitter, this.hotLinesEmitter);
    this.subscriptions.push(this.stateEmitter.event(s => { this.lastState = s; }));
    // sourceRoots and refreshIntervalMs also reach a running bridge through
    // workspace/didChangeConfiguration (synchronize.configurationSection);
    // log it so a user can see the new values were taken.
    this.subscriptions.push(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('devtools.bridgePath') && this.client) {
        void vscode.window.showInformationMessage(
          'Devtools: the bridge path changed. Restart the bridge to use it.', 'Restart Bridge')
          .then(a => { if (a) void this.restart(); });
      } else if (e.affectsConfiguration('devtools.sourceRoots') || e.affectsConfiguration('devtools.refreshIntervalMs')) {
        this.output.appendLine(`settings changed: ${JSON.stringify(this.options())}`);
      }
    }));
  }

  get status(): BridgeStatus {
    return this.currentStatus;
  }

  get isRunning(): boolean {
    return this.currentStatus === 'running' && !!this.client;
  }

  private setStatus(s: BridgeStatus): void {
    if (s === this.currentStatus) return;
    this.currentStatus = s;
    this.statusEmitter.fire(s);
  }

  /** The options sent in `initialize` and with every configuration change. */
  options(): BridgeOptions {
    const cfg = vscode.workspace.getConfiguration('devtools');
    const folders = (vscode.workspace.workspaceFolders ?? [])
      .filter(f => f.uri.scheme === 'file')
      .map(f => ({ name: f.name, path: f.uri.fsPath }));
    return {
      sourceRoots: expandSourceRoots(cfg.get('sourceRoots'), folders, os.homedir()),
      refreshIntervalMs: Math.max(200, cfg.get<number>('refreshIntervalMs', 1000)),
    };
  }

  private resolveCommand(): BridgeCommand | undefined {
    return resolveBridge({
      configured: vscode.workspace.getConfiguration('devtools').get<string>('bridgePath', ''),
      extensionPath: this.context.extensionPath,
      workspaceFolders: (vscode.workspace.workspaceFolders ?? [])
        .filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath),
      envPath: process.env.PATH ?? '',
      home: os.homedir(),
      isFile: p => {
        try {
          return fs.statSync(p).isFile();
        } catch {
          return false;
        }
      },
    });
  }

  /** Starts the bridge unless it runs or is starting; resolves once it is initialised (or failed). */
  start(): Promise<void> {
    if (this.client && this.currentStatus === 'running') return Promise.resolve();
    if (!this.starting) {
      this.starting = this.doStart().finally(() => { this.starting = undefined; });
    }
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const generation = ++this.generation;
    const bridge = this.resolveCommand();
    if (!bridge) {
      this.setStatus('failed');
      this.output.appendLine('no bridge found: set devtools.bridgePath, or put `devtools` on PATH');
      const action = await vscode.window.showErrorMessage(
        'Devtools: the bridge (`devtools lsp`) was not found. Set "devtools.bridgePath" or put `devtools` on PATH.',
        'Open Settings', 'Show Output');
      if (action === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'devtools.bridgePath');
      if (action === 'Show Output') this.output.show(true);
      return;
    }
    this.setStatus('starting');
    const cwd = vscode.workspace.workspaceFolders?.find(f => f.uri.scheme === 'file')?.uri.fsPath ?? os.homedir();
    this.output.appendLine(`starting the bridge (${bridge.origin}): ${[bridge.command, ...bridge.args].join(' ')}`);

    const serverOptions: ServerOptions = {
      command: bridge.command,
      args: bridge.args,
      transport: TransportKind.stdio,
      options: { cwd, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } },
    };
    let closedNotified = false;
    // Paced refreshes (see refreshGate.ts); the events are fired on the client's own providers.
    let client: LanguageClient | undefined;
    const lensGate = new RefreshGate(() => {
      const f = client?.getFeature(CodeLensRequest.method);
      for (const p of providersOf(d => f?.getProvider(d))) p.onDidChangeCodeLensEmitter.fire();
    });
    const hintGate = new RefreshGate(() => {
      const f = client?.getFeature(InlayHintRequest.method);
      for (const p of providersOf(d => f?.getProvider(d))) p.onDidChangeInlayHints.fire();
    });
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: 'csharp', scheme: 'file' },
        { language: 'csharp', scheme: 'untitled' },
      ],
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: () => this.options(),
      synchronize: {
        configurationSection: 'devtools',
        fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{cs,csproj}'),
      },
      // Hovers of the bridge may link to these commands; no others run from markdown.
      markdown: {
        isTrusted: { enabledCommands: [ClientCommands.showRecentRequests, ClientCommands.showFlameGraph, ClientCommands.openLocation, ClientCommands.attach] },
        supportHtml: false,
      },
      connectionOptions: { maxRestartCount: 0 },
      errorHandler: {
        // A malformed message: log it and go on; the bridge is still there.
        error: (error, _message, count) => {
          this.output.appendLine(`bridge connection error (${count ?? 1}): ${error.message}`);
          return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
        },
        // The bridge exited: say so once, never restart on our own.
        closed: () => {
          if (generation === this.generation && !closedNotified && this.currentStatus !== 'stopped') {
            closedNotified = true;
            this.onBridgeExited();
          }
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
      middleware: {
        provideCodeLenses: async (document, token, next) => {
          lensGate.consumed();
          const lenses = await next(document, token);
          // Numbers built from a capture that lost data say so (LSP 3.17 lenses carry no tooltip).
          const lost = this.lastState?.attached ? lossSummary(this.lastState.losses) : undefined;
          if (lost && lenses) {
            for (const lens of lenses) {
              if (lens.command?.title) lens.command.tooltip = `⚠ ${lost}`;
            }
          }
          return lenses;
        },
        provideInlayHints: async (document, range, token, next) => {
          hintGate.consumed();
          const hints = await next(document, range, token);
          const filter = this.inlayHintFilter;
          if (!hints || !filter) return hints;
          return hints.filter(h => !filter(document.uri, h.position.line, hintLabel(h)));
        },
      },
    };

    client = new LanguageClient('devtools', 'Devtools', serverOptions, clientOptions);
    this.client = client;
    this.claimOwnCommands(client);
    client.onDidChangeState(e => {
      if (generation !== this.generation) return;
      if (e.newState === State.Running) this.setStatus('running');
      else if (e.newState === State.Stopped && this.currentStatus === 'running') this.setStatus('stopped');
    });
    try {
      await client.start();
    } catch (e) {
      if (generation !== this.generation) return;
      this.client = undefined;
      this.setStatus('failed');
      const reason = e instanceof Error ? e.message : String(e);
      this.output.appendLine(`the bridge did not start: ${reason}`);
      if (!closedNotified) {
        closedNotified = true;
        void this.offerRestart(`Devtools: the bridge did not start (${bridge.command} ${bridge.args.join(' ')}): ${reason}`);
      }
      return;
    }
    if (generation !== this.generation) return;
    // start() also resolves when the bridge exited during initialize (the closed
    // handler has told the user already): that is a failed start, not a running bridge.
    if (closedNotified || !client.isRunning()) {
      if (this.client === client) this.client = undefined;
      this.setStatus('failed');
      return;
    }
    // replaces the language client's own handlers, which fire on every refresh
    client.onRequest(CodeLensRefreshRequest.type, () => { lensGate.request(); });
    client.onRequest(InlayHintRefreshRequest.type, () => { hintGate.request(); });
    this.subscriptions.push(
      client.onNotification(Methods.stateChanged, (s: AttachState) => this.stateEmitter.fire(s)),
      client.onNotification(Methods.hotLines, (p: HotLinesParams) => this.hotLinesEmitter.fire(p)),
    );
    this.setStatus('running');
    try {
      this.stateEmitter.fire(await client.sendRequest<AttachState>(Methods.state, {}));
    } catch (e) {
      this.output.appendLine(`devtools/state failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * The bridge may list commands in `executeCommandProvider.commands` that this
   * extension implements itself (its lenses invoke them); the language client
   * would register those as forwarding commands and fail on the duplicate. Keep
   * only the ones the extension does not own.
   */
  private claimOwnCommands(client: LanguageClient): void {
    const owned = new Set<string>(Object.values(ClientCommands));
    const feature = client.getFeature(ExecuteCommandRequest.method);
    const register = feature.register.bind(feature);
    feature.register = data => {
      const commands = (data.registerOptions.commands ?? []).filter(c => !owned.has(c));
      register({ ...data, registerOptions: { ...data.registerOptions, commands } });
    };
  }

  private onBridgeExited(): void {
    this.client = undefined;
    this.setStatus('stopped');
    this.output.appendLine('the bridge exited');
    // Whatever it showed is stale now.
    this.stateEmitter.fire({ attached: false, requestsPerSecond: 0, error: 'the bridge exited' });
    void this.offerRestart('Devtools: the bridge stopped, so live data is no longer updated. See the "Devtools" output for why.');
  }

  private async offerRestart(message: string): Promise<void> {
    const action = await vscode.window.showErrorMessage(message, 'Restart Bridge', 'Show Output');
    if (action === 'Restart Bridge') await this.restart();
    else if (action === 'Show Output') this.output.show(true);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.generation++;
    this.client = undefined;
    this.setStatus('stopped');
    if (client) {
      try {
        await client.stop(5000);
      } catch (e) {
        this.output.appendLine(`stopping the bridge: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** A custom request; starts the bridge first when it is not running (once). */
  async request<R>(method: string, params: object, token?: vscode.CancellationToken): Promise<R> {
    if (!this.isRunning) await this.start();
    const client = this.client;
    if (!client || !this.isRunning) throw new BridgeNotRunningError();
    return token ? client.sendRequest<R>(method, params, token) : client.sendRequest<R>(method, params);
  }

  /** The request answers with an AttachState: pass it on as if notified. */
  async requestState(method: string, params: object): Promise<AttachState> {
    const state = await this.request<AttachState>(method, params);
    this.stateEmitter.fire(state);
    return state;
  }

  dispose(): void {
    void this.stop();
    for (const d of this.subscriptions) d.dispose();
  }
}

/** The providers (one per registration) serving the open documents. */
function providersOf<T>(get: (d: vscode.TextDocument) => T | undefined): Set<T> {
  const out = new Set<T>();
  for (const d of vscode.workspace.textDocuments) {
    const p = get(d);
    if (p) out.add(p);
  }
  return out;
}

function hintLabel(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map(p => p.value).join('');
}
