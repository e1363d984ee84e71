// Recent requests webview: a table refreshed by the extension
// (`{type: 'requests', requests, …}`); the toolbar sends options back.
import { requestCells } from '../format';
import type { RequestRow } from '../protocol';
import { byId, el, host } from './api';

const body = byId<HTMLTableElement>('requests').tBodies[0];
const summary = byId<HTMLSpanElement>('summary');
const slowest = byId<HTMLInputElement>('slowest');
const auto = byId<HTMLInputElement>('auto');

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as {
    type: string; requests?: RequestRow[]; message?: string;
    filter?: { method?: string; route?: string }; slowestFirst?: boolean; auto?: boolean;
  };
  if (m.type === 'error') {
    summary.textContent = `Could not fetch requests: ${m.message ?? 'unknown error'}`;
    return;
  }
  if (m.type !== 'requests' || !m.requests) return;
  slowest.checked = !!m.slowestFirst;
  auto.checked = m.auto !== false;
  const what = m.filter?.route ? `${m.filter.method ?? ''} ${m.filter.route}`.trim() : 'all endpoints';
  summary.textContent = `${m.requests.length} request${m.requests.length === 1 ? '' : 's'} · ${what} · ${m.slowestFirst ? 'slowest first' : 'newest first'}`;
  body.replaceChildren(...m.requests.map(r => {
    const c = requestCells(r);
    const tr = el('tr');
    tr.append(el('td', c.time, 'time'), el('td', c.method), el('td', c.path, 'path'), el('td', c.status, `status ${c.statusClass}`),
      el('td', c.latency, 'num'), el('td', c.route, 'route'));
    return tr;
  }));
  if (m.requests.length === 0) {
    const tr = el('tr');
    const td = el('td', 'No requests captured yet.', 'empty');
    td.colSpan = 6;
    tr.appendChild(td);
    body.appendChild(tr);
  }
});

byId('refresh').addEventListener('click', () => host.postMessage({ type: 'refresh' }));
slowest.addEventListener('change', () => host.postMessage({ type: 'options', slowestFirst: slowest.checked }));
auto.addEventListener('change', () => host.postMessage({ type: 'options', auto: auto.checked }));

host.postMessage({ type: 'ready' });
