"use strict";
(() => {
  // src/flamegraph/layout.ts
  function parseSpeedscope(value) {
    const doc = typeof value === "string" ? JSON.parse(value) : value;
    if (!doc || typeof doc !== "object") throw new Error("the profile is not a JSON object");
    if (!doc.shared || !Array.isArray(doc.shared.frames)) throw new Error("the profile has no shared.frames");
    if (!Array.isArray(doc.profiles)) throw new Error("the profile has no profiles");
    const frameCount = doc.shared.frames.length;
    for (const [i, p] of doc.profiles.entries()) {
      if (p.type === "sampled") {
        if (!Array.isArray(p.samples)) throw new Error(`profile ${i} has no samples`);
        if (p.weights && p.weights.length !== p.samples.length) {
          throw new Error(`profile ${i} has ${p.samples.length} samples but ${p.weights.length} weights`);
        }
        for (const s of p.samples) {
          for (const f of s) if (!(f >= 0 && f < frameCount)) throw new Error(`profile ${i} refers to frame ${f} of ${frameCount}`);
        }
      } else if (p.type === "evented") {
        if (!Array.isArray(p.events)) throw new Error(`profile ${i} has no events`);
        for (const e of p.events) {
          if (!(e.frame >= 0 && e.frame < frameCount)) throw new Error(`profile ${i} refers to frame ${e.frame} of ${frameCount}`);
        }
      } else {
        throw new Error(`profile ${i} has unknown type ${String(p.type)}`);
      }
    }
    return doc;
  }
  function child(node, frame) {
    let c = node.children.get(frame);
    if (!c) {
      c = { frame, total: 0, self: 0, children: /* @__PURE__ */ new Map(), parent: node };
      node.children.set(frame, c);
    }
    return c;
  }
  function buildFlameTree(doc, profileIndexes) {
    const root = { frame: -1, total: 0, self: 0, children: /* @__PURE__ */ new Map() };
    const chosen = profileIndexes ?? doc.profiles.map((_, i) => i);
    const units = /* @__PURE__ */ new Set();
    for (const i of chosen) {
      const p = doc.profiles[i];
      if (!p) continue;
      units.add(p.unit ?? "none");
      if (p.type === "sampled") {
        p.samples.forEach((stack, s) => {
          const w = p.weights ? p.weights[s] : 1;
          if (!(w > 0)) return;
          let node = root;
          root.total += w;
          for (const f of stack) {
            node = child(node, f);
            node.total += w;
          }
          node.self += w;
        });
      } else {
        addEvented(root, p);
      }
    }
    computeSelf(root);
    return {
      root,
      frames: doc.shared.frames,
      unit: units.size === 1 ? [...units][0] : "none",
      profileNames: chosen.map((i) => doc.profiles[i]?.name ?? `profile ${i}`)
    };
  }
  function addEvented(root, p) {
    const stack = [];
    const events = [...p.events].sort((a, b) => a.at - b.at || (a.type === b.type ? 0 : a.type === "C" ? -1 : 1));
    for (const e of events) {
      if (e.type === "O") {
        const parent = stack.length ? stack[stack.length - 1].node : root;
        stack.push({ node: child(parent, e.frame), at: e.at });
      } else {
        const idx = findLastIndex(stack, (s) => s.node.frame === e.frame);
        if (idx < 0) continue;
        while (stack.length > idx) {
          const top = stack.pop();
          top.node.total += e.at - top.at;
        }
      }
    }
    const end = p.endValue ?? (events.length ? events[events.length - 1].at : 0);
    while (stack.length) {
      const top = stack.pop();
      top.node.total += Math.max(0, end - top.at);
    }
    root.total = 0;
    for (const c of root.children.values()) root.total += c.total;
  }
  function findLastIndex(a, pred) {
    for (let i = a.length - 1; i >= 0; i--) if (pred(a[i])) return i;
    return -1;
  }
  function computeSelf(node) {
    let childTotal = 0;
    for (const c of node.children.values()) {
      computeSelf(c);
      childTotal += c.total;
    }
    if (node.self === 0 && node.total > childTotal) node.self = node.total - childTotal;
  }
  function layoutFlameGraph(tree2, options = {}) {
    const focus2 = options.focus ?? tree2.root;
    const minWidth = options.minWidth ?? 1e-3;
    const maxRects = options.maxRects ?? 2e4;
    const grand = tree2.root.total || 1;
    const rects = [];
    const rect = (node, x, width, depth2, ancestor) => {
      const f = node.frame >= 0 ? tree2.frames[node.frame] : void 0;
      return {
        x,
        width,
        depth: depth2,
        ancestor,
        node,
        name: f ? f.name : "all",
        frame: node.frame,
        total: node.total,
        self: node.self,
        percent: node.total / grand * 100,
        file: f?.file,
        line: f?.line
      };
    };
    const ancestors = [];
    for (let n = focus2.parent; n; n = n.parent) ancestors.unshift(n);
    ancestors.forEach((a, d) => rects.push(rect(a, 0, 1, d, true)));
    const scale = focus2.total > 0 ? 1 / focus2.total : 0;
    let level = [{ node: focus2, x: 0 }];
    let depth = ancestors.length;
    while (level.length && rects.length < maxRects) {
      const next = [];
      for (const { node, x } of level) {
        if (rects.length >= maxRects) break;
        const width = node.total * scale;
        rects.push(rect(node, x, width, depth, false));
        let cx = x;
        for (const c of sortedChildren(node)) {
          const cw = c.total * scale;
          if (cw >= minWidth) next.push({ node: c, x: cx });
          cx += cw;
        }
      }
      level = next;
      depth++;
    }
    return rects;
  }
  function sortedChildren(node) {
    return [...node.children.values()].sort((a, b) => b.total - a.total || a.frame - b.frame);
  }
  function topFramesBySelf(tree2, limit = 20) {
    const self = /* @__PURE__ */ new Map();
    const visit = (n) => {
      if (n.frame >= 0 && n.self > 0) self.set(n.frame, (self.get(n.frame) ?? 0) + n.self);
      for (const c of n.children.values()) visit(c);
    };
    visit(tree2.root);
    const grand = tree2.root.total || 1;
    return [...self].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([frame, s]) => ({
      frame,
      name: tree2.frames[frame].name,
      self: s,
      percent: s / grand * 100,
      file: tree2.frames[frame].file,
      line: tree2.frames[frame].line
    }));
  }
  function formatWeight(value, unit) {
    switch (unit) {
      case "nanoseconds":
        return formatMs(value / 1e6);
      case "microseconds":
        return formatMs(value / 1e3);
      case "milliseconds":
        return formatMs(value);
      case "seconds":
        return formatMs(value * 1e3);
      case "bytes":
        return value >= 1 << 20 ? `${(value / (1 << 20)).toFixed(1)} MiB` : value >= 1024 ? `${(value / 1024).toFixed(1)} KiB` : `${value} B`;
      default:
        return `${Math.round(value)} sample${Math.round(value) === 1 ? "" : "s"}`;
    }
  }
  function formatMs(ms) {
    if (ms >= 1e3) return `${(ms / 1e3).toFixed(ms >= 1e4 ? 0 : 1)} s`;
    if (ms >= 10) return `${Math.round(ms)} ms`;
    return `${ms.toFixed(ms >= 1 ? 1 : 2)} ms`;
  }
  function frameColor(name, hasSource) {
    let h = 0;
    for (let i = 0; i < name.length; i++) h = h * 31 + name.charCodeAt(i) >>> 0;
    const hue = hasSource ? 30 + h % 30 : 0 + h % 28;
    const sat = 70 + (h >>> 8) % 20;
    const light = 55 + (h >>> 16) % 12;
    return `hsl(${hue}, ${sat}%, ${light}%)`;
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

  // src/webview/flamegraph.ts
  var SVG = "http://www.w3.org/2000/svg";
  var ROW = 18;
  var graph = byId("graph");
  var summary = byId("summary");
  var crumbs = byId("crumbs");
  var tooltip = byId("tooltip");
  var search = byId("search");
  var topBody = byId("top").tBodies[0];
  var tree;
  var focus;
  window.addEventListener("message", (e) => {
    const m = e.data;
    if (m.type === "profile") {
      try {
        tree = buildFlameTree(parseSpeedscope(m.speedscope));
        focus = void 0;
        render();
      } catch (err) {
        showMessage(`Not a usable profile: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else if (m.type === "error") {
      showMessage(`Could not fetch the profile: ${m.message ?? "unknown error"}`);
    }
  });
  byId("refresh").addEventListener("click", () => {
    summary.textContent = "Loading\u2026";
    host.postMessage({ type: "refresh" });
  });
  byId("reset").addEventListener("click", () => {
    focus = void 0;
    render();
  });
  search.addEventListener("input", () => render());
  window.addEventListener("resize", () => render());
  function showMessage(text) {
    summary.textContent = text;
    graph.replaceChildren(el("p", text, "empty"));
  }
  function render() {
    if (!tree) return;
    const t = tree;
    if (t.root.total <= 0) {
      summary.textContent = "No samples yet: attach to a process and let it run for a moment, then Refresh.";
      graph.replaceChildren(el("p", "The profile is empty.", "empty"));
      topBody.replaceChildren();
      crumbs.replaceChildren();
      return;
    }
    const width = Math.max(300, graph.clientWidth || 800);
    const rects = layoutFlameGraph(t, { focus, minWidth: 0.5 / width });
    const depth = rects.reduce((d, r) => Math.max(d, r.depth), 0) + 1;
    summary.textContent = `${formatWeight(t.root.total, t.unit)} in ${t.profileNames.length} profile${t.profileNames.length === 1 ? "" : "s"}`;
    const needle = search.value.trim().toLowerCase();
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(depth * ROW));
    svg.setAttribute("class", "flame");
    for (const r of rects) svg.appendChild(frameElement(r, width, needle));
    graph.replaceChildren(svg);
    renderCrumbs(t);
    renderTop(t);
  }
  function frameElement(r, width, needle) {
    const g = document.createElementNS(SVG, "g");
    const x = r.x * width;
    const w = Math.max(r.width * width - 1, 0.5);
    const y = r.depth * ROW;
    g.setAttribute("class", `frame${r.ancestor ? " ancestor" : ""}${needle && r.name.toLowerCase().includes(needle) ? " match" : ""}`);
    g.setAttribute("data-name", r.name);
    const rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("x", x.toFixed(1));
    rect.setAttribute("y", String(y));
    rect.setAttribute("width", w.toFixed(1));
    rect.setAttribute("height", String(ROW - 1));
    rect.setAttribute("rx", "2");
    rect.setAttribute("fill", r.frame < 0 ? "var(--vscode-editorWidget-border, #888)" : frameColor(r.name, !!r.file));
    g.appendChild(rect);
    if (w > 28) {
      const text = document.createElementNS(SVG, "text");
      text.setAttribute("x", (x + 4).toFixed(1));
      text.setAttribute("y", String(y + ROW - 5));
      const chars = Math.floor((w - 8) / 6.5);
      text.textContent = r.name.length > chars ? `${r.name.slice(0, Math.max(chars - 1, 1))}\u2026` : r.name;
      g.appendChild(text);
    }
    g.addEventListener("click", (ev) => {
      if (ev.altKey && r.file) {
        host.postMessage({ type: "open", file: r.file, line: r.line });
        return;
      }
      focus = r.node === tree?.root ? void 0 : r.node;
      render();
    });
    g.addEventListener("mousemove", (ev) => showTooltip(r, ev));
    g.addEventListener("mouseleave", () => {
      tooltip.hidden = true;
    });
    return g;
  }
  function showTooltip(r, ev) {
    if (!tree) return;
    const lines = [
      r.name,
      `total ${formatWeight(r.total, tree.unit)} (${r.percent.toFixed(1)}%)`,
      `self ${formatWeight(r.self, tree.unit)} (${(r.self / (tree.root.total || 1) * 100).toFixed(1)}%)`
    ];
    if (r.file) lines.push(`${r.file}${r.line ? `:${r.line}` : ""}  (Alt+click to open)`);
    tooltip.replaceChildren(...lines.map((l, i) => el("div", l, i === 0 ? "name" : void 0)));
    tooltip.hidden = false;
    const pad = 12;
    const tw = tooltip.offsetWidth;
    const left = ev.clientX + pad + tw > window.innerWidth ? ev.clientX - pad - tw : ev.clientX + pad;
    tooltip.style.left = `${Math.max(0, left)}px`;
    tooltip.style.top = `${ev.clientY + pad}px`;
  }
  function renderCrumbs(t) {
    const path = [];
    for (let n = focus; n; n = n.parent) path.unshift(n);
    if (path.length <= 1) {
      crumbs.replaceChildren();
      return;
    }
    crumbs.replaceChildren(...path.flatMap((n, i) => {
      const name = n.frame < 0 ? "all" : t.frames[n.frame].name;
      const a = el("a", name);
      a.href = "#";
      a.addEventListener("click", (e) => {
        e.preventDefault();
        focus = n === t.root ? void 0 : n;
        render();
      });
      return i === 0 ? [a] : [el("span", " \u203A "), a];
    }));
  }
  function renderTop(t) {
    topBody.replaceChildren(...topFramesBySelf(t, 15).map((f) => {
      const tr = el("tr");
      tr.append(el("td", f.name, "name"), el("td", formatWeight(f.self, t.unit), "num"), el("td", `${f.percent.toFixed(1)}%`, "num"));
      const src = el("td");
      if (f.file) {
        const a = el("a", `${f.file.split(/[\\/]/).pop()}${f.line ? `:${f.line}` : ""}`);
        a.href = "#";
        a.title = f.file;
        a.addEventListener("click", (e) => {
          e.preventDefault();
          host.postMessage({ type: "open", file: f.file, line: f.line });
        });
        src.appendChild(a);
      }
      tr.appendChild(src);
      return tr;
    }));
  }
  host.postMessage({ type: "ready" });
})();
//# sourceMappingURL=flamegraph.js.map
