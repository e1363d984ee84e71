// Where the bridge is and how to start it. Pure (the file system is passed in),
// so the unit tests cover every branch.
import * as path from 'path';
import type { SourceRoot } from './protocol';

export interface BridgeCommand {
  command: string;
  args: string[];
  /** Where it came from, for the output channel and error messages. */
  origin: 'setting' | 'bundled' | 'path' | 'workspace';
}

export interface ResolveInput {
  /** `devtools.bridgePath` (may be empty). */
  configured: string;
  extensionPath: string;
  workspaceFolders: readonly string[];
  /** The PATH environment variable. */
  envPath: string;
  home: string;
  isFile: (p: string) => boolean;
}

/** `dotnet x.dll lsp` for an assembly, `x lsp` for anything else. */
function commandFor(file: string, origin: BridgeCommand['origin']): BridgeCommand {
  return file.toLowerCase().endsWith('.dll')
    ? { command: 'dotnet', args: [file, 'lsp'], origin }
    : { command: file, args: ['lsp'], origin };
}

/**
 * The bridge to run, in order: the `devtools.bridgePath` setting; the bridge
 * bundled in the extension (server/devtools.dll); `devtools` on PATH; a
 * `devtools` script at the root of a workspace folder or one of its parents
 * (the repository's ./devtools). undefined when there is none.
 */
export function resolveBridge(input: ResolveInput): BridgeCommand | undefined {
  const configured = input.configured.trim();
  if (configured) {
    return commandFor(expandHome(configured, input.home), 'setting');
  }
  const bundled = path.join(input.extensionPath, 'server', 'devtools.dll');
  if (input.isFile(bundled)) return commandFor(bundled, 'bundled');

  for (const dir of input.envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'devtools');
    if (input.isFile(candidate)) return commandFor(candidate, 'path');
  }
  for (const folder of input.workspaceFolders) {
    for (let dir = folder; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'devtools');
      if (input.isFile(candidate)) return commandFor(candidate, 'workspace');
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

export function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return p;
}

/**
 * Expands `${workspaceFolder}` (the first folder), `${workspaceFolder:name}` and `~`
 * in the `devtools.sourceRoots` entries, drops malformed ones and makes relative
 * paths absolute against the first workspace folder.
 */
export function expandSourceRoots(
  raw: unknown,
  folders: readonly { name: string; path: string }[],
  home: string,
): SourceRoot[] {
  if (!Array.isArray(raw)) return [];
  const first = folders[0]?.path;
  const expand = (s: string): string | undefined => {
    let unresolved = false;
    let out = s.replace(/\$\{workspaceFolder(?::([^}]+))?\}/g, (_m, name: string | undefined) => {
      const f = name ? folders.find(x => x.name === name)?.path : first;
      if (f === undefined) unresolved = true;
      return f ?? '';
    });
    if (unresolved) return undefined;
    out = expandHome(out, home);
    if (!path.isAbsolute(out)) {
      if (!first) return undefined;
      out = path.join(first, out);
    }
    return path.normalize(out);
  };
  const result: SourceRoot[] = [];
  for (const entry of raw) {
    if (typeof entry === 'string') {
      const e = expand(entry);
      if (e) result.push(e);
    } else if (entry && typeof entry === 'object') {
      const { from, to } = entry as { from?: unknown; to?: unknown };
      if (typeof from !== 'string' || typeof to !== 'string' || !from) continue;
      const t = expand(to);
      if (t) result.push({ from, to: t });
    }
  }
  return result;
}
