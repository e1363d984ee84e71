// Devtools for VS Code: starts the bridge (`devtools lsp`), whose CodeLens,
// inlay hints and hovers the language client shows as they are; adds the
// attach/detach commands, the status bar item, hot-line decorations and the
// flame graph / recent requests webviews on top of its custom methods.
import * as vscode from 'vscode';
import { AttachController } from './attach';
import { Bridge } from './bridge';
import { HotLineDecorations } from './hotLineDecorations';
import { FlameGraphPanel, openLocation, RecentRequestsPanel } from './panels';
import { hotLinesFromHotspots } from './hotLines';
import { ClientCommands, HotspotsResult, Methods } from './protocol';

let bridge: Bridge | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Devtools');
  context.subscriptions.push(output);

  bridge = new Bridge(context, output);
  const b = bridge;
  const attach = new AttachController(b, context, output);
  const hotLines = new HotLineDecorations();
  const flameGraph = new FlameGraphPanel(context, b, output);
  const requests = new RecentRequestsPanel(context, b, output);
  context.subscriptions.push(b, attach, hotLines, flameGraph, requests);

  // Hot lines: decorations follow the notifications; they vanish with the target.
  context.subscriptions.push(
    b.onHotLines(p => hotLines.update(p)),
    attach.onDidDetach(() => hotLines.clear()),
    b.onDidChangeStatus(s => { if (s !== 'running') hotLines.clear(); }),
  );
  // ... and are seeded from devtools/hotspots on attach and when a C# editor without
  // any comes into view (the notifications only come when a document's lines change).
  let seeding = false;
  let lastSeed = 0;
  const seedFromHotspots = async () => {
    if (seeding || !attach.attachState?.attached || !b.isRunning || !hotLines.hasUndecoratedVisibleCSharp()) return;
    if (Date.now() - lastSeed < 5000) return; // state notifications come every second
    seeding = true;
    lastSeed = Date.now();
    try {
      hotLines.seed(hotLinesFromHotspots(await b.request<HotspotsResult>(Methods.hotspots, { limit: 500 })));
    } catch (e) {
      output.appendLine(`devtools/hotspots failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      seeding = false;
    }
  };
  context.subscriptions.push(
    vscode.window.onDidChangeVisibleTextEditors(() => void seedFromHotspots()),
    b.onDidChangeState(s => { if (s.attached) void seedFromHotspots(); }),
  );
  // The decorations already show "▮ 8.1%": drop the bridge's inlay hint for the same line.
  b.inlayHintFilter = (uri, line, label) => label.trimStart().startsWith('▮') && hotLines.isDecorated(uri, line);

  const register = (id: string, fn: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  register(ClientCommands.attach, () => attach.attach());
  register(ClientCommands.connectAgent, () => attach.connectAgent());
  register(ClientCommands.detach, () => attach.detach());
  register(ClientCommands.statusMenu, () => attach.statusMenu());
  register(ClientCommands.showFlameGraph, () => flameGraph.show());
  register(ClientCommands.showRecentRequests, (...args) => requests.show(...args));
  register(ClientCommands.restartBridge, () => b.restart());
  register(ClientCommands.showOutput, () => output.show(true));
  register(ClientCommands.openLocation, (file, line) => openLocation(file, line));

  output.appendLine(`Devtools ${context.extension.packageJSON.version as string} activated`);
  // Start in the background: activation must not wait for the bridge.
  void b.start();
}

export async function deactivate(): Promise<void> {
  await bridge?.stop();
  bridge = undefined;
}
