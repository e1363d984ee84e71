"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// test/format.test.ts
var import_strict = __toESM(require("node:assert/strict"));
var import_node_test = require("node:test");

// src/format.ts
function formatCount(n) {
  if (!Number.isFinite(n) || n <= 0) return "0";
  if (n >= 1e6) return `${trimZero((n / 1e6).toFixed(1))}M`;
  if (n >= 1e4) return `${trimZero((n / 1e3).toFixed(1))}k`;
  if (n >= 10) return String(Math.round(n));
  if (n < 0.1) return "<0.1";
  return trimZero(n.toFixed(1));
}
function trimZero(s) {
  return s.endsWith(".0") ? s.slice(0, -2) : s;
}
function formatRequestRate(requestsPerSecond) {
  return `${formatCount(requestsPerSecond * 60)} req/min`;
}
function formatLatency(ms) {
  if (!Number.isFinite(ms) || ms < 0) return "\u2013";
  if (ms >= 1e4) return `${Math.round(ms / 1e3)} s`;
  if (ms >= 1e3) return `${trimZero((ms / 1e3).toFixed(1))} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${trimZero(ms.toFixed(1))} ms`;
  return `${ms.toFixed(2)} ms`;
}
function statusView(bridge, state, now = Date.now()) {
  if (bridge === "starting") {
    return { text: "$(loading~spin) Devtools", tooltip: "Devtools: starting the bridge\u2026", warning: false };
  }
  if (bridge === "stopped" || bridge === "failed") {
    return {
      text: "$(circle-slash) Devtools: bridge stopped",
      tooltip: "The Devtools bridge is not running. Click to restart it.",
      warning: true
    };
  }
  if (!state || !state.attached) {
    const tooltip = state?.error ? `Devtools: detached (${state.error}). Click to attach.` : "Devtools: not attached. Click to attach to a process or connect to an agent.";
    return { text: "$(debug-disconnect) Devtools: detached", tooltip, warning: !!state?.error };
  }
  const who = targetLabel(state);
  const lines = [`Devtools: attached to ${who}`];
  if (state.source) lines.push(`via ${sourceLabel(state.source)}${state.agent ? ` (${state.agent})` : ""}`);
  if (state.since) lines.push(`for ${formatDuration(now - state.since)}`);
  lines.push(`${formatRequestRate(state.requestsPerSecond)}`);
  if (state.error) lines.push(`\u26A0 ${state.error}`);
  lines.push("Click to detach or attach elsewhere.");
  return {
    text: `$(pulse) Devtools: ${state.processName ?? who} ${formatRequestRate(state.requestsPerSecond)}`,
    tooltip: lines.join("\n"),
    warning: !!state.error
  };
}
function targetLabel(state) {
  if (state.processName && state.pid !== void 0) return `${state.processName} (pid ${state.pid})`;
  if (state.pid !== void 0) return `pid ${state.pid}`;
  if (state.agent) return `agent ${state.agent}`;
  return state.processName ?? "a target";
}
function sourceLabel(source) {
  switch (source) {
    case "eventpipe":
      return "EventPipe";
    case "ebpf":
      return "eBPF";
    case "agent":
      return "the agent";
  }
}
function formatDuration(ms) {
  const s = Math.max(0, Math.round(ms / 1e3));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
function targetItems(targets, attachedPid) {
  const sorted = [...targets].sort((a, b) => Number(b.canAttachWithoutRoot) - Number(a.canAttachWithoutRoot) || Number(b.isDotnet) - Number(a.isDotnet) || a.name.localeCompare(b.name) || a.pid - b.pid);
  return sorted.map((t) => {
    const tags = [`pid ${t.pid}`];
    if (t.isDotnet) tags.push(".NET");
    if (!t.canAttachWithoutRoot) tags.push("needs root (eBPF)");
    if (t.pid === attachedPid) tags.push("attached");
    return {
      label: `${t.isDotnet ? "$(symbol-class)" : "$(terminal)"} ${t.name}`,
      description: tags.join(" \xB7 "),
      detail: truncate(t.commandLine || t.name, 160),
      pid: t.pid
    };
  });
}
function truncate(s, max) {
  return s.length <= max ? s : `${s.slice(0, max - 1)}\u2026`;
}
function formatClock(unixMs) {
  const d = new Date(unixMs);
  const p = (n, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}
function requestCells(r) {
  const statusClass = r.status >= 500 ? "server-error" : r.status >= 400 ? "client-error" : r.status >= 300 ? "redirect" : r.status >= 100 ? "ok" : "unknown";
  return {
    time: formatClock(r.time),
    method: r.method,
    path: r.path,
    status: r.status > 0 ? String(r.status) : "\u2013",
    statusClass,
    latency: formatLatency(r.latencyMs),
    route: r.route ?? ""
  };
}
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
function recentRequestsFilter(args) {
  const [a, b] = args;
  if (a && typeof a === "object") {
    const o = a;
    return {
      method: typeof o.method === "string" ? o.method : void 0,
      route: typeof o.route === "string" ? o.route : void 0
    };
  }
  if (typeof a === "string" && typeof b === "string") return { method: a, route: b };
  if (typeof a === "string") return { route: a };
  return {};
}

// test/format.test.ts
(0, import_node_test.test)("rates read like the lens: 212 req/min", () => {
  import_strict.default.equal(formatRequestRate(212 / 60), "212 req/min");
  import_strict.default.equal(formatRequestRate(0), "0 req/min");
  import_strict.default.equal(formatRequestRate(0.05), "3 req/min");
  import_strict.default.equal(formatRequestRate(1e-3), "<0.1 req/min");
  import_strict.default.equal(formatRequestRate(1e3), "60k req/min");
  import_strict.default.equal(formatCount(9.96), "10");
  import_strict.default.equal(formatCount(2.5), "2.5");
  import_strict.default.equal(formatCount(12345), "12.3k");
  import_strict.default.equal(formatCount(2e6), "2M");
});
(0, import_node_test.test)("latencies", () => {
  import_strict.default.equal(formatLatency(3.14), "3.1 ms");
  import_strict.default.equal(formatLatency(41.4), "41 ms");
  import_strict.default.equal(formatLatency(0.84), "0.84 ms");
  import_strict.default.equal(formatLatency(1234), "1.2 s");
  import_strict.default.equal(formatLatency(2e3), "2 s");
  import_strict.default.equal(formatLatency(-1), "\u2013");
});
(0, import_node_test.test)("status bar: attached shows process and rate", () => {
  const v = statusView("running", {
    attached: true,
    pid: 4242,
    processName: "SampleShop",
    source: "eventpipe",
    requestsPerSecond: 3.5,
    since: 1e3
  }, 61e3);
  import_strict.default.equal(v.text, "$(pulse) Devtools: SampleShop 210 req/min");
  import_strict.default.match(v.tooltip, /SampleShop \(pid 4242\)/);
  import_strict.default.match(v.tooltip, /via EventPipe/);
  import_strict.default.match(v.tooltip, /for 1 min/);
  import_strict.default.equal(v.warning, false);
});
(0, import_node_test.test)("status bar: detached, detached with error, bridge states", () => {
  import_strict.default.equal(statusView("running", { attached: false, requestsPerSecond: 0 }).text, "$(debug-disconnect) Devtools: detached");
  import_strict.default.equal(statusView("running", void 0).text, "$(debug-disconnect) Devtools: detached");
  const exited = statusView("running", { attached: false, requestsPerSecond: 0, error: "process 1234 exited" });
  import_strict.default.equal(exited.warning, true);
  import_strict.default.match(exited.tooltip, /process 1234 exited/);
  import_strict.default.match(statusView("starting", void 0).text, /loading~spin/);
  import_strict.default.equal(statusView("stopped", { attached: true, requestsPerSecond: 1 }).text, "$(circle-slash) Devtools: bridge stopped");
  import_strict.default.equal(
    statusView("running", { attached: true, agent: "unix:/run/a.sock", source: "agent", requestsPerSecond: 0 }).text,
    "$(pulse) Devtools: agent unix:/run/a.sock 0 req/min"
  );
});
(0, import_node_test.test)("attach picker: attachable .NET first, marked, pid searchable", () => {
  const targets = [
    { pid: 10, name: "nginx", commandLine: "nginx: master", isDotnet: false, canAttachWithoutRoot: true },
    { pid: 30, name: "Other", commandLine: "dotnet Other.dll", isDotnet: true, canAttachWithoutRoot: false },
    { pid: 20, name: "SampleShop", commandLine: "dotnet SampleShop.dll --urls http://127.0.0.1:5000", isDotnet: true, canAttachWithoutRoot: true },
    { pid: 5, name: "bash", commandLine: "", isDotnet: false, canAttachWithoutRoot: true }
  ];
  const items = targetItems(targets, 20);
  import_strict.default.deepEqual(items.map((i) => i.pid), [20, 5, 10, 30]);
  import_strict.default.equal(items[0].label, "$(symbol-class) SampleShop");
  import_strict.default.equal(items[0].description, "pid 20 \xB7 .NET \xB7 attached");
  import_strict.default.equal(items[1].label, "$(terminal) bash");
  import_strict.default.equal(items[1].detail, "bash");
  import_strict.default.equal(items[3].description, "pid 30 \xB7 .NET \xB7 needs root (eBPF)");
});
(0, import_node_test.test)("request rows and HTML escaping", () => {
  const c = requestCells({ time: Date.UTC(2026, 0, 1, 12, 0, 0, 5), method: "GET", path: "/orders/50", status: 404, latencyMs: 2.25, route: "/orders/{id}" });
  import_strict.default.equal(c.statusClass, "client-error");
  import_strict.default.equal(c.latency, "2.3 ms");
  import_strict.default.match(c.time, /^\d\d:\d\d:\d\d\.005$/);
  import_strict.default.equal(requestCells({ time: 0, method: "GET", path: "/", status: 503, latencyMs: 1 }).statusClass, "server-error");
  import_strict.default.equal(requestCells({ time: 0, method: "GET", path: "/", status: 0, latencyMs: 1 }).status, "\u2013");
  import_strict.default.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
});
(0, import_node_test.test)("lens arguments for recent requests", () => {
  import_strict.default.deepEqual(recentRequestsFilter([{ method: "GET", route: "/orders/{id}" }]), { method: "GET", route: "/orders/{id}" });
  import_strict.default.deepEqual(recentRequestsFilter(["GET", "/orders/{id}"]), { method: "GET", route: "/orders/{id}" });
  import_strict.default.deepEqual(recentRequestsFilter(["/orders"]), { route: "/orders" });
  import_strict.default.deepEqual(recentRequestsFilter([]), {});
  import_strict.default.deepEqual(recentRequestsFilter([42]), {});
});
(0, import_node_test.test)("durations", () => {
  import_strict.default.equal(formatDuration(4400), "4 s");
  import_strict.default.equal(formatDuration(185e3), "3 min");
  import_strict.default.equal(formatDuration(75e5), "2 h 5 min");
});
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vdGVzdC9mb3JtYXQudGVzdC50cyIsICIuLi9zcmMvZm9ybWF0LnRzIl0sCiAgInNvdXJjZXNDb250ZW50IjogWyJpbXBvcnQgYXNzZXJ0IGZyb20gJ25vZGU6YXNzZXJ0L3N0cmljdCc7XG5pbXBvcnQgeyB0ZXN0IH0gZnJvbSAnbm9kZTp0ZXN0JztcbmltcG9ydCB7XG4gIGVzY2FwZUh0bWwsIGZvcm1hdENvdW50LCBmb3JtYXREdXJhdGlvbiwgZm9ybWF0TGF0ZW5jeSwgZm9ybWF0UmVxdWVzdFJhdGUsIHJlY2VudFJlcXVlc3RzRmlsdGVyLFxuICByZXF1ZXN0Q2VsbHMsIHN0YXR1c1ZpZXcsIHRhcmdldEl0ZW1zLFxufSBmcm9tICcuLi9zcmMvZm9ybWF0JztcbmltcG9ydCB0eXBlIHsgVGFyZ2V0IH0gZnJvbSAnLi4vc3JjL3Byb3RvY29sJztcblxudGVzdCgncmF0ZXMgcmVhZCBsaWtlIHRoZSBsZW5zOiAyMTIgcmVxL21pbicsICgpID0+IHtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFJlcXVlc3RSYXRlKDIxMiAvIDYwKSwgJzIxMiByZXEvbWluJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRSZXF1ZXN0UmF0ZSgwKSwgJzAgcmVxL21pbicpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0UmVxdWVzdFJhdGUoMC4wNSksICczIHJlcS9taW4nKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFJlcXVlc3RSYXRlKDAuMDAxKSwgJzwwLjEgcmVxL21pbicpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0UmVxdWVzdFJhdGUoMTAwMCksICc2MGsgcmVxL21pbicpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0Q291bnQoOS45NiksICcxMCcpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0Q291bnQoMi41KSwgJzIuNScpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0Q291bnQoMTJfMzQ1KSwgJzEyLjNrJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRDb3VudCgyXzAwMF8wMDApLCAnMk0nKTtcbn0pO1xuXG50ZXN0KCdsYXRlbmNpZXMnLCAoKSA9PiB7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRMYXRlbmN5KDMuMTQpLCAnMy4xIG1zJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRMYXRlbmN5KDQxLjQpLCAnNDEgbXMnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdExhdGVuY3koMC44NCksICcwLjg0IG1zJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRMYXRlbmN5KDEyMzQpLCAnMS4yIHMnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdExhdGVuY3koMjAwMCksICcyIHMnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdExhdGVuY3koLTEpLCAnXHUyMDEzJyk7XG59KTtcblxudGVzdCgnc3RhdHVzIGJhcjogYXR0YWNoZWQgc2hvd3MgcHJvY2VzcyBhbmQgcmF0ZScsICgpID0+IHtcbiAgY29uc3QgdiA9IHN0YXR1c1ZpZXcoJ3J1bm5pbmcnLCB7XG4gICAgYXR0YWNoZWQ6IHRydWUsIHBpZDogNDI0MiwgcHJvY2Vzc05hbWU6ICdTYW1wbGVTaG9wJywgc291cmNlOiAnZXZlbnRwaXBlJywgcmVxdWVzdHNQZXJTZWNvbmQ6IDMuNSwgc2luY2U6IDEwMDAsXG4gIH0sIDYxXzAwMCk7XG4gIGFzc2VydC5lcXVhbCh2LnRleHQsICckKHB1bHNlKSBEZXZ0b29sczogU2FtcGxlU2hvcCAyMTAgcmVxL21pbicpO1xuICBhc3NlcnQubWF0Y2godi50b29sdGlwLCAvU2FtcGxlU2hvcCBcXChwaWQgNDI0MlxcKS8pO1xuICBhc3NlcnQubWF0Y2godi50b29sdGlwLCAvdmlhIEV2ZW50UGlwZS8pO1xuICBhc3NlcnQubWF0Y2godi50b29sdGlwLCAvZm9yIDEgbWluLyk7XG4gIGFzc2VydC5lcXVhbCh2Lndhcm5pbmcsIGZhbHNlKTtcbn0pO1xuXG50ZXN0KCdzdGF0dXMgYmFyOiBkZXRhY2hlZCwgZGV0YWNoZWQgd2l0aCBlcnJvciwgYnJpZGdlIHN0YXRlcycsICgpID0+IHtcbiAgYXNzZXJ0LmVxdWFsKHN0YXR1c1ZpZXcoJ3J1bm5pbmcnLCB7IGF0dGFjaGVkOiBmYWxzZSwgcmVxdWVzdHNQZXJTZWNvbmQ6IDAgfSkudGV4dCwgJyQoZGVidWctZGlzY29ubmVjdCkgRGV2dG9vbHM6IGRldGFjaGVkJyk7XG4gIGFzc2VydC5lcXVhbChzdGF0dXNWaWV3KCdydW5uaW5nJywgdW5kZWZpbmVkKS50ZXh0LCAnJChkZWJ1Zy1kaXNjb25uZWN0KSBEZXZ0b29sczogZGV0YWNoZWQnKTtcbiAgY29uc3QgZXhpdGVkID0gc3RhdHVzVmlldygncnVubmluZycsIHsgYXR0YWNoZWQ6IGZhbHNlLCByZXF1ZXN0c1BlclNlY29uZDogMCwgZXJyb3I6ICdwcm9jZXNzIDEyMzQgZXhpdGVkJyB9KTtcbiAgYXNzZXJ0LmVxdWFsKGV4aXRlZC53YXJuaW5nLCB0cnVlKTtcbiAgYXNzZXJ0Lm1hdGNoKGV4aXRlZC50b29sdGlwLCAvcHJvY2VzcyAxMjM0IGV4aXRlZC8pO1xuICBhc3NlcnQubWF0Y2goc3RhdHVzVmlldygnc3RhcnRpbmcnLCB1bmRlZmluZWQpLnRleHQsIC9sb2FkaW5nfnNwaW4vKTtcbiAgYXNzZXJ0LmVxdWFsKHN0YXR1c1ZpZXcoJ3N0b3BwZWQnLCB7IGF0dGFjaGVkOiB0cnVlLCByZXF1ZXN0c1BlclNlY29uZDogMSB9KS50ZXh0LCAnJChjaXJjbGUtc2xhc2gpIERldnRvb2xzOiBicmlkZ2Ugc3RvcHBlZCcpO1xuICBhc3NlcnQuZXF1YWwoc3RhdHVzVmlldygncnVubmluZycsIHsgYXR0YWNoZWQ6IHRydWUsIGFnZW50OiAndW5peDovcnVuL2Euc29jaycsIHNvdXJjZTogJ2FnZW50JywgcmVxdWVzdHNQZXJTZWNvbmQ6IDAgfSkudGV4dCxcbiAgICAnJChwdWxzZSkgRGV2dG9vbHM6IGFnZW50IHVuaXg6L3J1bi9hLnNvY2sgMCByZXEvbWluJyk7XG59KTtcblxudGVzdCgnYXR0YWNoIHBpY2tlcjogYXR0YWNoYWJsZSAuTkVUIGZpcnN0LCBtYXJrZWQsIHBpZCBzZWFyY2hhYmxlJywgKCkgPT4ge1xuICBjb25zdCB0YXJnZXRzOiBUYXJnZXRbXSA9IFtcbiAgICB7IHBpZDogMTAsIG5hbWU6ICduZ2lueCcsIGNvbW1hbmRMaW5lOiAnbmdpbng6IG1hc3RlcicsIGlzRG90bmV0OiBmYWxzZSwgY2FuQXR0YWNoV2l0aG91dFJvb3Q6IHRydWUgfSxcbiAgICB7IHBpZDogMzAsIG5hbWU6ICdPdGhlcicsIGNvbW1hbmRMaW5lOiAnZG90bmV0IE90aGVyLmRsbCcsIGlzRG90bmV0OiB0cnVlLCBjYW5BdHRhY2hXaXRob3V0Um9vdDogZmFsc2UgfSxcbiAgICB7IHBpZDogMjAsIG5hbWU6ICdTYW1wbGVTaG9wJywgY29tbWFuZExpbmU6ICdkb3RuZXQgU2FtcGxlU2hvcC5kbGwgLS11cmxzIGh0dHA6Ly8xMjcuMC4wLjE6NTAwMCcsIGlzRG90bmV0OiB0cnVlLCBjYW5BdHRhY2hXaXRob3V0Um9vdDogdHJ1ZSB9LFxuICAgIHsgcGlkOiA1LCBuYW1lOiAnYmFzaCcsIGNvbW1hbmRMaW5lOiAnJywgaXNEb3RuZXQ6IGZhbHNlLCBjYW5BdHRhY2hXaXRob3V0Um9vdDogdHJ1ZSB9LFxuICBdO1xuICBjb25zdCBpdGVtcyA9IHRhcmdldEl0ZW1zKHRhcmdldHMsIDIwKTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChpdGVtcy5tYXAoaSA9PiBpLnBpZCksIFsyMCwgNSwgMTAsIDMwXSk7XG4gIGFzc2VydC5lcXVhbChpdGVtc1swXS5sYWJlbCwgJyQoc3ltYm9sLWNsYXNzKSBTYW1wbGVTaG9wJyk7XG4gIGFzc2VydC5lcXVhbChpdGVtc1swXS5kZXNjcmlwdGlvbiwgJ3BpZCAyMCBcdTAwQjcgLk5FVCBcdTAwQjcgYXR0YWNoZWQnKTtcbiAgYXNzZXJ0LmVxdWFsKGl0ZW1zWzFdLmxhYmVsLCAnJCh0ZXJtaW5hbCkgYmFzaCcpO1xuICBhc3NlcnQuZXF1YWwoaXRlbXNbMV0uZGV0YWlsLCAnYmFzaCcpO1xuICBhc3NlcnQuZXF1YWwoaXRlbXNbM10uZGVzY3JpcHRpb24sICdwaWQgMzAgXHUwMEI3IC5ORVQgXHUwMEI3IG5lZWRzIHJvb3QgKGVCUEYpJyk7XG59KTtcblxudGVzdCgncmVxdWVzdCByb3dzIGFuZCBIVE1MIGVzY2FwaW5nJywgKCkgPT4ge1xuICBjb25zdCBjID0gcmVxdWVzdENlbGxzKHsgdGltZTogRGF0ZS5VVEMoMjAyNiwgMCwgMSwgMTIsIDAsIDAsIDUpLCBtZXRob2Q6ICdHRVQnLCBwYXRoOiAnL29yZGVycy81MCcsIHN0YXR1czogNDA0LCBsYXRlbmN5TXM6IDIuMjUsIHJvdXRlOiAnL29yZGVycy97aWR9JyB9KTtcbiAgYXNzZXJ0LmVxdWFsKGMuc3RhdHVzQ2xhc3MsICdjbGllbnQtZXJyb3InKTtcbiAgYXNzZXJ0LmVxdWFsKGMubGF0ZW5jeSwgJzIuMyBtcycpO1xuICBhc3NlcnQubWF0Y2goYy50aW1lLCAvXlxcZFxcZDpcXGRcXGQ6XFxkXFxkXFwuMDA1JC8pO1xuICBhc3NlcnQuZXF1YWwocmVxdWVzdENlbGxzKHsgdGltZTogMCwgbWV0aG9kOiAnR0VUJywgcGF0aDogJy8nLCBzdGF0dXM6IDUwMywgbGF0ZW5jeU1zOiAxIH0pLnN0YXR1c0NsYXNzLCAnc2VydmVyLWVycm9yJyk7XG4gIGFzc2VydC5lcXVhbChyZXF1ZXN0Q2VsbHMoeyB0aW1lOiAwLCBtZXRob2Q6ICdHRVQnLCBwYXRoOiAnLycsIHN0YXR1czogMCwgbGF0ZW5jeU1zOiAxIH0pLnN0YXR1cywgJ1x1MjAxMycpO1xuICBhc3NlcnQuZXF1YWwoZXNjYXBlSHRtbChgPGEgaHJlZj1cInhcIj4nJic8L2E+YCksICcmbHQ7YSBocmVmPSZxdW90O3gmcXVvdDsmZ3Q7JiMzOTsmYW1wOyYjMzk7Jmx0Oy9hJmd0OycpO1xufSk7XG5cbnRlc3QoJ2xlbnMgYXJndW1lbnRzIGZvciByZWNlbnQgcmVxdWVzdHMnLCAoKSA9PiB7XG4gIGFzc2VydC5kZWVwRXF1YWwocmVjZW50UmVxdWVzdHNGaWx0ZXIoW3sgbWV0aG9kOiAnR0VUJywgcm91dGU6ICcvb3JkZXJzL3tpZH0nIH1dKSwgeyBtZXRob2Q6ICdHRVQnLCByb3V0ZTogJy9vcmRlcnMve2lkfScgfSk7XG4gIGFzc2VydC5kZWVwRXF1YWwocmVjZW50UmVxdWVzdHNGaWx0ZXIoWydHRVQnLCAnL29yZGVycy97aWR9J10pLCB7IG1ldGhvZDogJ0dFVCcsIHJvdXRlOiAnL29yZGVycy97aWR9JyB9KTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChyZWNlbnRSZXF1ZXN0c0ZpbHRlcihbJy9vcmRlcnMnXSksIHsgcm91dGU6ICcvb3JkZXJzJyB9KTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChyZWNlbnRSZXF1ZXN0c0ZpbHRlcihbXSksIHt9KTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChyZWNlbnRSZXF1ZXN0c0ZpbHRlcihbNDJdKSwge30pO1xufSk7XG5cbnRlc3QoJ2R1cmF0aW9ucycsICgpID0+IHtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdER1cmF0aW9uKDRfNDAwKSwgJzQgcycpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0RHVyYXRpb24oMTg1XzAwMCksICczIG1pbicpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0RHVyYXRpb24oN181MDBfMDAwKSwgJzIgaCA1IG1pbicpO1xufSk7XG4iLCAiLy8gUHVyZSBmb3JtYXR0aW5nIGhlbHBlcnM6IHN0YXR1cyBiYXIgdGV4dCwgYXR0YWNoIHF1aWNrIHBpY2sgaXRlbXMsIHJlcXVlc3Qgcm93cy5cbi8vIE5vICd2c2NvZGUnIGltcG9ydCwgc28gdGhlIHVuaXQgdGVzdHMgcnVuIHRoZW0gdW5kZXIgcGxhaW4gbm9kZS5cbmltcG9ydCB0eXBlIHsgQXR0YWNoU3RhdGUsIFJlcXVlc3RSb3csIFRhcmdldCB9IGZyb20gJy4vcHJvdG9jb2wnO1xuXG4vKiogYDIxMmAsIGAxMi41a2AsIGAzLjRgLCBgMC4yYDogYSByYXRlIHdpdGggYXMgbWFueSBkaWdpdHMgYXMgYXJlIHdvcnRoIHJlYWRpbmcuICovXG5leHBvcnQgZnVuY3Rpb24gZm9ybWF0Q291bnQobjogbnVtYmVyKTogc3RyaW5nIHtcbiAgaWYgKCFOdW1iZXIuaXNGaW5pdGUobikgfHwgbiA8PSAwKSByZXR1cm4gJzAnO1xuICBpZiAobiA+PSAxXzAwMF8wMDApIHJldHVybiBgJHt0cmltWmVybygobiAvIDFfMDAwXzAwMCkudG9GaXhlZCgxKSl9TWA7XG4gIGlmIChuID49IDEwXzAwMCkgcmV0dXJuIGAke3RyaW1aZXJvKChuIC8gMTAwMCkudG9GaXhlZCgxKSl9a2A7XG4gIGlmIChuID49IDEwKSByZXR1cm4gU3RyaW5nKE1hdGgucm91bmQobikpO1xuICBpZiAobiA8IDAuMSkgcmV0dXJuICc8MC4xJztcbiAgcmV0dXJuIHRyaW1aZXJvKG4udG9GaXhlZCgxKSk7XG59XG5cbmZ1bmN0aW9uIHRyaW1aZXJvKHM6IHN0cmluZyk6IHN0cmluZyB7XG4gIHJldHVybiBzLmVuZHNXaXRoKCcuMCcpID8gcy5zbGljZSgwLCAtMikgOiBzO1xufVxuXG4vKiogUmVxdWVzdHMgcGVyIHNlY29uZCAoYXMgdGhlIGJyaWRnZSByZXBvcnRzIHRoZW0pIFx1MjE5MiBgMjEyIHJlcS9taW5gLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIGZvcm1hdFJlcXVlc3RSYXRlKHJlcXVlc3RzUGVyU2Vjb25kOiBudW1iZXIpOiBzdHJpbmcge1xuICByZXR1cm4gYCR7Zm9ybWF0Q291bnQocmVxdWVzdHNQZXJTZWNvbmQgKiA2MCl9IHJlcS9taW5gO1xufVxuXG4vKiogYDAuODQgbXNgLCBgMy4xIG1zYCwgYDQxIG1zYCwgYDEuMiBzYC4gKi9cbmV4cG9ydCBmdW5jdGlvbiBmb3JtYXRMYXRlbmN5KG1zOiBudW1iZXIpOiBzdHJpbmcge1xuICBpZiAoIU51bWJlci5pc0Zpbml0ZShtcykgfHwgbXMgPCAwKSByZXR1cm4gJ1x1MjAxMyc7XG4gIGlmIChtcyA+PSAxMF8wMDApIHJldHVybiBgJHtNYXRoLnJvdW5kKG1zIC8gMTAwMCl9IHNgO1xuICBpZiAobXMgPj0gMTAwMCkgcmV0dXJuIGAke3RyaW1aZXJvKChtcyAvIDEwMDApLnRvRml4ZWQoMSkpfSBzYDtcbiAgaWYgKG1zID49IDEwKSByZXR1cm4gYCR7TWF0aC5yb3VuZChtcyl9IG1zYDtcbiAgaWYgKG1zID49IDEpIHJldHVybiBgJHt0cmltWmVybyhtcy50b0ZpeGVkKDEpKX0gbXNgO1xuICByZXR1cm4gYCR7bXMudG9GaXhlZCgyKX0gbXNgO1xufVxuXG4vKiogV2hhdCB0aGUgYnJpZGdlIHByb2Nlc3MgaXMgZG9pbmcsIGFzIGZhciBhcyB0aGUgc3RhdHVzIGJhciBpcyBjb25jZXJuZWQuICovXG5leHBvcnQgdHlwZSBCcmlkZ2VTdGF0dXMgPSAnc3RhcnRpbmcnIHwgJ3J1bm5pbmcnIHwgJ3N0b3BwZWQnIHwgJ2ZhaWxlZCc7XG5cbmV4cG9ydCBpbnRlcmZhY2UgU3RhdHVzVmlldyB7XG4gIHRleHQ6IHN0cmluZztcbiAgdG9vbHRpcDogc3RyaW5nO1xuICAvKiogdHJ1ZTogZHJhdyBpdCBpbiB0aGUgd2FybmluZyBjb2xvdXJzLiAqL1xuICB3YXJuaW5nOiBib29sZWFuO1xufVxuXG4vKiogVGhlIHN0YXR1cyBiYXIgaXRlbSBmb3IgYW4gYXR0YWNoIHN0YXRlICh1bmRlZmluZWQ6IG5vbmUga25vd24geWV0KS4gKi9cbmV4cG9ydCBmdW5jdGlvbiBzdGF0dXNWaWV3KGJyaWRnZTogQnJpZGdlU3RhdHVzLCBzdGF0ZTogQXR0YWNoU3RhdGUgfCB1bmRlZmluZWQsIG5vdyA9IERhdGUubm93KCkpOiBTdGF0dXNWaWV3IHtcbiAgaWYgKGJyaWRnZSA9PT0gJ3N0YXJ0aW5nJykge1xuICAgIHJldHVybiB7IHRleHQ6ICckKGxvYWRpbmd+c3BpbikgRGV2dG9vbHMnLCB0b29sdGlwOiAnRGV2dG9vbHM6IHN0YXJ0aW5nIHRoZSBicmlkZ2VcdTIwMjYnLCB3YXJuaW5nOiBmYWxzZSB9O1xuICB9XG4gIGlmIChicmlkZ2UgPT09ICdzdG9wcGVkJyB8fCBicmlkZ2UgPT09ICdmYWlsZWQnKSB7XG4gICAgcmV0dXJuIHtcbiAgICAgIHRleHQ6ICckKGNpcmNsZS1zbGFzaCkgRGV2dG9vbHM6IGJyaWRnZSBzdG9wcGVkJyxcbiAgICAgIHRvb2x0aXA6ICdUaGUgRGV2dG9vbHMgYnJpZGdlIGlzIG5vdCBydW5uaW5nLiBDbGljayB0byByZXN0YXJ0IGl0LicsXG4gICAgICB3YXJuaW5nOiB0cnVlLFxuICAgIH07XG4gIH1cbiAgaWYgKCFzdGF0ZSB8fCAhc3RhdGUuYXR0YWNoZWQpIHtcbiAgICBjb25zdCB0b29sdGlwID0gc3RhdGU/LmVycm9yXG4gICAgICA/IGBEZXZ0b29sczogZGV0YWNoZWQgKCR7c3RhdGUuZXJyb3J9KS4gQ2xpY2sgdG8gYXR0YWNoLmBcbiAgICAgIDogJ0RldnRvb2xzOiBub3QgYXR0YWNoZWQuIENsaWNrIHRvIGF0dGFjaCB0byBhIHByb2Nlc3Mgb3IgY29ubmVjdCB0byBhbiBhZ2VudC4nO1xuICAgIHJldHVybiB7IHRleHQ6ICckKGRlYnVnLWRpc2Nvbm5lY3QpIERldnRvb2xzOiBkZXRhY2hlZCcsIHRvb2x0aXAsIHdhcm5pbmc6ICEhc3RhdGU/LmVycm9yIH07XG4gIH1cbiAgY29uc3Qgd2hvID0gdGFyZ2V0TGFiZWwoc3RhdGUpO1xuICBjb25zdCBsaW5lcyA9IFtgRGV2dG9vbHM6IGF0dGFjaGVkIHRvICR7d2hvfWBdO1xuICBpZiAoc3RhdGUuc291cmNlKSBsaW5lcy5wdXNoKGB2aWEgJHtzb3VyY2VMYWJlbChzdGF0ZS5zb3VyY2UpfSR7c3RhdGUuYWdlbnQgPyBgICgke3N0YXRlLmFnZW50fSlgIDogJyd9YCk7XG4gIGlmIChzdGF0ZS5zaW5jZSkgbGluZXMucHVzaChgZm9yICR7Zm9ybWF0RHVyYXRpb24obm93IC0gc3RhdGUuc2luY2UpfWApO1xuICBsaW5lcy5wdXNoKGAke2Zvcm1hdFJlcXVlc3RSYXRlKHN0YXRlLnJlcXVlc3RzUGVyU2Vjb25kKX1gKTtcbiAgaWYgKHN0YXRlLmVycm9yKSBsaW5lcy5wdXNoKGBcdTI2QTAgJHtzdGF0ZS5lcnJvcn1gKTtcbiAgbGluZXMucHVzaCgnQ2xpY2sgdG8gZGV0YWNoIG9yIGF0dGFjaCBlbHNld2hlcmUuJyk7XG4gIHJldHVybiB7XG4gICAgdGV4dDogYCQocHVsc2UpIERldnRvb2xzOiAke3N0YXRlLnByb2Nlc3NOYW1lID8/IHdob30gJHtmb3JtYXRSZXF1ZXN0UmF0ZShzdGF0ZS5yZXF1ZXN0c1BlclNlY29uZCl9YCxcbiAgICB0b29sdGlwOiBsaW5lcy5qb2luKCdcXG4nKSxcbiAgICB3YXJuaW5nOiAhIXN0YXRlLmVycm9yLFxuICB9O1xufVxuXG5mdW5jdGlvbiB0YXJnZXRMYWJlbChzdGF0ZTogQXR0YWNoU3RhdGUpOiBzdHJpbmcge1xuICBpZiAoc3RhdGUucHJvY2Vzc05hbWUgJiYgc3RhdGUucGlkICE9PSB1bmRlZmluZWQpIHJldHVybiBgJHtzdGF0ZS5wcm9jZXNzTmFtZX0gKHBpZCAke3N0YXRlLnBpZH0pYDtcbiAgaWYgKHN0YXRlLnBpZCAhPT0gdW5kZWZpbmVkKSByZXR1cm4gYHBpZCAke3N0YXRlLnBpZH1gO1xuICBpZiAoc3RhdGUuYWdlbnQpIHJldHVybiBgYWdlbnQgJHtzdGF0ZS5hZ2VudH1gO1xuICByZXR1cm4gc3RhdGUucHJvY2Vzc05hbWUgPz8gJ2EgdGFyZ2V0Jztcbn1cblxuZnVuY3Rpb24gc291cmNlTGFiZWwoc291cmNlOiBOb25OdWxsYWJsZTxBdHRhY2hTdGF0ZVsnc291cmNlJ10+KTogc3RyaW5nIHtcbiAgc3dpdGNoIChzb3VyY2UpIHtcbiAgICBjYXNlICdldmVudHBpcGUnOiByZXR1cm4gJ0V2ZW50UGlwZSc7XG4gICAgY2FzZSAnZWJwZic6IHJldHVybiAnZUJQRic7XG4gICAgY2FzZSAnYWdlbnQnOiByZXR1cm4gJ3RoZSBhZ2VudCc7XG4gIH1cbn1cblxuLyoqIGA0NSBzYCwgYDMgbWluYCwgYDIgaCA1IG1pbmAuICovXG5leHBvcnQgZnVuY3Rpb24gZm9ybWF0RHVyYXRpb24obXM6IG51bWJlcik6IHN0cmluZyB7XG4gIGNvbnN0IHMgPSBNYXRoLm1heCgwLCBNYXRoLnJvdW5kKG1zIC8gMTAwMCkpO1xuICBpZiAocyA8IDYwKSByZXR1cm4gYCR7c30gc2A7XG4gIGNvbnN0IG0gPSBNYXRoLmZsb29yKHMgLyA2MCk7XG4gIGlmIChtIDwgNjApIHJldHVybiBgJHttfSBtaW5gO1xuICByZXR1cm4gYCR7TWF0aC5mbG9vcihtIC8gNjApfSBoICR7bSAlIDYwfSBtaW5gO1xufVxuXG4vKiogQSBxdWljayBwaWNrIHJvdyBmb3IgYSB0YXJnZXQ7IGBwaWRgIHJpZGVzIGFsb25nIGZvciB0aGUgY2FsbGVyLiAqL1xuZXhwb3J0IGludGVyZmFjZSBUYXJnZXRJdGVtIHtcbiAgbGFiZWw6IHN0cmluZztcbiAgZGVzY3JpcHRpb246IHN0cmluZztcbiAgZGV0YWlsOiBzdHJpbmc7XG4gIHBpZDogbnVtYmVyO1xufVxuXG4vKipcbiAqIFRoZSBhdHRhY2ggcGlja2VyJ3Mgcm93czogcHJvY2Vzc2VzIHRoZSB1c2VyIGNhbiBhdHRhY2ggd2l0aG91dCByb290IGZpcnN0LFxuICogLk5FVCBiZWZvcmUgb3RoZXJzLCB0aGVuIGJ5IG5hbWUgYW5kIHBpZC4gVGhlIGF0dGFjaGVkIG9uZSBpcyBtYXJrZWQuXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiB0YXJnZXRJdGVtcyh0YXJnZXRzOiByZWFkb25seSBUYXJnZXRbXSwgYXR0YWNoZWRQaWQ/OiBudW1iZXIpOiBUYXJnZXRJdGVtW10ge1xuICBjb25zdCBzb3J0ZWQgPSBbLi4udGFyZ2V0c10uc29ydCgoYSwgYikgPT5cbiAgICBOdW1iZXIoYi5jYW5BdHRhY2hXaXRob3V0Um9vdCkgLSBOdW1iZXIoYS5jYW5BdHRhY2hXaXRob3V0Um9vdCkgfHxcbiAgICBOdW1iZXIoYi5pc0RvdG5ldCkgLSBOdW1iZXIoYS5pc0RvdG5ldCkgfHxcbiAgICBhLm5hbWUubG9jYWxlQ29tcGFyZShiLm5hbWUpIHx8XG4gICAgYS5waWQgLSBiLnBpZCk7XG4gIHJldHVybiBzb3J0ZWQubWFwKHQgPT4ge1xuICAgIGNvbnN0IHRhZ3MgPSBbYHBpZCAke3QucGlkfWBdO1xuICAgIGlmICh0LmlzRG90bmV0KSB0YWdzLnB1c2goJy5ORVQnKTtcbiAgICBpZiAoIXQuY2FuQXR0YWNoV2l0aG91dFJvb3QpIHRhZ3MucHVzaCgnbmVlZHMgcm9vdCAoZUJQRiknKTtcbiAgICBpZiAodC5waWQgPT09IGF0dGFjaGVkUGlkKSB0YWdzLnB1c2goJ2F0dGFjaGVkJyk7XG4gICAgcmV0dXJuIHtcbiAgICAgIGxhYmVsOiBgJHt0LmlzRG90bmV0ID8gJyQoc3ltYm9sLWNsYXNzKScgOiAnJCh0ZXJtaW5hbCknfSAke3QubmFtZX1gLFxuICAgICAgZGVzY3JpcHRpb246IHRhZ3Muam9pbignIFx1MDBCNyAnKSxcbiAgICAgIGRldGFpbDogdHJ1bmNhdGUodC5jb21tYW5kTGluZSB8fCB0Lm5hbWUsIDE2MCksXG4gICAgICBwaWQ6IHQucGlkLFxuICAgIH07XG4gIH0pO1xufVxuXG5leHBvcnQgZnVuY3Rpb24gdHJ1bmNhdGUoczogc3RyaW5nLCBtYXg6IG51bWJlcik6IHN0cmluZyB7XG4gIHJldHVybiBzLmxlbmd0aCA8PSBtYXggPyBzIDogYCR7cy5zbGljZSgwLCBtYXggLSAxKX1cdTIwMjZgO1xufVxuXG4vKiogYDEyOjAzOjA0LjUxMmAgaW4gbG9jYWwgdGltZS4gKi9cbmV4cG9ydCBmdW5jdGlvbiBmb3JtYXRDbG9jayh1bml4TXM6IG51bWJlcik6IHN0cmluZyB7XG4gIGNvbnN0IGQgPSBuZXcgRGF0ZSh1bml4TXMpO1xuICBjb25zdCBwID0gKG46IG51bWJlciwgdyA9IDIpID0+IFN0cmluZyhuKS5wYWRTdGFydCh3LCAnMCcpO1xuICByZXR1cm4gYCR7cChkLmdldEhvdXJzKCkpfToke3AoZC5nZXRNaW51dGVzKCkpfToke3AoZC5nZXRTZWNvbmRzKCkpfS4ke3AoZC5nZXRNaWxsaXNlY29uZHMoKSwgMyl9YDtcbn1cblxuLyoqIE9uZSByb3cgb2YgdGhlIHJlY2VudCByZXF1ZXN0cyB0YWJsZSwgYXMgZGlzcGxheSBzdHJpbmdzLiAqL1xuZXhwb3J0IGludGVyZmFjZSBSZXF1ZXN0Q2VsbHMge1xuICB0aW1lOiBzdHJpbmc7XG4gIG1ldGhvZDogc3RyaW5nO1xuICBwYXRoOiBzdHJpbmc7XG4gIHN0YXR1czogc3RyaW5nO1xuICBzdGF0dXNDbGFzczogJ29rJyB8ICdyZWRpcmVjdCcgfCAnY2xpZW50LWVycm9yJyB8ICdzZXJ2ZXItZXJyb3InIHwgJ3Vua25vd24nO1xuICBsYXRlbmN5OiBzdHJpbmc7XG4gIHJvdXRlOiBzdHJpbmc7XG59XG5cbmV4cG9ydCBmdW5jdGlvbiByZXF1ZXN0Q2VsbHMocjogUmVxdWVzdFJvdyk6IFJlcXVlc3RDZWxscyB7XG4gIGNvbnN0IHN0YXR1c0NsYXNzID0gci5zdGF0dXMgPj0gNTAwID8gJ3NlcnZlci1lcnJvcidcbiAgICA6IHIuc3RhdHVzID49IDQwMCA/ICdjbGllbnQtZXJyb3InXG4gICAgICA6IHIuc3RhdHVzID49IDMwMCA/ICdyZWRpcmVjdCdcbiAgICAgICAgOiByLnN0YXR1cyA+PSAxMDAgPyAnb2snIDogJ3Vua25vd24nO1xuICByZXR1cm4ge1xuICAgIHRpbWU6IGZvcm1hdENsb2NrKHIudGltZSksXG4gICAgbWV0aG9kOiByLm1ldGhvZCxcbiAgICBwYXRoOiByLnBhdGgsXG4gICAgc3RhdHVzOiByLnN0YXR1cyA+IDAgPyBTdHJpbmcoci5zdGF0dXMpIDogJ1x1MjAxMycsXG4gICAgc3RhdHVzQ2xhc3MsXG4gICAgbGF0ZW5jeTogZm9ybWF0TGF0ZW5jeShyLmxhdGVuY3lNcyksXG4gICAgcm91dGU6IHIucm91dGUgPz8gJycsXG4gIH07XG59XG5cbmV4cG9ydCBmdW5jdGlvbiBlc2NhcGVIdG1sKHM6IHN0cmluZyk6IHN0cmluZyB7XG4gIHJldHVybiBzLnJlcGxhY2UoL1smPD5cIiddL2csIGMgPT4gKHsgJyYnOiAnJmFtcDsnLCAnPCc6ICcmbHQ7JywgJz4nOiAnJmd0OycsICdcIic6ICcmcXVvdDsnLCBcIidcIjogJyYjMzk7JyB9W2NdISkpO1xufVxuXG4vKipcbiAqIFRoZSBhcmd1bWVudHMgYSBDb2RlTGVucyBvZiB0aGUgYnJpZGdlIG1heSBwYXNzIHRvIGBkZXZ0b29scy5zaG93UmVjZW50UmVxdWVzdHNgOlxuICogYFt7IG1ldGhvZCwgcm91dGUgfV1gLCBgWydHRVQnLCAnL29yZGVycy97aWR9J11gLCBvciBub3RoaW5nLiBBbnl0aGluZyBlbHNlIGlzIGlnbm9yZWQuXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiByZWNlbnRSZXF1ZXN0c0ZpbHRlcihhcmdzOiByZWFkb25seSB1bmtub3duW10pOiB7IG1ldGhvZD86IHN0cmluZzsgcm91dGU/OiBzdHJpbmcgfSB7XG4gIGNvbnN0IFthLCBiXSA9IGFyZ3M7XG4gIGlmIChhICYmIHR5cGVvZiBhID09PSAnb2JqZWN0Jykge1xuICAgIGNvbnN0IG8gPSBhIGFzIFJlY29yZDxzdHJpbmcsIHVua25vd24+O1xuICAgIHJldHVybiB7XG4gICAgICBtZXRob2Q6IHR5cGVvZiBvLm1ldGhvZCA9PT0gJ3N0cmluZycgPyBvLm1ldGhvZCA6IHVuZGVmaW5lZCxcbiAgICAgIHJvdXRlOiB0eXBlb2Ygby5yb3V0ZSA9PT0gJ3N0cmluZycgPyBvLnJvdXRlIDogdW5kZWZpbmVkLFxuICAgIH07XG4gIH1cbiAgaWYgKHR5cGVvZiBhID09PSAnc3RyaW5nJyAmJiB0eXBlb2YgYiA9PT0gJ3N0cmluZycpIHJldHVybiB7IG1ldGhvZDogYSwgcm91dGU6IGIgfTtcbiAgaWYgKHR5cGVvZiBhID09PSAnc3RyaW5nJykgcmV0dXJuIHsgcm91dGU6IGEgfTtcbiAgcmV0dXJuIHt9O1xufVxuIl0sCiAgIm1hcHBpbmdzIjogIjs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7OztBQUFBLG9CQUFtQjtBQUNuQix1QkFBcUI7OztBQ0lkLFNBQVMsWUFBWSxHQUFtQjtBQUM3QyxNQUFJLENBQUMsT0FBTyxTQUFTLENBQUMsS0FBSyxLQUFLLEVBQUcsUUFBTztBQUMxQyxNQUFJLEtBQUssSUFBVyxRQUFPLEdBQUcsVUFBVSxJQUFJLEtBQVcsUUFBUSxDQUFDLENBQUMsQ0FBQztBQUNsRSxNQUFJLEtBQUssSUFBUSxRQUFPLEdBQUcsVUFBVSxJQUFJLEtBQU0sUUFBUSxDQUFDLENBQUMsQ0FBQztBQUMxRCxNQUFJLEtBQUssR0FBSSxRQUFPLE9BQU8sS0FBSyxNQUFNLENBQUMsQ0FBQztBQUN4QyxNQUFJLElBQUksSUFBSyxRQUFPO0FBQ3BCLFNBQU8sU0FBUyxFQUFFLFFBQVEsQ0FBQyxDQUFDO0FBQzlCO0FBRUEsU0FBUyxTQUFTLEdBQW1CO0FBQ25DLFNBQU8sRUFBRSxTQUFTLElBQUksSUFBSSxFQUFFLE1BQU0sR0FBRyxFQUFFLElBQUk7QUFDN0M7QUFHTyxTQUFTLGtCQUFrQixtQkFBbUM7QUFDbkUsU0FBTyxHQUFHLFlBQVksb0JBQW9CLEVBQUUsQ0FBQztBQUMvQztBQUdPLFNBQVMsY0FBYyxJQUFvQjtBQUNoRCxNQUFJLENBQUMsT0FBTyxTQUFTLEVBQUUsS0FBSyxLQUFLLEVBQUcsUUFBTztBQUMzQyxNQUFJLE1BQU0sSUFBUSxRQUFPLEdBQUcsS0FBSyxNQUFNLEtBQUssR0FBSSxDQUFDO0FBQ2pELE1BQUksTUFBTSxJQUFNLFFBQU8sR0FBRyxVQUFVLEtBQUssS0FBTSxRQUFRLENBQUMsQ0FBQyxDQUFDO0FBQzFELE1BQUksTUFBTSxHQUFJLFFBQU8sR0FBRyxLQUFLLE1BQU0sRUFBRSxDQUFDO0FBQ3RDLE1BQUksTUFBTSxFQUFHLFFBQU8sR0FBRyxTQUFTLEdBQUcsUUFBUSxDQUFDLENBQUMsQ0FBQztBQUM5QyxTQUFPLEdBQUcsR0FBRyxRQUFRLENBQUMsQ0FBQztBQUN6QjtBQWFPLFNBQVMsV0FBVyxRQUFzQixPQUFnQyxNQUFNLEtBQUssSUFBSSxHQUFlO0FBQzdHLE1BQUksV0FBVyxZQUFZO0FBQ3pCLFdBQU8sRUFBRSxNQUFNLDRCQUE0QixTQUFTLHVDQUFrQyxTQUFTLE1BQU07QUFBQSxFQUN2RztBQUNBLE1BQUksV0FBVyxhQUFhLFdBQVcsVUFBVTtBQUMvQyxXQUFPO0FBQUEsTUFDTCxNQUFNO0FBQUEsTUFDTixTQUFTO0FBQUEsTUFDVCxTQUFTO0FBQUEsSUFDWDtBQUFBLEVBQ0Y7QUFDQSxNQUFJLENBQUMsU0FBUyxDQUFDLE1BQU0sVUFBVTtBQUM3QixVQUFNLFVBQVUsT0FBTyxRQUNuQix1QkFBdUIsTUFBTSxLQUFLLHdCQUNsQztBQUNKLFdBQU8sRUFBRSxNQUFNLDBDQUEwQyxTQUFTLFNBQVMsQ0FBQyxDQUFDLE9BQU8sTUFBTTtBQUFBLEVBQzVGO0FBQ0EsUUFBTSxNQUFNLFlBQVksS0FBSztBQUM3QixRQUFNLFFBQVEsQ0FBQyx5QkFBeUIsR0FBRyxFQUFFO0FBQzdDLE1BQUksTUFBTSxPQUFRLE9BQU0sS0FBSyxPQUFPLFlBQVksTUFBTSxNQUFNLENBQUMsR0FBRyxNQUFNLFFBQVEsS0FBSyxNQUFNLEtBQUssTUFBTSxFQUFFLEVBQUU7QUFDeEcsTUFBSSxNQUFNLE1BQU8sT0FBTSxLQUFLLE9BQU8sZUFBZSxNQUFNLE1BQU0sS0FBSyxDQUFDLEVBQUU7QUFDdEUsUUFBTSxLQUFLLEdBQUcsa0JBQWtCLE1BQU0saUJBQWlCLENBQUMsRUFBRTtBQUMxRCxNQUFJLE1BQU0sTUFBTyxPQUFNLEtBQUssVUFBSyxNQUFNLEtBQUssRUFBRTtBQUM5QyxRQUFNLEtBQUssc0NBQXNDO0FBQ2pELFNBQU87QUFBQSxJQUNMLE1BQU0sc0JBQXNCLE1BQU0sZUFBZSxHQUFHLElBQUksa0JBQWtCLE1BQU0saUJBQWlCLENBQUM7QUFBQSxJQUNsRyxTQUFTLE1BQU0sS0FBSyxJQUFJO0FBQUEsSUFDeEIsU0FBUyxDQUFDLENBQUMsTUFBTTtBQUFBLEVBQ25CO0FBQ0Y7QUFFQSxTQUFTLFlBQVksT0FBNEI7QUFDL0MsTUFBSSxNQUFNLGVBQWUsTUFBTSxRQUFRLE9BQVcsUUFBTyxHQUFHLE1BQU0sV0FBVyxTQUFTLE1BQU0sR0FBRztBQUMvRixNQUFJLE1BQU0sUUFBUSxPQUFXLFFBQU8sT0FBTyxNQUFNLEdBQUc7QUFDcEQsTUFBSSxNQUFNLE1BQU8sUUFBTyxTQUFTLE1BQU0sS0FBSztBQUM1QyxTQUFPLE1BQU0sZUFBZTtBQUM5QjtBQUVBLFNBQVMsWUFBWSxRQUFvRDtBQUN2RSxVQUFRLFFBQVE7QUFBQSxJQUNkLEtBQUs7QUFBYSxhQUFPO0FBQUEsSUFDekIsS0FBSztBQUFRLGFBQU87QUFBQSxJQUNwQixLQUFLO0FBQVMsYUFBTztBQUFBLEVBQ3ZCO0FBQ0Y7QUFHTyxTQUFTLGVBQWUsSUFBb0I7QUFDakQsUUFBTSxJQUFJLEtBQUssSUFBSSxHQUFHLEtBQUssTUFBTSxLQUFLLEdBQUksQ0FBQztBQUMzQyxNQUFJLElBQUksR0FBSSxRQUFPLEdBQUcsQ0FBQztBQUN2QixRQUFNLElBQUksS0FBSyxNQUFNLElBQUksRUFBRTtBQUMzQixNQUFJLElBQUksR0FBSSxRQUFPLEdBQUcsQ0FBQztBQUN2QixTQUFPLEdBQUcsS0FBSyxNQUFNLElBQUksRUFBRSxDQUFDLE1BQU0sSUFBSSxFQUFFO0FBQzFDO0FBY08sU0FBUyxZQUFZLFNBQTRCLGFBQW9DO0FBQzFGLFFBQU0sU0FBUyxDQUFDLEdBQUcsT0FBTyxFQUFFLEtBQUssQ0FBQyxHQUFHLE1BQ25DLE9BQU8sRUFBRSxvQkFBb0IsSUFBSSxPQUFPLEVBQUUsb0JBQW9CLEtBQzlELE9BQU8sRUFBRSxRQUFRLElBQUksT0FBTyxFQUFFLFFBQVEsS0FDdEMsRUFBRSxLQUFLLGNBQWMsRUFBRSxJQUFJLEtBQzNCLEVBQUUsTUFBTSxFQUFFLEdBQUc7QUFDZixTQUFPLE9BQU8sSUFBSSxPQUFLO0FBQ3JCLFVBQU0sT0FBTyxDQUFDLE9BQU8sRUFBRSxHQUFHLEVBQUU7QUFDNUIsUUFBSSxFQUFFLFNBQVUsTUFBSyxLQUFLLE1BQU07QUFDaEMsUUFBSSxDQUFDLEVBQUUscUJBQXNCLE1BQUssS0FBSyxtQkFBbUI7QUFDMUQsUUFBSSxFQUFFLFFBQVEsWUFBYSxNQUFLLEtBQUssVUFBVTtBQUMvQyxXQUFPO0FBQUEsTUFDTCxPQUFPLEdBQUcsRUFBRSxXQUFXLG9CQUFvQixhQUFhLElBQUksRUFBRSxJQUFJO0FBQUEsTUFDbEUsYUFBYSxLQUFLLEtBQUssUUFBSztBQUFBLE1BQzVCLFFBQVEsU0FBUyxFQUFFLGVBQWUsRUFBRSxNQUFNLEdBQUc7QUFBQSxNQUM3QyxLQUFLLEVBQUU7QUFBQSxJQUNUO0FBQUEsRUFDRixDQUFDO0FBQ0g7QUFFTyxTQUFTLFNBQVMsR0FBVyxLQUFxQjtBQUN2RCxTQUFPLEVBQUUsVUFBVSxNQUFNLElBQUksR0FBRyxFQUFFLE1BQU0sR0FBRyxNQUFNLENBQUMsQ0FBQztBQUNyRDtBQUdPLFNBQVMsWUFBWSxRQUF3QjtBQUNsRCxRQUFNLElBQUksSUFBSSxLQUFLLE1BQU07QUFDekIsUUFBTSxJQUFJLENBQUMsR0FBVyxJQUFJLE1BQU0sT0FBTyxDQUFDLEVBQUUsU0FBUyxHQUFHLEdBQUc7QUFDekQsU0FBTyxHQUFHLEVBQUUsRUFBRSxTQUFTLENBQUMsQ0FBQyxJQUFJLEVBQUUsRUFBRSxXQUFXLENBQUMsQ0FBQyxJQUFJLEVBQUUsRUFBRSxXQUFXLENBQUMsQ0FBQyxJQUFJLEVBQUUsRUFBRSxnQkFBZ0IsR0FBRyxDQUFDLENBQUM7QUFDbEc7QUFhTyxTQUFTLGFBQWEsR0FBNkI7QUFDeEQsUUFBTSxjQUFjLEVBQUUsVUFBVSxNQUFNLGlCQUNsQyxFQUFFLFVBQVUsTUFBTSxpQkFDaEIsRUFBRSxVQUFVLE1BQU0sYUFDaEIsRUFBRSxVQUFVLE1BQU0sT0FBTztBQUNqQyxTQUFPO0FBQUEsSUFDTCxNQUFNLFlBQVksRUFBRSxJQUFJO0FBQUEsSUFDeEIsUUFBUSxFQUFFO0FBQUEsSUFDVixNQUFNLEVBQUU7QUFBQSxJQUNSLFFBQVEsRUFBRSxTQUFTLElBQUksT0FBTyxFQUFFLE1BQU0sSUFBSTtBQUFBLElBQzFDO0FBQUEsSUFDQSxTQUFTLGNBQWMsRUFBRSxTQUFTO0FBQUEsSUFDbEMsT0FBTyxFQUFFLFNBQVM7QUFBQSxFQUNwQjtBQUNGO0FBRU8sU0FBUyxXQUFXLEdBQW1CO0FBQzVDLFNBQU8sRUFBRSxRQUFRLFlBQVksUUFBTSxFQUFFLEtBQUssU0FBUyxLQUFLLFFBQVEsS0FBSyxRQUFRLEtBQUssVUFBVSxLQUFLLFFBQVEsR0FBRSxDQUFDLENBQUc7QUFDakg7QUFNTyxTQUFTLHFCQUFxQixNQUErRDtBQUNsRyxRQUFNLENBQUMsR0FBRyxDQUFDLElBQUk7QUFDZixNQUFJLEtBQUssT0FBTyxNQUFNLFVBQVU7QUFDOUIsVUFBTSxJQUFJO0FBQ1YsV0FBTztBQUFBLE1BQ0wsUUFBUSxPQUFPLEVBQUUsV0FBVyxXQUFXLEVBQUUsU0FBUztBQUFBLE1BQ2xELE9BQU8sT0FBTyxFQUFFLFVBQVUsV0FBVyxFQUFFLFFBQVE7QUFBQSxJQUNqRDtBQUFBLEVBQ0Y7QUFDQSxNQUFJLE9BQU8sTUFBTSxZQUFZLE9BQU8sTUFBTSxTQUFVLFFBQU8sRUFBRSxRQUFRLEdBQUcsT0FBTyxFQUFFO0FBQ2pGLE1BQUksT0FBTyxNQUFNLFNBQVUsUUFBTyxFQUFFLE9BQU8sRUFBRTtBQUM3QyxTQUFPLENBQUM7QUFDVjs7O0lEckxBLHVCQUFLLHlDQUF5QyxNQUFNO0FBQ2xELGdCQUFBQSxRQUFPLE1BQU0sa0JBQWtCLE1BQU0sRUFBRSxHQUFHLGFBQWE7QUFDdkQsZ0JBQUFBLFFBQU8sTUFBTSxrQkFBa0IsQ0FBQyxHQUFHLFdBQVc7QUFDOUMsZ0JBQUFBLFFBQU8sTUFBTSxrQkFBa0IsSUFBSSxHQUFHLFdBQVc7QUFDakQsZ0JBQUFBLFFBQU8sTUFBTSxrQkFBa0IsSUFBSyxHQUFHLGNBQWM7QUFDckQsZ0JBQUFBLFFBQU8sTUFBTSxrQkFBa0IsR0FBSSxHQUFHLGFBQWE7QUFDbkQsZ0JBQUFBLFFBQU8sTUFBTSxZQUFZLElBQUksR0FBRyxJQUFJO0FBQ3BDLGdCQUFBQSxRQUFPLE1BQU0sWUFBWSxHQUFHLEdBQUcsS0FBSztBQUNwQyxnQkFBQUEsUUFBTyxNQUFNLFlBQVksS0FBTSxHQUFHLE9BQU87QUFDekMsZ0JBQUFBLFFBQU8sTUFBTSxZQUFZLEdBQVMsR0FBRyxJQUFJO0FBQzNDLENBQUM7QUFBQSxJQUVELHVCQUFLLGFBQWEsTUFBTTtBQUN0QixnQkFBQUEsUUFBTyxNQUFNLGNBQWMsSUFBSSxHQUFHLFFBQVE7QUFDMUMsZ0JBQUFBLFFBQU8sTUFBTSxjQUFjLElBQUksR0FBRyxPQUFPO0FBQ3pDLGdCQUFBQSxRQUFPLE1BQU0sY0FBYyxJQUFJLEdBQUcsU0FBUztBQUMzQyxnQkFBQUEsUUFBTyxNQUFNLGNBQWMsSUFBSSxHQUFHLE9BQU87QUFDekMsZ0JBQUFBLFFBQU8sTUFBTSxjQUFjLEdBQUksR0FBRyxLQUFLO0FBQ3ZDLGdCQUFBQSxRQUFPLE1BQU0sY0FBYyxFQUFFLEdBQUcsUUFBRztBQUNyQyxDQUFDO0FBQUEsSUFFRCx1QkFBSywrQ0FBK0MsTUFBTTtBQUN4RCxRQUFNLElBQUksV0FBVyxXQUFXO0FBQUEsSUFDOUIsVUFBVTtBQUFBLElBQU0sS0FBSztBQUFBLElBQU0sYUFBYTtBQUFBLElBQWMsUUFBUTtBQUFBLElBQWEsbUJBQW1CO0FBQUEsSUFBSyxPQUFPO0FBQUEsRUFDNUcsR0FBRyxJQUFNO0FBQ1QsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLE1BQU0sMkNBQTJDO0FBQ2hFLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxTQUFTLHlCQUF5QjtBQUNqRCxnQkFBQUEsUUFBTyxNQUFNLEVBQUUsU0FBUyxlQUFlO0FBQ3ZDLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxTQUFTLFdBQVc7QUFDbkMsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLFNBQVMsS0FBSztBQUMvQixDQUFDO0FBQUEsSUFFRCx1QkFBSyw0REFBNEQsTUFBTTtBQUNyRSxnQkFBQUEsUUFBTyxNQUFNLFdBQVcsV0FBVyxFQUFFLFVBQVUsT0FBTyxtQkFBbUIsRUFBRSxDQUFDLEVBQUUsTUFBTSx3Q0FBd0M7QUFDNUgsZ0JBQUFBLFFBQU8sTUFBTSxXQUFXLFdBQVcsTUFBUyxFQUFFLE1BQU0sd0NBQXdDO0FBQzVGLFFBQU0sU0FBUyxXQUFXLFdBQVcsRUFBRSxVQUFVLE9BQU8sbUJBQW1CLEdBQUcsT0FBTyxzQkFBc0IsQ0FBQztBQUM1RyxnQkFBQUEsUUFBTyxNQUFNLE9BQU8sU0FBUyxJQUFJO0FBQ2pDLGdCQUFBQSxRQUFPLE1BQU0sT0FBTyxTQUFTLHFCQUFxQjtBQUNsRCxnQkFBQUEsUUFBTyxNQUFNLFdBQVcsWUFBWSxNQUFTLEVBQUUsTUFBTSxjQUFjO0FBQ25FLGdCQUFBQSxRQUFPLE1BQU0sV0FBVyxXQUFXLEVBQUUsVUFBVSxNQUFNLG1CQUFtQixFQUFFLENBQUMsRUFBRSxNQUFNLDBDQUEwQztBQUM3SCxnQkFBQUEsUUFBTztBQUFBLElBQU0sV0FBVyxXQUFXLEVBQUUsVUFBVSxNQUFNLE9BQU8sb0JBQW9CLFFBQVEsU0FBUyxtQkFBbUIsRUFBRSxDQUFDLEVBQUU7QUFBQSxJQUN2SDtBQUFBLEVBQXFEO0FBQ3pELENBQUM7QUFBQSxJQUVELHVCQUFLLGdFQUFnRSxNQUFNO0FBQ3pFLFFBQU0sVUFBb0I7QUFBQSxJQUN4QixFQUFFLEtBQUssSUFBSSxNQUFNLFNBQVMsYUFBYSxpQkFBaUIsVUFBVSxPQUFPLHNCQUFzQixLQUFLO0FBQUEsSUFDcEcsRUFBRSxLQUFLLElBQUksTUFBTSxTQUFTLGFBQWEsb0JBQW9CLFVBQVUsTUFBTSxzQkFBc0IsTUFBTTtBQUFBLElBQ3ZHLEVBQUUsS0FBSyxJQUFJLE1BQU0sY0FBYyxhQUFhLHNEQUFzRCxVQUFVLE1BQU0sc0JBQXNCLEtBQUs7QUFBQSxJQUM3SSxFQUFFLEtBQUssR0FBRyxNQUFNLFFBQVEsYUFBYSxJQUFJLFVBQVUsT0FBTyxzQkFBc0IsS0FBSztBQUFBLEVBQ3ZGO0FBQ0EsUUFBTSxRQUFRLFlBQVksU0FBUyxFQUFFO0FBQ3JDLGdCQUFBQSxRQUFPLFVBQVUsTUFBTSxJQUFJLE9BQUssRUFBRSxHQUFHLEdBQUcsQ0FBQyxJQUFJLEdBQUcsSUFBSSxFQUFFLENBQUM7QUFDdkQsZ0JBQUFBLFFBQU8sTUFBTSxNQUFNLENBQUMsRUFBRSxPQUFPLDRCQUE0QjtBQUN6RCxnQkFBQUEsUUFBTyxNQUFNLE1BQU0sQ0FBQyxFQUFFLGFBQWEsZ0NBQTBCO0FBQzdELGdCQUFBQSxRQUFPLE1BQU0sTUFBTSxDQUFDLEVBQUUsT0FBTyxrQkFBa0I7QUFDL0MsZ0JBQUFBLFFBQU8sTUFBTSxNQUFNLENBQUMsRUFBRSxRQUFRLE1BQU07QUFDcEMsZ0JBQUFBLFFBQU8sTUFBTSxNQUFNLENBQUMsRUFBRSxhQUFhLHlDQUFtQztBQUN4RSxDQUFDO0FBQUEsSUFFRCx1QkFBSyxrQ0FBa0MsTUFBTTtBQUMzQyxRQUFNLElBQUksYUFBYSxFQUFFLE1BQU0sS0FBSyxJQUFJLE1BQU0sR0FBRyxHQUFHLElBQUksR0FBRyxHQUFHLENBQUMsR0FBRyxRQUFRLE9BQU8sTUFBTSxjQUFjLFFBQVEsS0FBSyxXQUFXLE1BQU0sT0FBTyxlQUFlLENBQUM7QUFDMUosZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLGFBQWEsY0FBYztBQUMxQyxnQkFBQUEsUUFBTyxNQUFNLEVBQUUsU0FBUyxRQUFRO0FBQ2hDLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxNQUFNLHVCQUF1QjtBQUM1QyxnQkFBQUEsUUFBTyxNQUFNLGFBQWEsRUFBRSxNQUFNLEdBQUcsUUFBUSxPQUFPLE1BQU0sS0FBSyxRQUFRLEtBQUssV0FBVyxFQUFFLENBQUMsRUFBRSxhQUFhLGNBQWM7QUFDdkgsZ0JBQUFBLFFBQU8sTUFBTSxhQUFhLEVBQUUsTUFBTSxHQUFHLFFBQVEsT0FBTyxNQUFNLEtBQUssUUFBUSxHQUFHLFdBQVcsRUFBRSxDQUFDLEVBQUUsUUFBUSxRQUFHO0FBQ3JHLGdCQUFBQSxRQUFPLE1BQU0sV0FBVyxxQkFBcUIsR0FBRyx1REFBdUQ7QUFDekcsQ0FBQztBQUFBLElBRUQsdUJBQUssc0NBQXNDLE1BQU07QUFDL0MsZ0JBQUFBLFFBQU8sVUFBVSxxQkFBcUIsQ0FBQyxFQUFFLFFBQVEsT0FBTyxPQUFPLGVBQWUsQ0FBQyxDQUFDLEdBQUcsRUFBRSxRQUFRLE9BQU8sT0FBTyxlQUFlLENBQUM7QUFDM0gsZ0JBQUFBLFFBQU8sVUFBVSxxQkFBcUIsQ0FBQyxPQUFPLGNBQWMsQ0FBQyxHQUFHLEVBQUUsUUFBUSxPQUFPLE9BQU8sZUFBZSxDQUFDO0FBQ3hHLGdCQUFBQSxRQUFPLFVBQVUscUJBQXFCLENBQUMsU0FBUyxDQUFDLEdBQUcsRUFBRSxPQUFPLFVBQVUsQ0FBQztBQUN4RSxnQkFBQUEsUUFBTyxVQUFVLHFCQUFxQixDQUFDLENBQUMsR0FBRyxDQUFDLENBQUM7QUFDN0MsZ0JBQUFBLFFBQU8sVUFBVSxxQkFBcUIsQ0FBQyxFQUFFLENBQUMsR0FBRyxDQUFDLENBQUM7QUFDakQsQ0FBQztBQUFBLElBRUQsdUJBQUssYUFBYSxNQUFNO0FBQ3RCLGdCQUFBQSxRQUFPLE1BQU0sZUFBZSxJQUFLLEdBQUcsS0FBSztBQUN6QyxnQkFBQUEsUUFBTyxNQUFNLGVBQWUsS0FBTyxHQUFHLE9BQU87QUFDN0MsZ0JBQUFBLFFBQU8sTUFBTSxlQUFlLElBQVMsR0FBRyxXQUFXO0FBQ3JELENBQUM7IiwKICAibmFtZXMiOiBbImFzc2VydCJdCn0K
