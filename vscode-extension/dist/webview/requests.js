"use strict";
(() => {
  // src/format.ts
  function trimZero(s) {
    return s.endsWith(".0") ? s.slice(0, -2) : s;
  }
  function formatLatency(ms) {
    if (!Number.isFinite(ms) || ms < 0) return "\u2013";
    if (ms >= 1e4) return `${Math.round(ms / 1e3)} s`;
    if (ms >= 1e3) return `${trimZero((ms / 1e3).toFixed(1))} s`;
    if (ms >= 10) return `${Math.round(ms)} ms`;
    if (ms >= 1) return `${trimZero(ms.toFixed(1))} ms`;
    return `${ms.toFixed(2)} ms`;
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

  // src/webview/api.ts
  var host = acquireVsCodeApi();
  function byId(id) {
    const el2 = document.getElementById(id);
    if (!el2) throw new Error(`#${id} is missing`);
    return el2;
  }
  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== void 0) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  // src/webview/requests.ts
  var body = byId("requests").tBodies[0];
  var summary = byId("summary");
  var slowest = byId("slowest");
  var auto = byId("auto");
  window.addEventListener("message", (e) => {
    const m = e.data;
    if (m.type === "error") {
      summary.textContent = `Could not fetch requests: ${m.message ?? "unknown error"}`;
      return;
    }
    if (m.type !== "requests" || !m.requests) return;
    slowest.checked = !!m.slowestFirst;
    auto.checked = m.auto !== false;
    const what = m.filter?.route ? `${m.filter.method ?? ""} ${m.filter.route}`.trim() : "all endpoints";
    summary.textContent = `${m.requests.length} request${m.requests.length === 1 ? "" : "s"} \xB7 ${what} \xB7 ${m.slowestFirst ? "slowest first" : "newest first"}`;
    body.replaceChildren(...m.requests.map((r) => {
      const c = requestCells(r);
      const tr = el("tr");
      tr.append(
        el("td", c.time, "time"),
        el("td", c.method),
        el("td", c.path, "path"),
        el("td", c.status, `status ${c.statusClass}`),
        el("td", c.latency, "num"),
        el("td", c.route, "route")
      );
      return tr;
    }));
    if (m.requests.length === 0) {
      const tr = el("tr");
      const td = el("td", "No requests captured yet.", "empty");
      td.colSpan = 6;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  });
  byId("refresh").addEventListener("click", () => host.postMessage({ type: "refresh" }));
  slowest.addEventListener("change", () => host.postMessage({ type: "options", slowestFirst: slowest.checked }));
  auto.addEventListener("change", () => host.postMessage({ type: "options", auto: auto.checked }));
  host.postMessage({ type: "ready" });
})();
//# sourceMappingURL=requests.js.map
