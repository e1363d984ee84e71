// The attach/detach commands and the status bar that shows what is attached.
import * as os from 'os';
import * as vscode from 'vscode';
import { Bridge, BridgeNotRunningError } from './bridge';
import { isAgentAddress, statusView, targetDisplayName, targetItems, TargetItem } from './format';
import { AttachState, ClientCommands, Methods, Target } from './protocol';

interface TargetPickItem extends vscode.QuickPickItem {
  pid: number;
}

/** What the user last attached to, for "Re-attach". */
type LastTarget =
  | { kind: 'process'; pid: number; name?: string }
  | { kind: 'agent'; address: string; tokenFile?: string };

export class AttachController implements vscode.Disposable {
  private state: AttachState | undefined;
  private last: LastTarget | undefined;
  /** Display names of the processes last listed (`dotnet App.dll` → App), by pid. */
  private readonly names = new Map<number, string>();
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly detachedEmitter = new vscode.EventEmitter<void>();
  /** Fired when the target is gone (detach, exit, bridge stop). */
  readonly onDidDetach = this.detachedEmitter.event;

  constructor(
    private readonly bridge: Bridge,
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
  ) {
    this.item = vscode.window.createStatusBarItem('devtools.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Devtools';
    this.item.command = ClientCommands.statusMenu;
    this.render();
    this.item.show();
    this.subscriptions.push(
      this.item,
      this.detachedEmitter,
      bridge.onDidChangeStatus(() => this.render()),
      bridge.onDidChangeState(s => this.onState(s)),
    );
  }

  get attachState(): AttachState | undefined {
    return this.state;
  }

  private onState(next: AttachState): void {
    if (next.pid !== undefined && this.names.has(next.pid)) next = { ...next, processName: this.names.get(next.pid) };
    const prev = this.state;
    this.state = next;
    void vscode.commands.executeCommand('setContext', 'devtools.attached', next.attached);
    this.render();
    if (!next.attached) this.detachedEmitter.fire();
    // The target went away under us: say it plainly, once, and offer to re-attach.
    if (prev?.attached && !next.attached && next.error && next.error !== 'the bridge exited') {
      const who = prev.processName ? `${prev.processName} (pid ${prev.pid})` : prev.agent ?? `pid ${prev.pid}`;
      this.output.appendLine(`detached from ${who}: ${next.error}`);
      void vscode.window.showWarningMessage(`Devtools: detached from ${who}: ${next.error}.`, 'Re-attach')
        .then(a => { if (a === 'Re-attach') void this.reattach(); });
    }
  }

  private render(): void {
    const view = statusView(this.bridge.status, this.state);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  /** Devtools: Attach to Process… */
  async attach(): Promise<void> {
    const pick = vscode.window.createQuickPick<TargetPickItem>();
    pick.title = 'Devtools: Attach to Process';
    pick.placeholder = 'Pick a process (type a name or pid). .NET processes you own attach without root.';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.busy = true;
    pick.show();
    const chosen = new Promise<TargetPickItem | undefined>(resolve => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]));
      pick.onDidHide(() => resolve(undefined));
    });
    try {
      const { targets } = await this.bridge.request<{ targets: Target[] }>(Methods.listTargets, {});
      this.remember(targets);
      pick.items = targetItems(targets, this.state?.attached ? this.state.pid : undefined).map(toPickItem);
      if (targets.length === 0) pick.placeholder = 'No processes to attach to.';
    } catch (e) {
      pick.hide();
      await this.showError('could not list processes', e);
      return;
    } finally {
      pick.busy = false;
    }
    const item = await chosen;
    pick.dispose();
    if (!item) return;
    await this.attachTo(item.pid, item.label.replace(/^\$\([^)]*\)\s*/, ''));
  }

  private async attachTo(pid: number, name?: string): Promise<void> {
    this.last = { kind: 'process', pid, name };
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Devtools: attaching to ${name ?? 'pid'} (${pid})…` },
      async () => {
        try {
          const state = await this.bridge.requestState(Methods.attach, { pid, mode: 'auto' });
          if (!state.attached) {
            await this.showError(`could not attach to ${name ?? 'pid'} ${pid}`, state.error ?? 'the bridge did not say why');
          } else {
            this.output.appendLine(`attached to ${state.processName ?? name} (pid ${pid}) via ${state.source ?? '?'}`);
          }
        } catch (e) {
          await this.showError(`could not attach to ${name ?? 'pid'} ${pid}`, e);
        }
      });
  }

  private remember(targets: readonly Target[]): void {
    this.names.clear();
    for (const t of targets) this.names.set(t.pid, targetDisplayName(t));
  }

  /** Devtools: Connect to Agent… */
  async connectAgent(): Promise<void> {
    const lastAgent = this.context.globalState.get<{ address: string; tokenFile?: string }>('devtools.lastAgent');
    // the agent's default socket: /run/devtools as root, ~/.devtools otherwise
    const defaultAddress = process.getuid?.() === 0 ? 'unix:/run/devtools/agent.sock' : `unix:${os.homedir()}/.devtools/agent.sock`;
    const address = await vscode.window.showInputBox({
      title: 'Devtools: Connect to Agent (1/2)',
      prompt: 'Address of a running `devtools agent`',
      placeHolder: 'unix:/run/devtools/agent.sock, /path/agent.sock or tcp:127.0.0.1:PORT',
      value: lastAgent?.address ?? defaultAddress,
      ignoreFocusOut: true,
      validateInput: v => isAgentAddress(v) ? undefined : 'Use unix:PATH, an absolute socket path or tcp:HOST:PORT',
    });
    if (!address) return;
    const tokenFile = await vscode.window.showInputBox({
      title: 'Devtools: Connect to Agent (2/2)',
      prompt: 'Token file of the agent (its --token-file). Empty: the one next to its socket (agent.token)',
      placeHolder: '/run/devtools/agent.token',
      value: lastAgent?.tokenFile ?? '',
      ignoreFocusOut: true,
    });
    if (tokenFile === undefined) return;
    await this.connectTo(address.trim(), tokenFile.trim() || undefined);
  }

  private async connectTo(address: string, tokenFile?: string): Promise<void> {
    this.last = { kind: 'agent', address, tokenFile };
    await this.context.globalState.update('devtools.lastAgent', { address, tokenFile });
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Devtools: connecting to ${address}…` },
      async () => {
        try {
          const state = await this.bridge.requestState(Methods.connectAgent, tokenFile ? { address, tokenFile } : { address });
          if (!state.attached) await this.showError(`could not connect to ${address}`, state.error ?? 'the bridge did not say why');
        } catch (e) {
          await this.showError(`could not connect to ${address}`, e);
        }
      });
  }

  /** Devtools: Detach */
  async detach(): Promise<void> {
    if (!this.bridge.isRunning) {
      this.onState({ attached: false, requestsPerSecond: 0 });
      return;
    }
    try {
      await this.bridge.requestState(Methods.detach, {});
    } catch (e) {
      await this.showError('could not detach', e);
    }
  }

  /** After the target exited: the same process if it is back under a new pid, else the picker. */
  async reattach(): Promise<void> {
    const last = this.last;
    if (last?.kind === 'agent') {
      await this.connectTo(last.address, last.tokenFile);
      return;
    }
    if (last?.kind === 'process' && last.name) {
      try {
        const { targets } = await this.bridge.request<{ targets: Target[] }>(Methods.listTargets, {});
        this.remember(targets);
        const same = targets.filter(t => targetDisplayName(t) === last.name);
        if (same.length === 1) {
          await this.attachTo(same[0].pid, targetDisplayName(same[0]));
          return;
        }
      } catch {
        // fall through to the picker, which reports errors itself
      }
    }
    await this.attach();
  }

  /** The status bar item's menu. */
  async statusMenu(): Promise<void> {
    type Entry = vscode.QuickPickItem & { run: () => unknown };
    const entries: Entry[] = [];
    if (!this.bridge.isRunning && this.bridge.status !== 'starting') {
      entries.push({ label: '$(debug-restart) Restart Bridge', run: () => this.bridge.restart() });
    }
    if (this.state?.attached) {
      const who = this.state.processName ?? this.state.agent ?? `pid ${this.state.pid}`;
      entries.push(
        { label: '$(debug-disconnect) Detach', description: who, run: () => this.detach() },
        { label: '$(flame) Show Flame Graph', run: () => vscode.commands.executeCommand(ClientCommands.showFlameGraph) },
        { label: '$(list-unordered) Show Recent Requests', run: () => vscode.commands.executeCommand(ClientCommands.showRecentRequests) },
      );
    }
    entries.push(
      { label: '$(debug-alt) Attach to Process…', run: () => this.attach() },
      { label: '$(remote) Connect to Agent…', run: () => this.connectAgent() },
      { label: '$(output) Show Output', run: () => this.output.show(true) },
    );
    const chosen = await vscode.window.showQuickPick(entries, { title: 'Devtools', placeHolder: this.item.tooltip as string });
    if (chosen) await chosen.run();
  }

  private async showError(what: string, e: unknown): Promise<void> {
    const reason = e instanceof Error ? e.message : String(e);
    this.output.appendLine(`${what}: ${reason}`);
    const actions = e instanceof BridgeNotRunningError ? ['Restart Bridge', 'Show Output'] : ['Show Output'];
    const action = await vscode.window.showErrorMessage(`Devtools: ${what}: ${reason}`, ...actions);
    if (action === 'Restart Bridge') await this.bridge.restart();
    else if (action === 'Show Output') this.output.show(true);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}

function toPickItem(t: TargetItem): TargetPickItem {
  return { label: t.label, description: t.description, detail: t.detail, pid: t.pid };
}
