import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  escapeHtml, formatBytes, formatCount, isAgentAddress, formatDuration, formatLatency, formatRequestRate, lossSummary,
  recentRequestsFilter, requestCells, statusView, targetDisplayName, targetItems,
} from '../src/format';
import type { AttachState, CaptureLosses, Target } from '../src/protocol';

test('rates read like the lens: 212 req/min', () => {
  assert.equal(formatRequestRate(212 / 60), '212 req/min');
  assert.equal(formatRequestRate(0), '0 req/min');
  assert.equal(formatRequestRate(0.05), '3 req/min');
  assert.equal(formatRequestRate(0.001), '<0.1 req/min');
  assert.equal(formatRequestRate(1000), '60k req/min');
  assert.equal(formatCount(9.96), '10');
  assert.equal(formatCount(2.5), '2.5');
  assert.equal(formatCount(12_345), '12.3k');
  assert.equal(formatCount(2_000_000), '2M');
});

test('latencies', () => {
  assert.equal(formatLatency(3.14), '3.1 ms');
  assert.equal(formatLatency(41.4), '41 ms');
  assert.equal(formatLatency(0.84), '0.84 ms');
  assert.equal(formatLatency(1234), '1.2 s');
  assert.equal(formatLatency(2000), '2 s');
  assert.equal(formatLatency(-1), '–');
});

test('status bar: attached shows process and rate', () => {
  const v = statusView('running', {
    attached: true, pid: 4242, processName: 'SampleShop', source: 'eventpipe', requestsPerSecond: 3.5, since: 1000,
  }, 61_000);
  assert.equal(v.text, '$(pulse) Devtools: SampleShop 210 req/min');
  assert.match(v.tooltip, /SampleShop \(pid 4242\)/);
  assert.match(v.tooltip, /via EventPipe/);
  assert.match(v.tooltip, /for 1 min/);
  assert.equal(v.warning, false);
});

test('status bar: detached, detached with error, bridge states', () => {
  assert.equal(statusView('running', { attached: false, requestsPerSecond: 0 }).text, '$(debug-disconnect) Devtools: detached');
  assert.equal(statusView('running', undefined).text, '$(debug-disconnect) Devtools: detached');
  const exited = statusView('running', { attached: false, requestsPerSecond: 0, error: 'process 1234 exited' });
  assert.equal(exited.warning, true);
  assert.match(exited.tooltip, /process 1234 exited/);
  assert.match(statusView('starting', undefined).text, /loading~spin/);
  assert.equal(statusView('stopped', { attached: true, requestsPerSecond: 1 }).text, '$(circle-slash) Devtools: bridge stopped');
  assert.equal(statusView('running', { attached: true, agent: 'unix:/run/a.sock', source: 'agent', requestsPerSecond: 0 }).text,
    '$(pulse) Devtools: agent 0 req/min');
});

test('attach picker: attachable .NET first, marked, pid searchable', () => {
  const targets: Target[] = [
    { pid: 10, name: 'nginx', commandLine: 'nginx: master', isDotnet: false, canAttachWithoutRoot: true },
    { pid: 30, name: 'Other', commandLine: 'dotnet Other.dll', isDotnet: true, canAttachWithoutRoot: false },
    { pid: 20, name: 'SampleShop', commandLine: 'dotnet SampleShop.dll --urls http://127.0.0.1:5000', isDotnet: true, canAttachWithoutRoot: true },
    { pid: 5, name: 'bash', commandLine: '', isDotnet: false, canAttachWithoutRoot: true },
  ];
  const items = targetItems(targets, 20);
  assert.deepEqual(items.map(i => i.pid), [20, 5, 10, 30]);
  assert.equal(items[0].label, '$(symbol-class) SampleShop');
  assert.equal(items[0].description, 'pid 20 · .NET · attached');
  assert.equal(items[1].label, '$(terminal) bash');
  assert.equal(items[1].detail, 'bash');
  assert.equal(items[3].description, 'pid 30 · .NET · needs root (eBPF)');
});

test('request rows and HTML escaping', () => {
  const c = requestCells({ time: Date.UTC(2026, 0, 1, 12, 0, 0, 5), method: 'GET', path: '/orders/50', status: 404, latencyMs: 2.25, route: '/orders/{id}' });
  assert.equal(c.statusClass, 'client-error');
  assert.equal(c.latency, '2.3 ms');
  assert.match(c.time, /^\d\d:\d\d:\d\d\.005$/);
  assert.equal(requestCells({ time: 0, method: 'GET', path: '/', status: 503, latencyMs: 1 }).statusClass, 'server-error');
  assert.equal(requestCells({ time: 0, method: 'GET', path: '/', status: 0, latencyMs: 1 }).status, '–');
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('lens arguments for recent requests', () => {
  assert.deepEqual(recentRequestsFilter([{ method: 'GET', route: '/orders/{id}' }]), { method: 'GET', route: '/orders/{id}' });
  assert.deepEqual(recentRequestsFilter(['GET', '/orders/{id}']), { method: 'GET', route: '/orders/{id}' });
  assert.deepEqual(recentRequestsFilter(['/orders']), { route: '/orders' });
  assert.deepEqual(recentRequestsFilter([]), {});
  assert.deepEqual(recentRequestsFilter([42]), {});
});

test('durations', () => {
  assert.equal(formatDuration(4_400), '4 s');
  assert.equal(formatDuration(185_000), '3 min');
  assert.equal(formatDuration(7_500_000), '2 h 5 min');
});

test('display names: dotnet App.dll is App', () => {
  assert.equal(targetDisplayName({ name: 'dotnet', commandLine: 'dotnet /src/bin/Release/net10.0/SampleShop.dll --urls http://127.0.0.1:5000' }), 'SampleShop');
  assert.equal(targetDisplayName({ name: 'dotnet', commandLine: 'dotnet exec --roll-forward Major /x/Api.dll' }), 'Api');
  assert.equal(targetDisplayName({ name: 'dotnet', commandLine: 'dotnet watch run' }), 'dotnet');
  assert.equal(targetDisplayName({ name: 'SampleShop', commandLine: '/app/SampleShop other.dll' }), 'SampleShop');
  assert.equal(targetDisplayName({ name: 'dotnet', commandLine: '' }), 'dotnet');
});

test('agent addresses', () => {
  assert.ok(isAgentAddress('unix:/run/devtools/agent.sock'));
  assert.ok(isAgentAddress('/home/me/.devtools/agent.sock'));
  assert.ok(isAgentAddress('tcp:127.0.0.1:7070'));
  assert.ok(!isAgentAddress('tcp:127.0.0.1'));
  assert.ok(!isAgentAddress('agent.sock'));
  assert.ok(!isAgentAddress(''));
});

const eventPipeNotKnown = 'EventPipe counts the events the runtime dropped, not which: the requests and samples they carried are not known';

const lossy: CaptureLosses = {
  total: 1215,
  bytes: 4096,
  counters: [
    { name: 'kernel.ring_buffer_full_data', value: 1200, label: 'data events dropped by the kernel (ring buffer full)', unit: 'count' },
    { name: 'lost_bytes', value: 4096, label: 'lost in 3 gaps', unit: 'bytes' },
    { name: 'http.parse_errors', value: 12, label: 'http parse errors', unit: 'count' },
    { name: 'http.unmatched_requests', value: 3, label: 'http requests without a response', unit: 'count' },
  ],
  scope: 'process',
  notKnown: [],
};

const attachedTo = (losses?: CaptureLosses): AttachState => ({
  attached: true, pid: 4242, processName: 'SampleShop', source: 'ebpf', requestsPerSecond: 3.5, since: 1000, losses,
});

test('status bar: a capture that lost data takes the warning form and lists the counters', () => {
  const v = statusView('running', attachedTo(lossy), 61_000);
  assert.equal(v.text, '$(warning) Devtools: SampleShop 210 req/min');
  assert.equal(v.warning, true);
  const lines = v.tooltip.split('\n');
  const at = lines.indexOf('⚠ capture lost data:');
  assert.ok(at > 0, v.tooltip);
  assert.deepEqual(lines.slice(at + 1, at + 5), [
    '  1,200 data events dropped by the kernel (ring buffer full)',
    '  4.0 KiB lost in 3 gaps',
    '  12 http parse errors',
    '  3 http requests without a response',
  ]);
  assert.equal(lines[lines.length - 1], 'Click to detach or attach elsewhere.');
});

test('status bar: node-wide counters, long lists and what is not known', () => {
  const many: CaptureLosses = {
    ...lossy,
    scope: 'node',
    counters: Array.from({ length: 10 }, (_, i) => ({ name: `p.c${i}`, value: i + 1, label: `losses ${i}`, unit: 'count' as const })),
    notKnown: ['this agent is older and does not report what its capture lost: update it'],
  };
  const v = statusView('running', { ...attachedTo(many), source: 'agent', agent: 'unix:/run/devtools/agent.sock' });
  assert.match(v.tooltip, /^⚠ capture lost data \(node-wide counters\):$/m);
  assert.match(v.tooltip, /^ {2}8 losses 7$/m);
  assert.doesNotMatch(v.tooltip, /losses 8/);
  assert.match(v.tooltip, /^ {2}… and 2 more$/m);
  assert.match(v.tooltip, /^not known: this agent is older/m);
});

test('status bar: a clean capture keeps the normal form and says it lost nothing', () => {
  const clean: CaptureLosses = { total: 0, bytes: 0, counters: [], scope: 'process', notKnown: [eventPipeNotKnown] };
  const v = statusView('running', { ...attachedTo(clean), source: 'eventpipe' }, 61_000);
  assert.equal(v.text, '$(pulse) Devtools: SampleShop 210 req/min');
  assert.equal(v.warning, false);
  assert.match(v.tooltip, /^capture lost nothing$/m);
  assert.match(v.tooltip, /^not known: EventPipe counts the events/m);
  // an older bridge sends no losses at all: nothing about them
  assert.doesNotMatch(statusView('running', attachedTo(undefined)).tooltip, /lost/);
});

test('lens tooltip: a brief summary of the losses', () => {
  assert.equal(lossSummary(lossy),
    'capture lost data: 1,200 data events dropped by the kernel (ring buffer full), 4.0 KiB lost in 3 gaps, and 2 more');
  assert.equal(lossSummary({ ...lossy, counters: lossy.counters.slice(2, 3) }), 'capture lost data: 12 http parse errors');
  assert.equal(lossSummary({ ...lossy, counters: [] }), undefined);
  assert.equal(lossSummary(undefined), undefined);
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(3 * 1024 * 1024), '3.0 MiB');
  assert.equal(formatBytes(2 * 1024 * 1024 * 1024), '2.00 GiB');
});
