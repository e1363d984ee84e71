// Hot lines in the editor, from `devtools/hotLines`: a whole-line background and
// a gutter bar whose strength grows with the line's CPU share, a mark in the
// overview ruler, and "▮ 8.1%" after the line's text.
import * as vscode from 'vscode';
import { groupByLevel, heatBackground, heatGutterSvg, heatLevel, HEAT_LEVELS, HotLine, hotLineLabel, normalizeHotLines } from './hotLines';
import type { HotLinesParams } from './protocol';

export class HotLineDecorations implements vscode.Disposable {
  /** One decoration type per heat level (types are costly; levels are few). */
  private readonly types: vscode.TextEditorDecorationType[];
  /** Latest hot lines per document URI (string form, as vscode.Uri#toString gives it). */
  private readonly byUri = new Map<string, HotLine[]>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.types = Array.from({ length: HEAT_LEVELS }, (_, level) =>
      vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: heatBackground(level),
        overviewRulerColor: heatBackground(Math.min(HEAT_LEVELS - 1, level + 2)),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        gutterIconPath: vscode.Uri.parse(heatGutterSvg(level)),
        gutterIconSize: 'contain',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        after: {
          color: new vscode.ThemeColor('devtools.hotLineForeground'),
          margin: '0 0 0 2em',
          fontStyle: 'normal',
        },
      }));
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(e => this.apply(e))),
      vscode.workspace.onDidCloseTextDocument(doc => this.byUri.delete(doc.uri.toString())),
    );
  }

  /** A `devtools/hotLines` notification: replaces that document's hot lines. */
  update(params: HotLinesParams): void {
    let key: string;
    try {
      key = vscode.Uri.parse(params.uri).toString();
    } catch {
      return;
    }
    if (params.lines.length === 0) this.byUri.delete(key);
    else this.byUri.set(key, params.lines);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === key) this.apply(editor);
    }
  }

  /**
   * Hot lines from a `devtools/hotspots` answer: fills documents that no
   * `devtools/hotLines` notification has covered yet (those are fresher).
   */
  seed(all: readonly HotLinesParams[]): void {
    for (const p of all) {
      let key: string;
      try {
        key = vscode.Uri.parse(p.uri).toString();
      } catch {
        continue;
      }
      if (!this.byUri.has(key) && p.lines.length > 0) this.update(p);
    }
  }

  /** Documents shown now that have no hot lines yet (candidates for a `devtools/hotspots` fetch). */
  hasUndecoratedVisibleCSharp(): boolean {
    return vscode.window.visibleTextEditors.some(e => e.document.languageId === 'csharp' && !this.byUri.has(e.document.uri.toString()));
  }

  /** Detached or the bridge stopped: nothing is hot any more. */
  clear(): void {
    this.byUri.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      for (const t of this.types) editor.setDecorations(t, []);
    }
  }

  /** Whether the decorations show a percentage on this line (used to drop duplicate inlay hints). */
  isDecorated(uri: vscode.Uri, line: number): boolean {
    return this.byUri.get(uri.toString())?.some(l => l.line === line && heatLevel(l.percent) >= 0) ?? false;
  }

  private apply(editor: vscode.TextEditor): void {
    const raw = this.byUri.get(editor.document.uri.toString()) ?? [];
    const groups = groupByLevel(normalizeHotLines(raw, editor.document.lineCount));
    groups.forEach((lines, level) => {
      editor.setDecorations(this.types[level], lines.map(l => {
        const end = editor.document.lineAt(l.line).range.end;
        const hover = new vscode.MarkdownString(`**Devtools** · ${hotLineLabel(l.percent).slice(2)} of CPU samples on this line`);
        return {
          range: new vscode.Range(end, end),
          hoverMessage: hover,
          renderOptions: { after: { contentText: hotLineLabel(l.percent) } },
        };
      }));
    });
  }

  dispose(): void {
    for (const t of this.types) t.dispose();
    for (const d of this.subscriptions) d.dispose();
    this.byUri.clear();
  }
}
