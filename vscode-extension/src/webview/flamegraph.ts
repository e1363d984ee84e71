// Flame graph webview: receives `{type: 'profile', speedscope}` from the
// extension, lays it out (../flamegraph/layout.ts) and draws it as SVG, root at
// the top. Click a frame to zoom into it, click an ancestor bar to zoom out,
// Alt+click (or the table's link) to open its source.
import {
  buildFlameTree,
  FlameNode,
  FlameRect,
  FlameTree,
  formatWeight,
  frameColor,
  layoutFlameGraph,
  parseSpeedscope,
  topFramesBySelf,
} from '../flamegraph/layout';
import { byId, el, host } from './api';

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 18;

const graph = byId<HTMLDivElement>('graph');
const summary = byId<HTMLSpanElement>('summary');
const crumbs = byId<HTMLDivElement>('crumbs');
const tooltip = byId<HTMLDivElement>('tooltip');
const search = byId<HTMLInputElement>('search');
const topBody = byId<HTMLTableElement>('top').tBodies[0];

let tree: FlameTree | undefined;
let focus: FlameNode | undefined;

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as { type: string; speedscope?: unknown; message?: string };
  if (m.type === 'profile') {
    try {
      tree = buildFlameTree(parseSpeedscope(m.speedscope));
      focus = undefined;
      render();
    } catch (err) {
      showMessage(`Not a usable profile: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else if (m.type === 'error') {
    showMessage(`Could not fetch the profile: ${m.message ?? 'unknown error'}`);
  }
});

byId('refresh').addEventListener('click', () => {
  summary.textContent = 'Loading…';
  host.postMessage({ type: 'refresh' });
});
byId('reset').addEventListener('click', () => { focus = undefined; render(); });
search.addEventListener('input', () => render());
window.addEventListener('resize', () => render());

function showMessage(text: string): void {
  summary.textContent = text;
  graph.replaceChildren(el('p', text, 'empty'));
}

function render(): void {
  if (!tree) return;
  const t = tree;
  if (t.root.total <= 0) {
    summary.textContent = 'No samples yet: attach to a process and let it run for a moment, then Refresh.';
    graph.replaceChildren(el('p', 'The profile is empty.', 'empty'));
    topBody.replaceChildren();
    crumbs.replaceChildren();
    return;
  }
  const width = Math.max(300, graph.clientWidth || 800);
  const rects = layoutFlameGraph(t, { focus, minWidth: 0.5 / width });
  const depth = rects.reduce((d, r) => Math.max(d, r.depth), 0) + 1;
  summary.textContent = `${formatWeight(t.root.total, t.unit)} in ${t.profileNames.length} profile${t.profileNames.length === 1 ? '' : 's'}`;

  const needle = search.value.trim().toLowerCase();
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(depth * ROW));
  svg.setAttribute('class', 'flame');
  for (const r of rects) svg.appendChild(frameElement(r, width, needle));
  graph.replaceChildren(svg);
  renderCrumbs(t);
  renderTop(t);
}

function frameElement(r: FlameRect, width: number, needle: string): SVGGElement {
  const g = document.createElementNS(SVG, 'g');
  const x = r.x * width;
  const w = Math.max(r.width * width - 1, 0.5);
  const y = r.depth * ROW;
  g.setAttribute('class', `frame${r.ancestor ? ' ancestor' : ''}${needle && r.name.toLowerCase().includes(needle) ? ' match' : ''}`);
  g.setAttribute('data-name', r.name);
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('x', x.toFixed(1));
  rect.setAttribute('y', String(y));
  rect.setAttribute('width', w.toFixed(1));
  rect.setAttribute('height', String(ROW - 1));
  rect.setAttribute('rx', '2');
  rect.setAttribute('fill', r.frame < 0 ? 'var(--vscode-editorWidget-border, #888)' : frameColor(r.name, !!r.file));
  g.appendChild(rect);
  if (w > 28) {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', (x + 4).toFixed(1));
    text.setAttribute('y', String(y + ROW - 5));
    const chars = Math.floor((w - 8) / 6.5);
    text.textContent = r.name.length > chars ? `${r.name.slice(0, Math.max(chars - 1, 1))}…` : r.name;
    g.appendChild(text);
  }
  g.addEventListener('click', ev => {
    if (ev.altKey && r.file) {
      host.postMessage({ type: 'open', file: r.file, line: r.line });
      return;
    }
    focus = r.node === tree?.root ? undefined : r.node;
    render();
  });
  g.addEventListener('mousemove', ev => showTooltip(r, ev));
  g.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  return g;
}

function showTooltip(r: FlameRect, ev: MouseEvent): void {
  if (!tree) return;
  const lines = [
    r.name,
    `total ${formatWeight(r.total, tree.unit)} (${r.percent.toFixed(1)}%)`,
    `self ${formatWeight(r.self, tree.unit)} (${((r.self / (tree.root.total || 1)) * 100).toFixed(1)}%)`,
  ];
  if (r.file) lines.push(`${r.file}${r.line ? `:${r.line}` : ''}  (Alt+click to open)`);
  tooltip.replaceChildren(...lines.map((l, i) => el('div', l, i === 0 ? 'name' : undefined)));
  tooltip.hidden = false;
  const pad = 12;
  const tw = tooltip.offsetWidth;
  const left = ev.clientX + pad + tw > window.innerWidth ? ev.clientX - pad - tw : ev.clientX + pad;
  tooltip.style.left = `${Math.max(0, left)}px`;
  tooltip.style.top = `${ev.clientY + pad}px`;
}

function renderCrumbs(t: FlameTree): void {
  const path: FlameNode[] = [];
  for (let n: FlameNode | undefined = focus; n; n = n.parent) path.unshift(n);
  if (path.length <= 1) {
    crumbs.replaceChildren();
    return;
  }
  crumbs.replaceChildren(...path.flatMap((n, i) => {
    const name = n.frame < 0 ? 'all' : t.frames[n.frame].name;
    const a = el('a', name);
    a.href = '#';
    a.addEventListener('click', e => { e.preventDefault(); focus = n === t.root ? undefined : n; render(); });
    return i === 0 ? [a] : [el('span', ' › '), a];
  }));
}

function renderTop(t: FlameTree): void {
  topBody.replaceChildren(...topFramesBySelf(t, 15).map(f => {
    const tr = el('tr');
    tr.append(el('td', f.name, 'name'), el('td', formatWeight(f.self, t.unit), 'num'), el('td', `${f.percent.toFixed(1)}%`, 'num'));
    const src = el('td');
    if (f.file) {
      const a = el('a', `${f.file.split(/[\\/]/).pop()}${f.line ? `:${f.line}` : ''}`);
      a.href = '#';
      a.title = f.file;
      a.addEventListener('click', e => { e.preventDefault(); host.postMessage({ type: 'open', file: f.file, line: f.line }); });
      src.appendChild(a);
    }
    tr.appendChild(src);
    return tr;
  }));
}

host.postMessage({ type: 'ready' });
