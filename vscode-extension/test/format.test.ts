import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  escapeHtml, formatCount, isAgentAddress, formatDuration, formatLatency, formatRequestRate, recentRequestsFilter,
  requestCells, statusView, targetDisplayName, targetItems,
} from '../src/format';
import type { Target } from '../src/protocol';

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
