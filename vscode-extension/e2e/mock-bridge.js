#!/usr/bin/env node
// A stand-in for `devtools lsp`, for checking the e2e harness and the extension's
// UI paths without the real bridge (run.sh --mock-bridge). It speaks the protocol
// of docs/editor-protocol.md over stdio but captures NOTHING: its numbers are made
// up. A green run with it proves the workbench side only, never the bridge.
'use strict';
const fs = require('fs');

if (process.argv[2] !== 'lsp') {
  process.stderr.write('usage: mock-bridge.js lsp\n');
  process.exit(2);
}

// ---- framing ------------------------------------------------------------------------------
let buf = Buffer.alloc(0);
let nextId = 1;
function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}
process.stdin.on('data', chunk => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    const sep = buf.indexOf('\r\n\r\n');
    if (sep < 0) return;
    const m = /Content-Length: *(\d+)/i.exec(buf.subarray(0, sep).toString('ascii'));
    if (!m) { buf = buf.subarray(sep + 4); continue; }
    const len = Number(m[1]);
    if (buf.length < sep + 4 + len) return;
    const msg = JSON.parse(buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
    buf = buf.subarray(sep + 4 + len);
    handle(msg);
  }
});
process.stdin.on('end', () => process.exit(0));

// ---- state --------------------------------------------------------------------------------
const docs = new Map(); // uri -> text
let state = { attached: false, requestsPerSecond: 0 };
let timer;
let tick = 0;

function procName(pid) {
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const dll = argv.find(a => a.endsWith('.dll'));
    const name = dll ? dll.split('/').pop().replace(/\.dll$/, '') : (argv[0] || '').split('/').pop();
    return { name, commandLine: argv.join(' '), isDotnet: /dotnet/.test(argv[0] || '') || !!dll };
  } catch { return undefined; }
}

function listTargets() {
  const targets = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const p = procName(Number(d));
    if (!p || !p.commandLine) continue;
    let uid = -1;
    try { uid = fs.statSync(`/proc/${d}`).uid; } catch { continue; }
    targets.push({ pid: Number(d), name: p.name, commandLine: p.commandLine, isDotnet: p.isDotnet, canAttachWithoutRoot: uid === process.getuid() });
  }
  return { targets };
}

function lenses(uri) {
  const text = docs.get(uri) || '';
  const out = [];
  text.split('\n').forEach((line, i) => {
    const m = /Map(Get|Post|Put|Delete|Patch)\("([^"]+)"/.exec(line);
    if (!m || !state.attached) return;
    const method = m[1].toUpperCase();
    const route = m[2];
    const rpm = 100 + (tick % 50);
    out.push({
      range: { start: { line: i, character: 0 }, end: { line: i, character: line.length } },
      command: {
        title: `${method} ${route} · ${rpm} req/min · p50 3.1 ms · p99 41 ms · 0% errors (mock)`,
        command: 'devtools.showRecentRequests',
        arguments: [{ method, route }],
      },
    });
  });
  return out;
}

function hotLines() {
  for (const [uri, text] of docs) {
    const lines = [];
    text.split('\n').forEach((l, i) => { if (l.includes('// HOT:') && state.attached) lines.push({ line: i, percent: 62.5 }); });
    send({ method: 'devtools/hotLines', params: { uri, lines } });
  }
}

function setState(s) {
  state = s;
  send({ method: 'devtools/stateChanged', params: state });
}

function startTimer() {
  clearInterval(timer);
  timer = setInterval(() => {
    tick++;
    if (!state.attached) return;
    if (!fs.existsSync(`/proc/${state.pid}`)) {
      const pid = state.pid;
      clearInterval(timer);
      setState({ attached: false, requestsPerSecond: 0, error: `process ${pid} exited` });
      hotLines();
      send({ id: nextId++, method: 'workspace/codeLens/refresh' });
      return;
    }
    setState({ ...state, requestsPerSecond: 2 + (tick % 3) });
    hotLines();
    send({ id: nextId++, method: 'workspace/codeLens/refresh' });
  }, 1000);
}

const speedscope = {
  $schema: 'https://www.speedscope.app/file-format-schema.json',
  shared: { frames: [{ name: 'Program.<Main>$' }, { name: 'Work.Spin', file: 'Program.cs', line: 90 }, { name: 'JsonSerializer.Serialize' }] },
  profiles: [{ type: 'sampled', name: 'mock', unit: 'none', startValue: 0, endValue: 10, samples: [[0, 1], [0, 1], [0, 2]], weights: [5, 3, 2] }],
};

function handle(msg) {
  if (msg.method === undefined) return; // a response to our refresh requests
  const reply = result => { if (msg.id !== undefined) send({ id: msg.id, result }); };
  const p = msg.params || {};
  switch (msg.method) {
    case 'initialize':
      return reply({
        capabilities: {
          textDocumentSync: { openClose: true, change: 1 },
          codeLensProvider: { resolveProvider: false },
          executeCommandProvider: { commands: ['devtools.showRecentRequests', 'devtools.showFlameGraph'] },
        },
        serverInfo: { name: 'devtools-mock-bridge' },
      });
    case 'shutdown': return reply(null);
    case 'exit': return process.exit(0);
    case 'textDocument/didOpen': docs.set(p.textDocument.uri, p.textDocument.text); return hotLines();
    case 'textDocument/didChange': docs.set(p.textDocument.uri, p.contentChanges[p.contentChanges.length - 1].text); return;
    case 'textDocument/didClose': docs.delete(p.textDocument.uri); return;
    case 'textDocument/codeLens': return reply(lenses(p.textDocument.uri));
    case 'devtools/listTargets': return reply(listTargets());
    case 'devtools/state': return reply(state);
    case 'devtools/attach': {
      const t = procName(p.pid);
      if (!t) return reply({ attached: false, requestsPerSecond: 0, error: `no process ${p.pid}` });
      state = { attached: true, pid: p.pid, processName: t.name, source: 'eventpipe', requestsPerSecond: 0, since: Date.now() };
      startTimer();
      setTimeout(hotLines, 100);
      return reply(state);
    }
    case 'devtools/detach':
      clearInterval(timer);
      state = { attached: false, requestsPerSecond: 0 };
      setTimeout(() => { hotLines(); send({ id: nextId++, method: 'workspace/codeLens/refresh' }); }, 50);
      return reply(state);
    case 'devtools/flameGraph': return reply({ speedscope });
    case 'devtools/recentRequests':
      return reply({ requests: Array.from({ length: 5 }, (_, i) => ({ time: Date.now() - i * 1000, method: p.method || 'GET', path: `/orders/${i + 1}`, status: 200, latencyMs: 3 + i, route: p.route })) });
    case 'devtools/hotspots': return reply({ totalSamples: 10, functions: [], lines: [] });
    case 'devtools/endpointStats': return reply({ endpoints: [] });
    default:
      if (msg.id !== undefined) send({ id: msg.id, error: { code: -32601, message: `mock bridge: no ${msg.method}` } });
  }
}
