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

// test/layout.test.ts
var import_strict = __toESM(require("node:assert/strict"));
var import_node_test = require("node:test");

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
function layoutFlameGraph(tree, options = {}) {
  const focus = options.focus ?? tree.root;
  const minWidth = options.minWidth ?? 1e-3;
  const maxRects = options.maxRects ?? 2e4;
  const grand = tree.root.total || 1;
  const rects = [];
  const rect = (node, x, width, depth2, ancestor) => {
    const f = node.frame >= 0 ? tree.frames[node.frame] : void 0;
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
  for (let n = focus.parent; n; n = n.parent) ancestors.unshift(n);
  ancestors.forEach((a, d) => rects.push(rect(a, 0, 1, d, true)));
  const scale = focus.total > 0 ? 1 / focus.total : 0;
  let level = [{ node: focus, x: 0 }];
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
function topFramesBySelf(tree, limit = 20) {
  const self = /* @__PURE__ */ new Map();
  const visit = (n) => {
    if (n.frame >= 0 && n.self > 0) self.set(n.frame, (self.get(n.frame) ?? 0) + n.self);
    for (const c of n.children.values()) visit(c);
  };
  visit(tree.root);
  const grand = tree.root.total || 1;
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([frame, s]) => ({
    frame,
    name: tree.frames[frame].name,
    self: s,
    percent: s / grand * 100,
    file: tree.frames[frame].file,
    line: tree.frames[frame].line
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

// test/layout.test.ts
var frames = [
  { name: "Main" },
  // 0
  { name: "HandleOrders", file: "/src/Program.cs", line: 14 },
  // 1
  { name: "Work.Spin", file: "/src/Program.cs", line: 80 },
  // 2
  { name: "JsonSerializer.Serialize" }
  // 3
];
function sampled() {
  return parseSpeedscope({
    $schema: "https://www.speedscope.app/file-format-schema.json",
    shared: { frames },
    profiles: [
      {
        type: "sampled",
        name: "thread 1",
        unit: "milliseconds",
        startValue: 0,
        endValue: 10,
        samples: [[0, 1, 2], [0, 1, 2], [0, 1, 3], [0, 1]],
        weights: [3, 3, 2, 1]
      },
      {
        type: "sampled",
        name: "thread 2",
        unit: "milliseconds",
        startValue: 0,
        endValue: 10,
        samples: [[0, 2]],
        weights: [1]
      }
    ]
  });
}
(0, import_node_test.test)("sampled profiles merge into one tree with totals and self", () => {
  const t = buildFlameTree(sampled());
  import_strict.default.equal(t.root.total, 10);
  import_strict.default.equal(t.unit, "milliseconds");
  const main = t.root.children.get(0);
  import_strict.default.equal(main.total, 10);
  const handle = main.children.get(1);
  import_strict.default.equal(handle.total, 9);
  import_strict.default.equal(handle.self, 1);
  import_strict.default.equal(handle.children.get(2).total, 6);
  import_strict.default.equal(main.children.get(2).total, 1);
  import_strict.default.deepEqual(t.profileNames, ["thread 1", "thread 2"]);
  import_strict.default.equal(buildFlameTree(sampled(), [1]).root.total, 1);
});
(0, import_node_test.test)("layout: root full width, children left-heavy and proportional", () => {
  const t = buildFlameTree(sampled());
  const rects = layoutFlameGraph(t);
  const by = (name, depth) => rects.find((r) => r.name === name && r.depth === depth);
  import_strict.default.deepEqual([rects[0].name, rects[0].x, rects[0].width, rects[0].depth], ["all", 0, 1, 0]);
  import_strict.default.equal(by("Main", 1).width, 1);
  import_strict.default.equal(by("HandleOrders", 2).x, 0);
  import_strict.default.equal(by("HandleOrders", 2).width, 0.9);
  import_strict.default.ok(Math.abs(by("Work.Spin", 2).x - 0.9) < 1e-9);
  import_strict.default.ok(Math.abs(by("Work.Spin", 3).width - 0.6) < 1e-9);
  import_strict.default.equal(by("Work.Spin", 3).percent, 60);
  import_strict.default.equal(by("Work.Spin", 3).file, "/src/Program.cs");
  import_strict.default.ok(Math.abs(by("JsonSerializer.Serialize", 3).x - 0.6) < 1e-9);
  for (const r of rects) {
    const parent = r.node.parent && rects.find((p) => p.node === r.node.parent);
    if (parent) import_strict.default.ok(r.x >= parent.x - 1e-9 && r.x + r.width <= parent.x + parent.width + 1e-9, r.name);
  }
});
(0, import_node_test.test)("zoom: focus is full width, ancestors above it", () => {
  const t = buildFlameTree(sampled());
  const handle = t.root.children.get(0).children.get(1);
  const rects = layoutFlameGraph(t, { focus: handle });
  import_strict.default.deepEqual(rects.filter((r) => r.ancestor).map((r) => [r.name, r.depth, r.width]), [["all", 0, 1], ["Main", 1, 1]]);
  const focus = rects.find((r) => !r.ancestor);
  import_strict.default.deepEqual([focus.name, focus.depth, focus.x, focus.width], ["HandleOrders", 2, 0, 1]);
  const spin = rects.find((r) => r.name === "Work.Spin");
  import_strict.default.ok(Math.abs(spin.width - 6 / 9) < 1e-9);
});
(0, import_node_test.test)("narrow frames are dropped, rectangle count is capped", () => {
  const t = buildFlameTree(sampled());
  import_strict.default.equal(layoutFlameGraph(t, { minWidth: 0.15 }).some((r) => r.name === "Work.Spin" && r.depth === 2), false);
  import_strict.default.equal(layoutFlameGraph(t, { maxRects: 3 }).length, 3);
});
(0, import_node_test.test)("evented profiles: open/close intervals", () => {
  const doc = parseSpeedscope({
    shared: { frames },
    profiles: [{
      type: "evented",
      name: "ev",
      unit: "microseconds",
      startValue: 0,
      endValue: 100,
      events: [
        { type: "O", at: 0, frame: 0 },
        { type: "O", at: 10, frame: 1 },
        { type: "O", at: 20, frame: 2 },
        { type: "C", at: 60, frame: 2 },
        { type: "C", at: 70, frame: 1 },
        { type: "C", at: 100, frame: 0 }
      ]
    }]
  });
  const t = buildFlameTree(doc);
  const main = t.root.children.get(0);
  import_strict.default.equal(t.root.total, 100);
  import_strict.default.equal(main.total, 100);
  import_strict.default.equal(main.self, 40);
  import_strict.default.equal(main.children.get(1).total, 60);
  import_strict.default.equal(main.children.get(1).children.get(2).total, 40);
  import_strict.default.equal(formatWeight(t.root.total, t.unit), "0.10 ms");
});
(0, import_node_test.test)("evented: unclosed frames end at endValue", () => {
  const t = buildFlameTree(parseSpeedscope({
    shared: { frames },
    profiles: [{ type: "evented", unit: "none", startValue: 0, endValue: 50, events: [{ type: "O", at: 5, frame: 0 }] }]
  }));
  import_strict.default.equal(t.root.total, 45);
});
(0, import_node_test.test)("hottest frames by self", () => {
  const top = topFramesBySelf(buildFlameTree(sampled()), 2);
  import_strict.default.deepEqual(top.map((f) => [f.name, f.self, f.percent]), [["Work.Spin", 7, 70], ["JsonSerializer.Serialize", 2, 20]]);
  import_strict.default.equal(top[0].line, 80);
});
(0, import_node_test.test)("malformed documents are refused with a reason", () => {
  import_strict.default.throws(() => parseSpeedscope(null), /not a JSON object/);
  import_strict.default.throws(() => parseSpeedscope({ profiles: [] }), /shared.frames/);
  import_strict.default.throws(() => parseSpeedscope({ shared: { frames }, profiles: [{ type: "sampled", samples: [[9]] }] }), /frame 9 of 4/);
  import_strict.default.throws(() => parseSpeedscope({ shared: { frames }, profiles: [{ type: "sampled", samples: [[0]], weights: [] }] }), /1 samples but 0 weights/);
  import_strict.default.throws(() => parseSpeedscope({ shared: { frames }, profiles: [{ type: "other" }] }), /unknown type/);
  import_strict.default.equal(parseSpeedscope(JSON.stringify({ shared: { frames: [] }, profiles: [] })).profiles.length, 0);
});
(0, import_node_test.test)("empty profile lays out as a lone root", () => {
  const t = buildFlameTree(parseSpeedscope({ shared: { frames: [] }, profiles: [] }));
  import_strict.default.equal(t.root.total, 0);
  import_strict.default.equal(layoutFlameGraph(t).length, 1);
});
(0, import_node_test.test)("weights and colours", () => {
  import_strict.default.equal(formatWeight(1, "none"), "1 sample");
  import_strict.default.equal(formatWeight(1234, "none"), "1234 samples");
  import_strict.default.equal(formatWeight(25e8, "nanoseconds"), "2.5 s");
  import_strict.default.equal(formatWeight(2048, "bytes"), "2.0 KiB");
  import_strict.default.equal(frameColor("a", true), frameColor("a", true));
  import_strict.default.match(frameColor("Work.Spin", false), /^hsl\(\d+, \d+%, \d+%\)$/);
});
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vdGVzdC9sYXlvdXQudGVzdC50cyIsICIuLi9zcmMvZmxhbWVncmFwaC9sYXlvdXQudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCBhc3NlcnQgZnJvbSAnbm9kZTphc3NlcnQvc3RyaWN0JztcbmltcG9ydCB7IHRlc3QgfSBmcm9tICdub2RlOnRlc3QnO1xuaW1wb3J0IHtcbiAgYnVpbGRGbGFtZVRyZWUsIGZvcm1hdFdlaWdodCwgZnJhbWVDb2xvciwgbGF5b3V0RmxhbWVHcmFwaCwgcGFyc2VTcGVlZHNjb3BlLCBTcGVlZHNjb3BlRG9jdW1lbnQsIHRvcEZyYW1lc0J5U2VsZixcbn0gZnJvbSAnLi4vc3JjL2ZsYW1lZ3JhcGgvbGF5b3V0JztcblxuY29uc3QgZnJhbWVzID0gW1xuICB7IG5hbWU6ICdNYWluJyB9LCAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAvLyAwXG4gIHsgbmFtZTogJ0hhbmRsZU9yZGVycycsIGZpbGU6ICcvc3JjL1Byb2dyYW0uY3MnLCBsaW5lOiAxNCB9LCAgICAgICAgIC8vIDFcbiAgeyBuYW1lOiAnV29yay5TcGluJywgZmlsZTogJy9zcmMvUHJvZ3JhbS5jcycsIGxpbmU6IDgwIH0sICAgICAgICAgICAgLy8gMlxuICB7IG5hbWU6ICdKc29uU2VyaWFsaXplci5TZXJpYWxpemUnIH0sICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAvLyAzXG5dO1xuXG5mdW5jdGlvbiBzYW1wbGVkKCk6IFNwZWVkc2NvcGVEb2N1bWVudCB7XG4gIHJldHVybiBwYXJzZVNwZWVkc2NvcGUoe1xuICAgICRzY2hlbWE6ICdodHRwczovL3d3dy5zcGVlZHNjb3BlLmFwcC9maWxlLWZvcm1hdC1zY2hlbWEuanNvbicsXG4gICAgc2hhcmVkOiB7IGZyYW1lcyB9LFxuICAgIHByb2ZpbGVzOiBbXG4gICAgICB7IHR5cGU6ICdzYW1wbGVkJywgbmFtZTogJ3RocmVhZCAxJywgdW5pdDogJ21pbGxpc2Vjb25kcycsIHN0YXJ0VmFsdWU6IDAsIGVuZFZhbHVlOiAxMCxcbiAgICAgICAgc2FtcGxlczogW1swLCAxLCAyXSwgWzAsIDEsIDJdLCBbMCwgMSwgM10sIFswLCAxXV0sIHdlaWdodHM6IFszLCAzLCAyLCAxXSB9LFxuICAgICAgeyB0eXBlOiAnc2FtcGxlZCcsIG5hbWU6ICd0aHJlYWQgMicsIHVuaXQ6ICdtaWxsaXNlY29uZHMnLCBzdGFydFZhbHVlOiAwLCBlbmRWYWx1ZTogMTAsXG4gICAgICAgIHNhbXBsZXM6IFtbMCwgMl1dLCB3ZWlnaHRzOiBbMV0gfSxcbiAgICBdLFxuICB9KTtcbn1cblxudGVzdCgnc2FtcGxlZCBwcm9maWxlcyBtZXJnZSBpbnRvIG9uZSB0cmVlIHdpdGggdG90YWxzIGFuZCBzZWxmJywgKCkgPT4ge1xuICBjb25zdCB0ID0gYnVpbGRGbGFtZVRyZWUoc2FtcGxlZCgpKTtcbiAgYXNzZXJ0LmVxdWFsKHQucm9vdC50b3RhbCwgMTApO1xuICBhc3NlcnQuZXF1YWwodC51bml0LCAnbWlsbGlzZWNvbmRzJyk7XG4gIGNvbnN0IG1haW4gPSB0LnJvb3QuY2hpbGRyZW4uZ2V0KDApITtcbiAgYXNzZXJ0LmVxdWFsKG1haW4udG90YWwsIDEwKTtcbiAgY29uc3QgaGFuZGxlID0gbWFpbi5jaGlsZHJlbi5nZXQoMSkhO1xuICBhc3NlcnQuZXF1YWwoaGFuZGxlLnRvdGFsLCA5KTtcbiAgYXNzZXJ0LmVxdWFsKGhhbmRsZS5zZWxmLCAxKTtcbiAgYXNzZXJ0LmVxdWFsKGhhbmRsZS5jaGlsZHJlbi5nZXQoMikhLnRvdGFsLCA2KTtcbiAgYXNzZXJ0LmVxdWFsKG1haW4uY2hpbGRyZW4uZ2V0KDIpIS50b3RhbCwgMSk7XG4gIGFzc2VydC5kZWVwRXF1YWwodC5wcm9maWxlTmFtZXMsIFsndGhyZWFkIDEnLCAndGhyZWFkIDInXSk7XG4gIGFzc2VydC5lcXVhbChidWlsZEZsYW1lVHJlZShzYW1wbGVkKCksIFsxXSkucm9vdC50b3RhbCwgMSk7XG59KTtcblxudGVzdCgnbGF5b3V0OiByb290IGZ1bGwgd2lkdGgsIGNoaWxkcmVuIGxlZnQtaGVhdnkgYW5kIHByb3BvcnRpb25hbCcsICgpID0+IHtcbiAgY29uc3QgdCA9IGJ1aWxkRmxhbWVUcmVlKHNhbXBsZWQoKSk7XG4gIGNvbnN0IHJlY3RzID0gbGF5b3V0RmxhbWVHcmFwaCh0KTtcbiAgY29uc3QgYnkgPSAobmFtZTogc3RyaW5nLCBkZXB0aDogbnVtYmVyKSA9PiByZWN0cy5maW5kKHIgPT4gci5uYW1lID09PSBuYW1lICYmIHIuZGVwdGggPT09IGRlcHRoKSE7XG4gIGFzc2VydC5kZWVwRXF1YWwoW3JlY3RzWzBdLm5hbWUsIHJlY3RzWzBdLngsIHJlY3RzWzBdLndpZHRoLCByZWN0c1swXS5kZXB0aF0sIFsnYWxsJywgMCwgMSwgMF0pO1xuICBhc3NlcnQuZXF1YWwoYnkoJ01haW4nLCAxKS53aWR0aCwgMSk7XG4gIGFzc2VydC5lcXVhbChieSgnSGFuZGxlT3JkZXJzJywgMikueCwgMCk7XG4gIGFzc2VydC5lcXVhbChieSgnSGFuZGxlT3JkZXJzJywgMikud2lkdGgsIDAuOSk7XG4gIGFzc2VydC5vayhNYXRoLmFicyhieSgnV29yay5TcGluJywgMikueCAtIDAuOSkgPCAxZS05KTtcbiAgYXNzZXJ0Lm9rKE1hdGguYWJzKGJ5KCdXb3JrLlNwaW4nLCAzKS53aWR0aCAtIDAuNikgPCAxZS05KTtcbiAgYXNzZXJ0LmVxdWFsKGJ5KCdXb3JrLlNwaW4nLCAzKS5wZXJjZW50LCA2MCk7XG4gIGFzc2VydC5lcXVhbChieSgnV29yay5TcGluJywgMykuZmlsZSwgJy9zcmMvUHJvZ3JhbS5jcycpO1xuICBhc3NlcnQub2soTWF0aC5hYnMoYnkoJ0pzb25TZXJpYWxpemVyLlNlcmlhbGl6ZScsIDMpLnggLSAwLjYpIDwgMWUtOSk7XG4gIC8vIGNoaWxkcmVuIG5ldmVyIHN0aWNrIG91dCBvZiB0aGVpciBwYXJlbnRcbiAgZm9yIChjb25zdCByIG9mIHJlY3RzKSB7XG4gICAgY29uc3QgcGFyZW50ID0gci5ub2RlLnBhcmVudCAmJiByZWN0cy5maW5kKHAgPT4gcC5ub2RlID09PSByLm5vZGUucGFyZW50KTtcbiAgICBpZiAocGFyZW50KSBhc3NlcnQub2soci54ID49IHBhcmVudC54IC0gMWUtOSAmJiByLnggKyByLndpZHRoIDw9IHBhcmVudC54ICsgcGFyZW50LndpZHRoICsgMWUtOSwgci5uYW1lKTtcbiAgfVxufSk7XG5cbnRlc3QoJ3pvb206IGZvY3VzIGlzIGZ1bGwgd2lkdGgsIGFuY2VzdG9ycyBhYm92ZSBpdCcsICgpID0+IHtcbiAgY29uc3QgdCA9IGJ1aWxkRmxhbWVUcmVlKHNhbXBsZWQoKSk7XG4gIGNvbnN0IGhhbmRsZSA9IHQucm9vdC5jaGlsZHJlbi5nZXQoMCkhLmNoaWxkcmVuLmdldCgxKSE7XG4gIGNvbnN0IHJlY3RzID0gbGF5b3V0RmxhbWVHcmFwaCh0LCB7IGZvY3VzOiBoYW5kbGUgfSk7XG4gIGFzc2VydC5kZWVwRXF1YWwocmVjdHMuZmlsdGVyKHIgPT4gci5hbmNlc3RvcikubWFwKHIgPT4gW3IubmFtZSwgci5kZXB0aCwgci53aWR0aF0pLCBbWydhbGwnLCAwLCAxXSwgWydNYWluJywgMSwgMV1dKTtcbiAgY29uc3QgZm9jdXMgPSByZWN0cy5maW5kKHIgPT4gIXIuYW5jZXN0b3IpITtcbiAgYXNzZXJ0LmRlZXBFcXVhbChbZm9jdXMubmFtZSwgZm9jdXMuZGVwdGgsIGZvY3VzLngsIGZvY3VzLndpZHRoXSwgWydIYW5kbGVPcmRlcnMnLCAyLCAwLCAxXSk7XG4gIGNvbnN0IHNwaW4gPSByZWN0cy5maW5kKHIgPT4gci5uYW1lID09PSAnV29yay5TcGluJykhO1xuICBhc3NlcnQub2soTWF0aC5hYnMoc3Bpbi53aWR0aCAtIDYgLyA5KSA8IDFlLTkpO1xufSk7XG5cbnRlc3QoJ25hcnJvdyBmcmFtZXMgYXJlIGRyb3BwZWQsIHJlY3RhbmdsZSBjb3VudCBpcyBjYXBwZWQnLCAoKSA9PiB7XG4gIGNvbnN0IHQgPSBidWlsZEZsYW1lVHJlZShzYW1wbGVkKCkpO1xuICBhc3NlcnQuZXF1YWwobGF5b3V0RmxhbWVHcmFwaCh0LCB7IG1pbldpZHRoOiAwLjE1IH0pLnNvbWUociA9PiByLm5hbWUgPT09ICdXb3JrLlNwaW4nICYmIHIuZGVwdGggPT09IDIpLCBmYWxzZSk7XG4gIGFzc2VydC5lcXVhbChsYXlvdXRGbGFtZUdyYXBoKHQsIHsgbWF4UmVjdHM6IDMgfSkubGVuZ3RoLCAzKTtcbn0pO1xuXG50ZXN0KCdldmVudGVkIHByb2ZpbGVzOiBvcGVuL2Nsb3NlIGludGVydmFscycsICgpID0+IHtcbiAgY29uc3QgZG9jID0gcGFyc2VTcGVlZHNjb3BlKHtcbiAgICBzaGFyZWQ6IHsgZnJhbWVzIH0sXG4gICAgcHJvZmlsZXM6IFt7XG4gICAgICB0eXBlOiAnZXZlbnRlZCcsIG5hbWU6ICdldicsIHVuaXQ6ICdtaWNyb3NlY29uZHMnLCBzdGFydFZhbHVlOiAwLCBlbmRWYWx1ZTogMTAwLFxuICAgICAgZXZlbnRzOiBbXG4gICAgICAgIHsgdHlwZTogJ08nLCBhdDogMCwgZnJhbWU6IDAgfSwgeyB0eXBlOiAnTycsIGF0OiAxMCwgZnJhbWU6IDEgfSwgeyB0eXBlOiAnTycsIGF0OiAyMCwgZnJhbWU6IDIgfSxcbiAgICAgICAgeyB0eXBlOiAnQycsIGF0OiA2MCwgZnJhbWU6IDIgfSwgeyB0eXBlOiAnQycsIGF0OiA3MCwgZnJhbWU6IDEgfSwgeyB0eXBlOiAnQycsIGF0OiAxMDAsIGZyYW1lOiAwIH0sXG4gICAgICBdLFxuICAgIH1dLFxuICB9KTtcbiAgY29uc3QgdCA9IGJ1aWxkRmxhbWVUcmVlKGRvYyk7XG4gIGNvbnN0IG1haW4gPSB0LnJvb3QuY2hpbGRyZW4uZ2V0KDApITtcbiAgYXNzZXJ0LmVxdWFsKHQucm9vdC50b3RhbCwgMTAwKTtcbiAgYXNzZXJ0LmVxdWFsKG1haW4udG90YWwsIDEwMCk7XG4gIGFzc2VydC5lcXVhbChtYWluLnNlbGYsIDQwKTtcbiAgYXNzZXJ0LmVxdWFsKG1haW4uY2hpbGRyZW4uZ2V0KDEpIS50b3RhbCwgNjApO1xuICBhc3NlcnQuZXF1YWwobWFpbi5jaGlsZHJlbi5nZXQoMSkhLmNoaWxkcmVuLmdldCgyKSEudG90YWwsIDQwKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFdlaWdodCh0LnJvb3QudG90YWwsIHQudW5pdCksICcwLjEwIG1zJyk7XG59KTtcblxudGVzdCgnZXZlbnRlZDogdW5jbG9zZWQgZnJhbWVzIGVuZCBhdCBlbmRWYWx1ZScsICgpID0+IHtcbiAgY29uc3QgdCA9IGJ1aWxkRmxhbWVUcmVlKHBhcnNlU3BlZWRzY29wZSh7XG4gICAgc2hhcmVkOiB7IGZyYW1lcyB9LFxuICAgIHByb2ZpbGVzOiBbeyB0eXBlOiAnZXZlbnRlZCcsIHVuaXQ6ICdub25lJywgc3RhcnRWYWx1ZTogMCwgZW5kVmFsdWU6IDUwLCBldmVudHM6IFt7IHR5cGU6ICdPJywgYXQ6IDUsIGZyYW1lOiAwIH1dIH1dLFxuICB9KSk7XG4gIGFzc2VydC5lcXVhbCh0LnJvb3QudG90YWwsIDQ1KTtcbn0pO1xuXG50ZXN0KCdob3R0ZXN0IGZyYW1lcyBieSBzZWxmJywgKCkgPT4ge1xuICBjb25zdCB0b3AgPSB0b3BGcmFtZXNCeVNlbGYoYnVpbGRGbGFtZVRyZWUoc2FtcGxlZCgpKSwgMik7XG4gIGFzc2VydC5kZWVwRXF1YWwodG9wLm1hcChmID0+IFtmLm5hbWUsIGYuc2VsZiwgZi5wZXJjZW50XSksIFtbJ1dvcmsuU3BpbicsIDcsIDcwXSwgWydKc29uU2VyaWFsaXplci5TZXJpYWxpemUnLCAyLCAyMF1dKTtcbiAgYXNzZXJ0LmVxdWFsKHRvcFswXS5saW5lLCA4MCk7XG59KTtcblxudGVzdCgnbWFsZm9ybWVkIGRvY3VtZW50cyBhcmUgcmVmdXNlZCB3aXRoIGEgcmVhc29uJywgKCkgPT4ge1xuICBhc3NlcnQudGhyb3dzKCgpID0+IHBhcnNlU3BlZWRzY29wZShudWxsKSwgL25vdCBhIEpTT04gb2JqZWN0Lyk7XG4gIGFzc2VydC50aHJvd3MoKCkgPT4gcGFyc2VTcGVlZHNjb3BlKHsgcHJvZmlsZXM6IFtdIH0pLCAvc2hhcmVkLmZyYW1lcy8pO1xuICBhc3NlcnQudGhyb3dzKCgpID0+IHBhcnNlU3BlZWRzY29wZSh7IHNoYXJlZDogeyBmcmFtZXMgfSwgcHJvZmlsZXM6IFt7IHR5cGU6ICdzYW1wbGVkJywgc2FtcGxlczogW1s5XV0gfV0gfSksIC9mcmFtZSA5IG9mIDQvKTtcbiAgYXNzZXJ0LnRocm93cygoKSA9PiBwYXJzZVNwZWVkc2NvcGUoeyBzaGFyZWQ6IHsgZnJhbWVzIH0sIHByb2ZpbGVzOiBbeyB0eXBlOiAnc2FtcGxlZCcsIHNhbXBsZXM6IFtbMF1dLCB3ZWlnaHRzOiBbXSB9XSB9KSwgLzEgc2FtcGxlcyBidXQgMCB3ZWlnaHRzLyk7XG4gIGFzc2VydC50aHJvd3MoKCkgPT4gcGFyc2VTcGVlZHNjb3BlKHsgc2hhcmVkOiB7IGZyYW1lcyB9LCBwcm9maWxlczogW3sgdHlwZTogJ290aGVyJyB9XSB9KSwgL3Vua25vd24gdHlwZS8pO1xuICBhc3NlcnQuZXF1YWwocGFyc2VTcGVlZHNjb3BlKEpTT04uc3RyaW5naWZ5KHsgc2hhcmVkOiB7IGZyYW1lczogW10gfSwgcHJvZmlsZXM6IFtdIH0pKS5wcm9maWxlcy5sZW5ndGgsIDApO1xufSk7XG5cbnRlc3QoJ2VtcHR5IHByb2ZpbGUgbGF5cyBvdXQgYXMgYSBsb25lIHJvb3QnLCAoKSA9PiB7XG4gIGNvbnN0IHQgPSBidWlsZEZsYW1lVHJlZShwYXJzZVNwZWVkc2NvcGUoeyBzaGFyZWQ6IHsgZnJhbWVzOiBbXSB9LCBwcm9maWxlczogW10gfSkpO1xuICBhc3NlcnQuZXF1YWwodC5yb290LnRvdGFsLCAwKTtcbiAgYXNzZXJ0LmVxdWFsKGxheW91dEZsYW1lR3JhcGgodCkubGVuZ3RoLCAxKTtcbn0pO1xuXG50ZXN0KCd3ZWlnaHRzIGFuZCBjb2xvdXJzJywgKCkgPT4ge1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0V2VpZ2h0KDEsICdub25lJyksICcxIHNhbXBsZScpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0V2VpZ2h0KDEyMzQsICdub25lJyksICcxMjM0IHNhbXBsZXMnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFdlaWdodCgyXzUwMF8wMDBfMDAwLCAnbmFub3NlY29uZHMnKSwgJzIuNSBzJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRXZWlnaHQoMjA0OCwgJ2J5dGVzJyksICcyLjAgS2lCJyk7XG4gIGFzc2VydC5lcXVhbChmcmFtZUNvbG9yKCdhJywgdHJ1ZSksIGZyYW1lQ29sb3IoJ2EnLCB0cnVlKSk7XG4gIGFzc2VydC5tYXRjaChmcmFtZUNvbG9yKCdXb3JrLlNwaW4nLCBmYWxzZSksIC9eaHNsXFwoXFxkKywgXFxkKyUsIFxcZCslXFwpJC8pO1xufSk7XG4iLCAiLy8gc3BlZWRzY29wZSBKU09OIChodHRwczovL3d3dy5zcGVlZHNjb3BlLmFwcC9maWxlLWZvcm1hdC1zY2hlbWEuanNvbikgXHUyMTkyIGEgbWVyZ2VkXG4vLyBjYWxsIHRyZWUgXHUyMTkyIGZsYW1lIGdyYXBoIHJlY3RhbmdsZXMuIFB1cmUgYW5kIERPTS1mcmVlOiB0aGUgd2VidmlldyByZW5kZXJzIHRoZVxuLy8gcmVjdGFuZ2xlcywgdGhlIHVuaXQgdGVzdHMgY2hlY2sgdGhlbS5cblxuZXhwb3J0IGludGVyZmFjZSBTcGVlZHNjb3BlRnJhbWUge1xuICBuYW1lOiBzdHJpbmc7XG4gIGZpbGU/OiBzdHJpbmc7XG4gIGxpbmU/OiBudW1iZXI7XG4gIGNvbD86IG51bWJlcjtcbn1cblxuaW50ZXJmYWNlIFNhbXBsZWRQcm9maWxlIHtcbiAgdHlwZTogJ3NhbXBsZWQnO1xuICBuYW1lPzogc3RyaW5nO1xuICB1bml0Pzogc3RyaW5nO1xuICBzdGFydFZhbHVlPzogbnVtYmVyO1xuICBlbmRWYWx1ZT86IG51bWJlcjtcbiAgc2FtcGxlczogbnVtYmVyW11bXTtcbiAgd2VpZ2h0cz86IG51bWJlcltdO1xufVxuXG5pbnRlcmZhY2UgRXZlbnRlZFByb2ZpbGUge1xuICB0eXBlOiAnZXZlbnRlZCc7XG4gIG5hbWU/OiBzdHJpbmc7XG4gIHVuaXQ/OiBzdHJpbmc7XG4gIHN0YXJ0VmFsdWU/OiBudW1iZXI7XG4gIGVuZFZhbHVlPzogbnVtYmVyO1xuICBldmVudHM6IHsgdHlwZTogJ08nIHwgJ0MnOyBhdDogbnVtYmVyOyBmcmFtZTogbnVtYmVyIH1bXTtcbn1cblxuZXhwb3J0IHR5cGUgU3BlZWRzY29wZVByb2ZpbGUgPSBTYW1wbGVkUHJvZmlsZSB8IEV2ZW50ZWRQcm9maWxlO1xuXG5leHBvcnQgaW50ZXJmYWNlIFNwZWVkc2NvcGVEb2N1bWVudCB7XG4gIHNoYXJlZDogeyBmcmFtZXM6IFNwZWVkc2NvcGVGcmFtZVtdIH07XG4gIHByb2ZpbGVzOiBTcGVlZHNjb3BlUHJvZmlsZVtdO1xuICBuYW1lPzogc3RyaW5nO1xuICBhY3RpdmVQcm9maWxlSW5kZXg/OiBudW1iZXI7XG4gIGV4cG9ydGVyPzogc3RyaW5nO1xufVxuXG4vKiogQ2hlY2tzIHRoZSBzaGFwZSB3ZSByZWx5IG9uOyB0aHJvd3MgYW4gRXJyb3IgdGhhdCBzYXlzIHdoYXQgaXMgd3JvbmcuICovXG5leHBvcnQgZnVuY3Rpb24gcGFyc2VTcGVlZHNjb3BlKHZhbHVlOiB1bmtub3duKTogU3BlZWRzY29wZURvY3VtZW50IHtcbiAgY29uc3QgZG9jID0gKHR5cGVvZiB2YWx1ZSA9PT0gJ3N0cmluZycgPyBKU09OLnBhcnNlKHZhbHVlKSA6IHZhbHVlKSBhcyBQYXJ0aWFsPFNwZWVkc2NvcGVEb2N1bWVudD4gfCBudWxsO1xuICBpZiAoIWRvYyB8fCB0eXBlb2YgZG9jICE9PSAnb2JqZWN0JykgdGhyb3cgbmV3IEVycm9yKCd0aGUgcHJvZmlsZSBpcyBub3QgYSBKU09OIG9iamVjdCcpO1xuICBpZiAoIWRvYy5zaGFyZWQgfHwgIUFycmF5LmlzQXJyYXkoZG9jLnNoYXJlZC5mcmFtZXMpKSB0aHJvdyBuZXcgRXJyb3IoJ3RoZSBwcm9maWxlIGhhcyBubyBzaGFyZWQuZnJhbWVzJyk7XG4gIGlmICghQXJyYXkuaXNBcnJheShkb2MucHJvZmlsZXMpKSB0aHJvdyBuZXcgRXJyb3IoJ3RoZSBwcm9maWxlIGhhcyBubyBwcm9maWxlcycpO1xuICBjb25zdCBmcmFtZUNvdW50ID0gZG9jLnNoYXJlZC5mcmFtZXMubGVuZ3RoO1xuICBmb3IgKGNvbnN0IFtpLCBwXSBvZiBkb2MucHJvZmlsZXMuZW50cmllcygpKSB7XG4gICAgaWYgKHAudHlwZSA9PT0gJ3NhbXBsZWQnKSB7XG4gICAgICBpZiAoIUFycmF5LmlzQXJyYXkocC5zYW1wbGVzKSkgdGhyb3cgbmV3IEVycm9yKGBwcm9maWxlICR7aX0gaGFzIG5vIHNhbXBsZXNgKTtcbiAgICAgIGlmIChwLndlaWdodHMgJiYgcC53ZWlnaHRzLmxlbmd0aCAhPT0gcC5zYW1wbGVzLmxlbmd0aCkge1xuICAgICAgICB0aHJvdyBuZXcgRXJyb3IoYHByb2ZpbGUgJHtpfSBoYXMgJHtwLnNhbXBsZXMubGVuZ3RofSBzYW1wbGVzIGJ1dCAke3Aud2VpZ2h0cy5sZW5ndGh9IHdlaWdodHNgKTtcbiAgICAgIH1cbiAgICAgIGZvciAoY29uc3QgcyBvZiBwLnNhbXBsZXMpIHtcbiAgICAgICAgZm9yIChjb25zdCBmIG9mIHMpIGlmICghKGYgPj0gMCAmJiBmIDwgZnJhbWVDb3VudCkpIHRocm93IG5ldyBFcnJvcihgcHJvZmlsZSAke2l9IHJlZmVycyB0byBmcmFtZSAke2Z9IG9mICR7ZnJhbWVDb3VudH1gKTtcbiAgICAgIH1cbiAgICB9IGVsc2UgaWYgKHAudHlwZSA9PT0gJ2V2ZW50ZWQnKSB7XG4gICAgICBpZiAoIUFycmF5LmlzQXJyYXkocC5ldmVudHMpKSB0aHJvdyBuZXcgRXJyb3IoYHByb2ZpbGUgJHtpfSBoYXMgbm8gZXZlbnRzYCk7XG4gICAgICBmb3IgKGNvbnN0IGUgb2YgcC5ldmVudHMpIHtcbiAgICAgICAgaWYgKCEoZS5mcmFtZSA+PSAwICYmIGUuZnJhbWUgPCBmcmFtZUNvdW50KSkgdGhyb3cgbmV3IEVycm9yKGBwcm9maWxlICR7aX0gcmVmZXJzIHRvIGZyYW1lICR7ZS5mcmFtZX0gb2YgJHtmcmFtZUNvdW50fWApO1xuICAgICAgfVxuICAgIH0gZWxzZSB7XG4gICAgICB0aHJvdyBuZXcgRXJyb3IoYHByb2ZpbGUgJHtpfSBoYXMgdW5rbm93biB0eXBlICR7U3RyaW5nKChwIGFzIHsgdHlwZT86IHVua25vd24gfSkudHlwZSl9YCk7XG4gICAgfVxuICB9XG4gIHJldHVybiBkb2MgYXMgU3BlZWRzY29wZURvY3VtZW50O1xufVxuXG5leHBvcnQgaW50ZXJmYWNlIEZsYW1lTm9kZSB7XG4gIC8qKiBJbmRleCBpbnRvIHNoYXJlZC5mcmFtZXM7IC0xIGZvciB0aGUgc3ludGhldGljIHJvb3QuICovXG4gIGZyYW1lOiBudW1iZXI7XG4gIHRvdGFsOiBudW1iZXI7XG4gIHNlbGY6IG51bWJlcjtcbiAgY2hpbGRyZW46IE1hcDxudW1iZXIsIEZsYW1lTm9kZT47XG4gIHBhcmVudD86IEZsYW1lTm9kZTtcbn1cblxuZXhwb3J0IGludGVyZmFjZSBGbGFtZVRyZWUge1xuICByb290OiBGbGFtZU5vZGU7XG4gIGZyYW1lczogU3BlZWRzY29wZUZyYW1lW107XG4gIHVuaXQ6IHN0cmluZztcbiAgcHJvZmlsZU5hbWVzOiBzdHJpbmdbXTtcbn1cblxuZnVuY3Rpb24gY2hpbGQobm9kZTogRmxhbWVOb2RlLCBmcmFtZTogbnVtYmVyKTogRmxhbWVOb2RlIHtcbiAgbGV0IGMgPSBub2RlLmNoaWxkcmVuLmdldChmcmFtZSk7XG4gIGlmICghYykge1xuICAgIGMgPSB7IGZyYW1lLCB0b3RhbDogMCwgc2VsZjogMCwgY2hpbGRyZW46IG5ldyBNYXAoKSwgcGFyZW50OiBub2RlIH07XG4gICAgbm9kZS5jaGlsZHJlbi5zZXQoZnJhbWUsIGMpO1xuICB9XG4gIHJldHVybiBjO1xufVxuXG4vKipcbiAqIE1lcmdlcyB0aGUgY2hvc2VuIHByb2ZpbGVzIChkZWZhdWx0OiBhbGwsIGUuZy4gb25lIHBlciB0aHJlYWQpIGludG8gb25lIGNhbGxcbiAqIHRyZWU6IGEgc2FtcGxlZCBzdGFjayBhZGRzIGl0cyB3ZWlnaHQgYWxvbmcgaXRzIHBhdGg7IGFuIGV2ZW50ZWQgcHJvZmlsZSBhZGRzXG4gKiBlYWNoIG9wZW5cdTIxOTJjbG9zZSBpbnRlcnZhbCB0byB0aGUgbm9kZSBvZiB0aGF0IHN0YWNrLlxuICovXG5leHBvcnQgZnVuY3Rpb24gYnVpbGRGbGFtZVRyZWUoZG9jOiBTcGVlZHNjb3BlRG9jdW1lbnQsIHByb2ZpbGVJbmRleGVzPzogcmVhZG9ubHkgbnVtYmVyW10pOiBGbGFtZVRyZWUge1xuICBjb25zdCByb290OiBGbGFtZU5vZGUgPSB7IGZyYW1lOiAtMSwgdG90YWw6IDAsIHNlbGY6IDAsIGNoaWxkcmVuOiBuZXcgTWFwKCkgfTtcbiAgY29uc3QgY2hvc2VuID0gcHJvZmlsZUluZGV4ZXMgPz8gZG9jLnByb2ZpbGVzLm1hcCgoXywgaSkgPT4gaSk7XG4gIGNvbnN0IHVuaXRzID0gbmV3IFNldDxzdHJpbmc+KCk7XG4gIGZvciAoY29uc3QgaSBvZiBjaG9zZW4pIHtcbiAgICBjb25zdCBwID0gZG9jLnByb2ZpbGVzW2ldO1xuICAgIGlmICghcCkgY29udGludWU7XG4gICAgdW5pdHMuYWRkKHAudW5pdCA/PyAnbm9uZScpO1xuICAgIGlmIChwLnR5cGUgPT09ICdzYW1wbGVkJykge1xuICAgICAgcC5zYW1wbGVzLmZvckVhY2goKHN0YWNrLCBzKSA9PiB7XG4gICAgICAgIGNvbnN0IHcgPSBwLndlaWdodHMgPyBwLndlaWdodHNbc10gOiAxO1xuICAgICAgICBpZiAoISh3ID4gMCkpIHJldHVybjtcbiAgICAgICAgbGV0IG5vZGUgPSByb290O1xuICAgICAgICByb290LnRvdGFsICs9IHc7XG4gICAgICAgIGZvciAoY29uc3QgZiBvZiBzdGFjaykge1xuICAgICAgICAgIG5vZGUgPSBjaGlsZChub2RlLCBmKTtcbiAgICAgICAgICBub2RlLnRvdGFsICs9IHc7XG4gICAgICAgIH1cbiAgICAgICAgbm9kZS5zZWxmICs9IHc7XG4gICAgICB9KTtcbiAgICB9IGVsc2Uge1xuICAgICAgYWRkRXZlbnRlZChyb290LCBwKTtcbiAgICB9XG4gIH1cbiAgY29tcHV0ZVNlbGYocm9vdCk7XG4gIHJldHVybiB7XG4gICAgcm9vdCxcbiAgICBmcmFtZXM6IGRvYy5zaGFyZWQuZnJhbWVzLFxuICAgIHVuaXQ6IHVuaXRzLnNpemUgPT09IDEgPyBbLi4udW5pdHNdWzBdIDogJ25vbmUnLFxuICAgIHByb2ZpbGVOYW1lczogY2hvc2VuLm1hcChpID0+IGRvYy5wcm9maWxlc1tpXT8ubmFtZSA/PyBgcHJvZmlsZSAke2l9YCksXG4gIH07XG59XG5cbmZ1bmN0aW9uIGFkZEV2ZW50ZWQocm9vdDogRmxhbWVOb2RlLCBwOiBFdmVudGVkUHJvZmlsZSk6IHZvaWQge1xuICBjb25zdCBzdGFjazogeyBub2RlOiBGbGFtZU5vZGU7IGF0OiBudW1iZXIgfVtdID0gW107XG4gIGNvbnN0IGV2ZW50cyA9IFsuLi5wLmV2ZW50c10uc29ydCgoYSwgYikgPT4gYS5hdCAtIGIuYXQgfHwgKGEudHlwZSA9PT0gYi50eXBlID8gMCA6IGEudHlwZSA9PT0gJ0MnID8gLTEgOiAxKSk7XG4gIGZvciAoY29uc3QgZSBvZiBldmVudHMpIHtcbiAgICBpZiAoZS50eXBlID09PSAnTycpIHtcbiAgICAgIGNvbnN0IHBhcmVudCA9IHN0YWNrLmxlbmd0aCA/IHN0YWNrW3N0YWNrLmxlbmd0aCAtIDFdLm5vZGUgOiByb290O1xuICAgICAgc3RhY2sucHVzaCh7IG5vZGU6IGNoaWxkKHBhcmVudCwgZS5mcmFtZSksIGF0OiBlLmF0IH0pO1xuICAgIH0gZWxzZSB7XG4gICAgICAvLyBDbG9zZSB1cCB0byBhbmQgaW5jbHVkaW5nIHRoZSBtYXRjaGluZyBmcmFtZSAodG9sZXJhdGVzIG1pc3NpbmcgY2xvc2VzKS5cbiAgICAgIGNvbnN0IGlkeCA9IGZpbmRMYXN0SW5kZXgoc3RhY2ssIHMgPT4gcy5ub2RlLmZyYW1lID09PSBlLmZyYW1lKTtcbiAgICAgIGlmIChpZHggPCAwKSBjb250aW51ZTtcbiAgICAgIHdoaWxlIChzdGFjay5sZW5ndGggPiBpZHgpIHtcbiAgICAgICAgY29uc3QgdG9wID0gc3RhY2sucG9wKCkhO1xuICAgICAgICB0b3Aubm9kZS50b3RhbCArPSBlLmF0IC0gdG9wLmF0O1xuICAgICAgfVxuICAgIH1cbiAgfVxuICBjb25zdCBlbmQgPSBwLmVuZFZhbHVlID8/IChldmVudHMubGVuZ3RoID8gZXZlbnRzW2V2ZW50cy5sZW5ndGggLSAxXS5hdCA6IDApO1xuICB3aGlsZSAoc3RhY2subGVuZ3RoKSB7XG4gICAgY29uc3QgdG9wID0gc3RhY2sucG9wKCkhO1xuICAgIHRvcC5ub2RlLnRvdGFsICs9IE1hdGgubWF4KDAsIGVuZCAtIHRvcC5hdCk7XG4gIH1cbiAgLy8gVGhlIHJvb3Qgc3BhbnMgaXRzIHRvcC1sZXZlbCBjaGlsZHJlbjsgdGhleSB3ZXJlIGFkZGVkIGluIHRoaXMgY2FsbCBvbmx5LlxuICByb290LnRvdGFsID0gMDtcbiAgZm9yIChjb25zdCBjIG9mIHJvb3QuY2hpbGRyZW4udmFsdWVzKCkpIHJvb3QudG90YWwgKz0gYy50b3RhbDtcbn1cblxuZnVuY3Rpb24gZmluZExhc3RJbmRleDxUPihhOiByZWFkb25seSBUW10sIHByZWQ6ICh0OiBUKSA9PiBib29sZWFuKTogbnVtYmVyIHtcbiAgZm9yIChsZXQgaSA9IGEubGVuZ3RoIC0gMTsgaSA+PSAwOyBpLS0pIGlmIChwcmVkKGFbaV0pKSByZXR1cm4gaTtcbiAgcmV0dXJuIC0xO1xufVxuXG4vKiogRXZlbnRlZCB0cmVlcyBvbmx5IGtub3cgdG90YWxzOiBzZWxmID0gdG90YWwgXHUyMjEyIGNoaWxkcmVuIChuZXZlciBuZWdhdGl2ZSkuICovXG5mdW5jdGlvbiBjb21wdXRlU2VsZihub2RlOiBGbGFtZU5vZGUpOiB2b2lkIHtcbiAgbGV0IGNoaWxkVG90YWwgPSAwO1xuICBmb3IgKGNvbnN0IGMgb2Ygbm9kZS5jaGlsZHJlbi52YWx1ZXMoKSkge1xuICAgIGNvbXB1dGVTZWxmKGMpO1xuICAgIGNoaWxkVG90YWwgKz0gYy50b3RhbDtcbiAgfVxuICBpZiAobm9kZS5zZWxmID09PSAwICYmIG5vZGUudG90YWwgPiBjaGlsZFRvdGFsKSBub2RlLnNlbGYgPSBub2RlLnRvdGFsIC0gY2hpbGRUb3RhbDtcbn1cblxuZXhwb3J0IGludGVyZmFjZSBGbGFtZVJlY3Qge1xuICAvKiogTGVmdCBlZGdlIGFuZCB3aWR0aCBhcyBmcmFjdGlvbnMgKDAuLjEpIG9mIHRoZSB2aWV3J3Mgd2lkdGguICovXG4gIHg6IG51bWJlcjtcbiAgd2lkdGg6IG51bWJlcjtcbiAgZGVwdGg6IG51bWJlcjtcbiAgbmFtZTogc3RyaW5nO1xuICBmcmFtZTogbnVtYmVyO1xuICB0b3RhbDogbnVtYmVyO1xuICBzZWxmOiBudW1iZXI7XG4gIC8qKiBTaGFyZSBvZiB0aGUgd2hvbGUgcHJvZmlsZSdzIHdlaWdodCwgaW4gcGVyY2VudC4gKi9cbiAgcGVyY2VudDogbnVtYmVyO1xuICBmaWxlPzogc3RyaW5nO1xuICBsaW5lPzogbnVtYmVyO1xuICAvKiogVGhlIG5vZGUsIGZvciB6b29taW5nLiAqL1xuICBub2RlOiBGbGFtZU5vZGU7XG4gIC8qKiBBbiBhbmNlc3RvciBvZiB0aGUgem9vbWVkIG5vZGUsIGRyYXduIGZ1bGwgd2lkdGggYWJvdmUgaXQuICovXG4gIGFuY2VzdG9yOiBib29sZWFuO1xufVxuXG5leHBvcnQgaW50ZXJmYWNlIExheW91dE9wdGlvbnMge1xuICAvKiogVGhlIG5vZGUgc2hvd24gZnVsbCB3aWR0aCAoZGVmYXVsdDogdGhlIHJvb3QpLiAqL1xuICBmb2N1cz86IEZsYW1lTm9kZTtcbiAgLyoqIE5vZGVzIG5hcnJvd2VyIHRoYW4gdGhpcyBmcmFjdGlvbiBvZiB0aGUgdmlldyBhcmUgbGVmdCBvdXQgKGRlZmF1bHQgMC4wMDEpLiAqL1xuICBtaW5XaWR0aD86IG51bWJlcjtcbiAgLyoqIEF0IG1vc3QgdGhpcyBtYW55IHJlY3RhbmdsZXMgKGRlZmF1bHQgMjAgMDAwKTsgdGhlIG5hcnJvd2VzdCBnbyBmaXJzdC4gKi9cbiAgbWF4UmVjdHM/OiBudW1iZXI7XG59XG5cbi8qKlxuICogTGF5cyB0aGUgdHJlZSBvdXQgYXMgYSBmbGFtZSBncmFwaDogZGVwdGggMCBhdCB0aGUgdG9wIGlzIHRoZSByb290IChvciB0aGVcbiAqIGZvY3VzJ3MgYW5jZXN0b3JzKSwgY2hpbGRyZW4gbGVmdCB0byByaWdodCBieSBkZWNyZWFzaW5nIHdlaWdodCAobGVmdC1oZWF2eSksXG4gKiBlYWNoIGFzIHdpZGUgYXMgaXRzIHNoYXJlIG9mIGl0cyBwYXJlbnQuXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiBsYXlvdXRGbGFtZUdyYXBoKHRyZWU6IEZsYW1lVHJlZSwgb3B0aW9uczogTGF5b3V0T3B0aW9ucyA9IHt9KTogRmxhbWVSZWN0W10ge1xuICBjb25zdCBmb2N1cyA9IG9wdGlvbnMuZm9jdXMgPz8gdHJlZS5yb290O1xuICBjb25zdCBtaW5XaWR0aCA9IG9wdGlvbnMubWluV2lkdGggPz8gMC4wMDE7XG4gIGNvbnN0IG1heFJlY3RzID0gb3B0aW9ucy5tYXhSZWN0cyA/PyAyMF8wMDA7XG4gIGNvbnN0IGdyYW5kID0gdHJlZS5yb290LnRvdGFsIHx8IDE7XG4gIGNvbnN0IHJlY3RzOiBGbGFtZVJlY3RbXSA9IFtdO1xuICBjb25zdCByZWN0ID0gKG5vZGU6IEZsYW1lTm9kZSwgeDogbnVtYmVyLCB3aWR0aDogbnVtYmVyLCBkZXB0aDogbnVtYmVyLCBhbmNlc3RvcjogYm9vbGVhbik6IEZsYW1lUmVjdCA9PiB7XG4gICAgY29uc3QgZiA9IG5vZGUuZnJhbWUgPj0gMCA/IHRyZWUuZnJhbWVzW25vZGUuZnJhbWVdIDogdW5kZWZpbmVkO1xuICAgIHJldHVybiB7XG4gICAgICB4LCB3aWR0aCwgZGVwdGgsIGFuY2VzdG9yLCBub2RlLFxuICAgICAgbmFtZTogZiA/IGYubmFtZSA6ICdhbGwnLFxuICAgICAgZnJhbWU6IG5vZGUuZnJhbWUsXG4gICAgICB0b3RhbDogbm9kZS50b3RhbCxcbiAgICAgIHNlbGY6IG5vZGUuc2VsZixcbiAgICAgIHBlcmNlbnQ6IChub2RlLnRvdGFsIC8gZ3JhbmQpICogMTAwLFxuICAgICAgZmlsZTogZj8uZmlsZSxcbiAgICAgIGxpbmU6IGY/LmxpbmUsXG4gICAgfTtcbiAgfTtcblxuICBjb25zdCBhbmNlc3RvcnM6IEZsYW1lTm9kZVtdID0gW107XG4gIGZvciAobGV0IG4gPSBmb2N1cy5wYXJlbnQ7IG47IG4gPSBuLnBhcmVudCkgYW5jZXN0b3JzLnVuc2hpZnQobik7XG4gIGFuY2VzdG9ycy5mb3JFYWNoKChhLCBkKSA9PiByZWN0cy5wdXNoKHJlY3QoYSwgMCwgMSwgZCwgdHJ1ZSkpKTtcblxuICBjb25zdCBzY2FsZSA9IGZvY3VzLnRvdGFsID4gMCA/IDEgLyBmb2N1cy50b3RhbCA6IDA7XG4gIC8vIEJyZWFkdGgtZmlyc3Qgc28gdGhhdCB3aGVuIG1heFJlY3RzIGN1dHMsIGl0IGN1dHMgdGhlIGRlZXBlc3QsIG5hcnJvd2VzdCBsZXZlbHMuXG4gIGxldCBsZXZlbDogeyBub2RlOiBGbGFtZU5vZGU7IHg6IG51bWJlciB9W10gPSBbeyBub2RlOiBmb2N1cywgeDogMCB9XTtcbiAgbGV0IGRlcHRoID0gYW5jZXN0b3JzLmxlbmd0aDtcbiAgd2hpbGUgKGxldmVsLmxlbmd0aCAmJiByZWN0cy5sZW5ndGggPCBtYXhSZWN0cykge1xuICAgIGNvbnN0IG5leHQ6IHsgbm9kZTogRmxhbWVOb2RlOyB4OiBudW1iZXIgfVtdID0gW107XG4gICAgZm9yIChjb25zdCB7IG5vZGUsIHggfSBvZiBsZXZlbCkge1xuICAgICAgaWYgKHJlY3RzLmxlbmd0aCA+PSBtYXhSZWN0cykgYnJlYWs7XG4gICAgICBjb25zdCB3aWR0aCA9IG5vZGUudG90YWwgKiBzY2FsZTtcbiAgICAgIHJlY3RzLnB1c2gocmVjdChub2RlLCB4LCB3aWR0aCwgZGVwdGgsIGZhbHNlKSk7XG4gICAgICBsZXQgY3ggPSB4O1xuICAgICAgZm9yIChjb25zdCBjIG9mIHNvcnRlZENoaWxkcmVuKG5vZGUpKSB7XG4gICAgICAgIGNvbnN0IGN3ID0gYy50b3RhbCAqIHNjYWxlO1xuICAgICAgICBpZiAoY3cgPj0gbWluV2lkdGgpIG5leHQucHVzaCh7IG5vZGU6IGMsIHg6IGN4IH0pO1xuICAgICAgICBjeCArPSBjdztcbiAgICAgIH1cbiAgICB9XG4gICAgbGV2ZWwgPSBuZXh0O1xuICAgIGRlcHRoKys7XG4gIH1cbiAgcmV0dXJuIHJlY3RzO1xufVxuXG5leHBvcnQgZnVuY3Rpb24gc29ydGVkQ2hpbGRyZW4obm9kZTogRmxhbWVOb2RlKTogRmxhbWVOb2RlW10ge1xuICByZXR1cm4gWy4uLm5vZGUuY2hpbGRyZW4udmFsdWVzKCldLnNvcnQoKGEsIGIpID0+IGIudG90YWwgLSBhLnRvdGFsIHx8IGEuZnJhbWUgLSBiLmZyYW1lKTtcbn1cblxuLyoqIFRoZSBob3R0ZXN0IGZyYW1lcyBieSBzZWxmIHdlaWdodDogZm9yIHRoZSB0YWJsZSB1bmRlciB0aGUgZ3JhcGguICovXG5leHBvcnQgZnVuY3Rpb24gdG9wRnJhbWVzQnlTZWxmKHRyZWU6IEZsYW1lVHJlZSwgbGltaXQgPSAyMCk6IHsgZnJhbWU6IG51bWJlcjsgbmFtZTogc3RyaW5nOyBzZWxmOiBudW1iZXI7IHBlcmNlbnQ6IG51bWJlcjsgZmlsZT86IHN0cmluZzsgbGluZT86IG51bWJlciB9W10ge1xuICBjb25zdCBzZWxmID0gbmV3IE1hcDxudW1iZXIsIG51bWJlcj4oKTtcbiAgY29uc3QgdmlzaXQgPSAobjogRmxhbWVOb2RlKSA9PiB7XG4gICAgaWYgKG4uZnJhbWUgPj0gMCAmJiBuLnNlbGYgPiAwKSBzZWxmLnNldChuLmZyYW1lLCAoc2VsZi5nZXQobi5mcmFtZSkgPz8gMCkgKyBuLnNlbGYpO1xuICAgIGZvciAoY29uc3QgYyBvZiBuLmNoaWxkcmVuLnZhbHVlcygpKSB2aXNpdChjKTtcbiAgfTtcbiAgdmlzaXQodHJlZS5yb290KTtcbiAgY29uc3QgZ3JhbmQgPSB0cmVlLnJvb3QudG90YWwgfHwgMTtcbiAgcmV0dXJuIFsuLi5zZWxmXVxuICAgIC5zb3J0KChhLCBiKSA9PiBiWzFdIC0gYVsxXSlcbiAgICAuc2xpY2UoMCwgbGltaXQpXG4gICAgLm1hcCgoW2ZyYW1lLCBzXSkgPT4gKHtcbiAgICAgIGZyYW1lLFxuICAgICAgbmFtZTogdHJlZS5mcmFtZXNbZnJhbWVdLm5hbWUsXG4gICAgICBzZWxmOiBzLFxuICAgICAgcGVyY2VudDogKHMgLyBncmFuZCkgKiAxMDAsXG4gICAgICBmaWxlOiB0cmVlLmZyYW1lc1tmcmFtZV0uZmlsZSxcbiAgICAgIGxpbmU6IHRyZWUuZnJhbWVzW2ZyYW1lXS5saW5lLFxuICAgIH0pKTtcbn1cblxuLyoqIGA0MSBtc2AsIGAxLjIgc2AsIGAxIDIzNCBzYW1wbGVzYDogYSB3ZWlnaHQgaW4gdGhlIHByb2ZpbGUncyB1bml0LiAqL1xuZXhwb3J0IGZ1bmN0aW9uIGZvcm1hdFdlaWdodCh2YWx1ZTogbnVtYmVyLCB1bml0OiBzdHJpbmcpOiBzdHJpbmcge1xuICBzd2l0Y2ggKHVuaXQpIHtcbiAgICBjYXNlICduYW5vc2Vjb25kcyc6IHJldHVybiBmb3JtYXRNcyh2YWx1ZSAvIDFlNik7XG4gICAgY2FzZSAnbWljcm9zZWNvbmRzJzogcmV0dXJuIGZvcm1hdE1zKHZhbHVlIC8gMWUzKTtcbiAgICBjYXNlICdtaWxsaXNlY29uZHMnOiByZXR1cm4gZm9ybWF0TXModmFsdWUpO1xuICAgIGNhc2UgJ3NlY29uZHMnOiByZXR1cm4gZm9ybWF0TXModmFsdWUgKiAxMDAwKTtcbiAgICBjYXNlICdieXRlcyc6IHJldHVybiB2YWx1ZSA+PSAxIDw8IDIwID8gYCR7KHZhbHVlIC8gKDEgPDwgMjApKS50b0ZpeGVkKDEpfSBNaUJgIDogdmFsdWUgPj0gMTAyNCA/IGAkeyh2YWx1ZSAvIDEwMjQpLnRvRml4ZWQoMSl9IEtpQmAgOiBgJHt2YWx1ZX0gQmA7XG4gICAgZGVmYXVsdDogcmV0dXJuIGAke01hdGgucm91bmQodmFsdWUpfSBzYW1wbGUke01hdGgucm91bmQodmFsdWUpID09PSAxID8gJycgOiAncyd9YDtcbiAgfVxufVxuXG5mdW5jdGlvbiBmb3JtYXRNcyhtczogbnVtYmVyKTogc3RyaW5nIHtcbiAgaWYgKG1zID49IDEwMDApIHJldHVybiBgJHsobXMgLyAxMDAwKS50b0ZpeGVkKG1zID49IDEwXzAwMCA/IDAgOiAxKX0gc2A7XG4gIGlmIChtcyA+PSAxMCkgcmV0dXJuIGAke01hdGgucm91bmQobXMpfSBtc2A7XG4gIHJldHVybiBgJHttcy50b0ZpeGVkKG1zID49IDEgPyAxIDogMil9IG1zYDtcbn1cblxuLyoqIEEgc3RhYmxlIGNvbG91ciBwZXIgZnJhbWUgbmFtZTogd2FybSBodWVzLCB1c2VyIGNvZGUgKGhhcyBhIGZpbGUpIGEgYml0IGdyZWVuZXIuICovXG5leHBvcnQgZnVuY3Rpb24gZnJhbWVDb2xvcihuYW1lOiBzdHJpbmcsIGhhc1NvdXJjZTogYm9vbGVhbik6IHN0cmluZyB7XG4gIGxldCBoID0gMDtcbiAgZm9yIChsZXQgaSA9IDA7IGkgPCBuYW1lLmxlbmd0aDsgaSsrKSBoID0gKGggKiAzMSArIG5hbWUuY2hhckNvZGVBdChpKSkgPj4+IDA7XG4gIGNvbnN0IGh1ZSA9IGhhc1NvdXJjZSA/IDMwICsgKGggJSAzMCkgOiAwICsgKGggJSAyOCk7XG4gIGNvbnN0IHNhdCA9IDcwICsgKGggPj4+IDgpICUgMjA7XG4gIGNvbnN0IGxpZ2h0ID0gNTUgKyAoaCA+Pj4gMTYpICUgMTI7XG4gIHJldHVybiBgaHNsKCR7aHVlfSwgJHtzYXR9JSwgJHtsaWdodH0lKWA7XG59XG4iXSwKICAibWFwcGluZ3MiOiAiOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUEsb0JBQW1CO0FBQ25CLHVCQUFxQjs7O0FDd0NkLFNBQVMsZ0JBQWdCLE9BQW9DO0FBQ2xFLFFBQU0sTUFBTyxPQUFPLFVBQVUsV0FBVyxLQUFLLE1BQU0sS0FBSyxJQUFJO0FBQzdELE1BQUksQ0FBQyxPQUFPLE9BQU8sUUFBUSxTQUFVLE9BQU0sSUFBSSxNQUFNLGtDQUFrQztBQUN2RixNQUFJLENBQUMsSUFBSSxVQUFVLENBQUMsTUFBTSxRQUFRLElBQUksT0FBTyxNQUFNLEVBQUcsT0FBTSxJQUFJLE1BQU0sa0NBQWtDO0FBQ3hHLE1BQUksQ0FBQyxNQUFNLFFBQVEsSUFBSSxRQUFRLEVBQUcsT0FBTSxJQUFJLE1BQU0sNkJBQTZCO0FBQy9FLFFBQU0sYUFBYSxJQUFJLE9BQU8sT0FBTztBQUNyQyxhQUFXLENBQUMsR0FBRyxDQUFDLEtBQUssSUFBSSxTQUFTLFFBQVEsR0FBRztBQUMzQyxRQUFJLEVBQUUsU0FBUyxXQUFXO0FBQ3hCLFVBQUksQ0FBQyxNQUFNLFFBQVEsRUFBRSxPQUFPLEVBQUcsT0FBTSxJQUFJLE1BQU0sV0FBVyxDQUFDLGlCQUFpQjtBQUM1RSxVQUFJLEVBQUUsV0FBVyxFQUFFLFFBQVEsV0FBVyxFQUFFLFFBQVEsUUFBUTtBQUN0RCxjQUFNLElBQUksTUFBTSxXQUFXLENBQUMsUUFBUSxFQUFFLFFBQVEsTUFBTSxnQkFBZ0IsRUFBRSxRQUFRLE1BQU0sVUFBVTtBQUFBLE1BQ2hHO0FBQ0EsaUJBQVcsS0FBSyxFQUFFLFNBQVM7QUFDekIsbUJBQVcsS0FBSyxFQUFHLEtBQUksRUFBRSxLQUFLLEtBQUssSUFBSSxZQUFhLE9BQU0sSUFBSSxNQUFNLFdBQVcsQ0FBQyxvQkFBb0IsQ0FBQyxPQUFPLFVBQVUsRUFBRTtBQUFBLE1BQzFIO0FBQUEsSUFDRixXQUFXLEVBQUUsU0FBUyxXQUFXO0FBQy9CLFVBQUksQ0FBQyxNQUFNLFFBQVEsRUFBRSxNQUFNLEVBQUcsT0FBTSxJQUFJLE1BQU0sV0FBVyxDQUFDLGdCQUFnQjtBQUMxRSxpQkFBVyxLQUFLLEVBQUUsUUFBUTtBQUN4QixZQUFJLEVBQUUsRUFBRSxTQUFTLEtBQUssRUFBRSxRQUFRLFlBQWEsT0FBTSxJQUFJLE1BQU0sV0FBVyxDQUFDLG9CQUFvQixFQUFFLEtBQUssT0FBTyxVQUFVLEVBQUU7QUFBQSxNQUN6SDtBQUFBLElBQ0YsT0FBTztBQUNMLFlBQU0sSUFBSSxNQUFNLFdBQVcsQ0FBQyxxQkFBcUIsT0FBUSxFQUF5QixJQUFJLENBQUMsRUFBRTtBQUFBLElBQzNGO0FBQUEsRUFDRjtBQUNBLFNBQU87QUFDVDtBQWtCQSxTQUFTLE1BQU0sTUFBaUIsT0FBMEI7QUFDeEQsTUFBSSxJQUFJLEtBQUssU0FBUyxJQUFJLEtBQUs7QUFDL0IsTUFBSSxDQUFDLEdBQUc7QUFDTixRQUFJLEVBQUUsT0FBTyxPQUFPLEdBQUcsTUFBTSxHQUFHLFVBQVUsb0JBQUksSUFBSSxHQUFHLFFBQVEsS0FBSztBQUNsRSxTQUFLLFNBQVMsSUFBSSxPQUFPLENBQUM7QUFBQSxFQUM1QjtBQUNBLFNBQU87QUFDVDtBQU9PLFNBQVMsZUFBZSxLQUF5QixnQkFBK0M7QUFDckcsUUFBTSxPQUFrQixFQUFFLE9BQU8sSUFBSSxPQUFPLEdBQUcsTUFBTSxHQUFHLFVBQVUsb0JBQUksSUFBSSxFQUFFO0FBQzVFLFFBQU0sU0FBUyxrQkFBa0IsSUFBSSxTQUFTLElBQUksQ0FBQyxHQUFHLE1BQU0sQ0FBQztBQUM3RCxRQUFNLFFBQVEsb0JBQUksSUFBWTtBQUM5QixhQUFXLEtBQUssUUFBUTtBQUN0QixVQUFNLElBQUksSUFBSSxTQUFTLENBQUM7QUFDeEIsUUFBSSxDQUFDLEVBQUc7QUFDUixVQUFNLElBQUksRUFBRSxRQUFRLE1BQU07QUFDMUIsUUFBSSxFQUFFLFNBQVMsV0FBVztBQUN4QixRQUFFLFFBQVEsUUFBUSxDQUFDLE9BQU8sTUFBTTtBQUM5QixjQUFNLElBQUksRUFBRSxVQUFVLEVBQUUsUUFBUSxDQUFDLElBQUk7QUFDckMsWUFBSSxFQUFFLElBQUksR0FBSTtBQUNkLFlBQUksT0FBTztBQUNYLGFBQUssU0FBUztBQUNkLG1CQUFXLEtBQUssT0FBTztBQUNyQixpQkFBTyxNQUFNLE1BQU0sQ0FBQztBQUNwQixlQUFLLFNBQVM7QUFBQSxRQUNoQjtBQUNBLGFBQUssUUFBUTtBQUFBLE1BQ2YsQ0FBQztBQUFBLElBQ0gsT0FBTztBQUNMLGlCQUFXLE1BQU0sQ0FBQztBQUFBLElBQ3BCO0FBQUEsRUFDRjtBQUNBLGNBQVksSUFBSTtBQUNoQixTQUFPO0FBQUEsSUFDTDtBQUFBLElBQ0EsUUFBUSxJQUFJLE9BQU87QUFBQSxJQUNuQixNQUFNLE1BQU0sU0FBUyxJQUFJLENBQUMsR0FBRyxLQUFLLEVBQUUsQ0FBQyxJQUFJO0FBQUEsSUFDekMsY0FBYyxPQUFPLElBQUksT0FBSyxJQUFJLFNBQVMsQ0FBQyxHQUFHLFFBQVEsV0FBVyxDQUFDLEVBQUU7QUFBQSxFQUN2RTtBQUNGO0FBRUEsU0FBUyxXQUFXLE1BQWlCLEdBQXlCO0FBQzVELFFBQU0sUUFBMkMsQ0FBQztBQUNsRCxRQUFNLFNBQVMsQ0FBQyxHQUFHLEVBQUUsTUFBTSxFQUFFLEtBQUssQ0FBQyxHQUFHLE1BQU0sRUFBRSxLQUFLLEVBQUUsT0FBTyxFQUFFLFNBQVMsRUFBRSxPQUFPLElBQUksRUFBRSxTQUFTLE1BQU0sS0FBSyxFQUFFO0FBQzVHLGFBQVcsS0FBSyxRQUFRO0FBQ3RCLFFBQUksRUFBRSxTQUFTLEtBQUs7QUFDbEIsWUFBTSxTQUFTLE1BQU0sU0FBUyxNQUFNLE1BQU0sU0FBUyxDQUFDLEVBQUUsT0FBTztBQUM3RCxZQUFNLEtBQUssRUFBRSxNQUFNLE1BQU0sUUFBUSxFQUFFLEtBQUssR0FBRyxJQUFJLEVBQUUsR0FBRyxDQUFDO0FBQUEsSUFDdkQsT0FBTztBQUVMLFlBQU0sTUFBTSxjQUFjLE9BQU8sT0FBSyxFQUFFLEtBQUssVUFBVSxFQUFFLEtBQUs7QUFDOUQsVUFBSSxNQUFNLEVBQUc7QUFDYixhQUFPLE1BQU0sU0FBUyxLQUFLO0FBQ3pCLGNBQU0sTUFBTSxNQUFNLElBQUk7QUFDdEIsWUFBSSxLQUFLLFNBQVMsRUFBRSxLQUFLLElBQUk7QUFBQSxNQUMvQjtBQUFBLElBQ0Y7QUFBQSxFQUNGO0FBQ0EsUUFBTSxNQUFNLEVBQUUsYUFBYSxPQUFPLFNBQVMsT0FBTyxPQUFPLFNBQVMsQ0FBQyxFQUFFLEtBQUs7QUFDMUUsU0FBTyxNQUFNLFFBQVE7QUFDbkIsVUFBTSxNQUFNLE1BQU0sSUFBSTtBQUN0QixRQUFJLEtBQUssU0FBUyxLQUFLLElBQUksR0FBRyxNQUFNLElBQUksRUFBRTtBQUFBLEVBQzVDO0FBRUEsT0FBSyxRQUFRO0FBQ2IsYUFBVyxLQUFLLEtBQUssU0FBUyxPQUFPLEVBQUcsTUFBSyxTQUFTLEVBQUU7QUFDMUQ7QUFFQSxTQUFTLGNBQWlCLEdBQWlCLE1BQWlDO0FBQzFFLFdBQVMsSUFBSSxFQUFFLFNBQVMsR0FBRyxLQUFLLEdBQUcsSUFBSyxLQUFJLEtBQUssRUFBRSxDQUFDLENBQUMsRUFBRyxRQUFPO0FBQy9ELFNBQU87QUFDVDtBQUdBLFNBQVMsWUFBWSxNQUF1QjtBQUMxQyxNQUFJLGFBQWE7QUFDakIsYUFBVyxLQUFLLEtBQUssU0FBUyxPQUFPLEdBQUc7QUFDdEMsZ0JBQVksQ0FBQztBQUNiLGtCQUFjLEVBQUU7QUFBQSxFQUNsQjtBQUNBLE1BQUksS0FBSyxTQUFTLEtBQUssS0FBSyxRQUFRLFdBQVksTUFBSyxPQUFPLEtBQUssUUFBUTtBQUMzRTtBQW1DTyxTQUFTLGlCQUFpQixNQUFpQixVQUF5QixDQUFDLEdBQWdCO0FBQzFGLFFBQU0sUUFBUSxRQUFRLFNBQVMsS0FBSztBQUNwQyxRQUFNLFdBQVcsUUFBUSxZQUFZO0FBQ3JDLFFBQU0sV0FBVyxRQUFRLFlBQVk7QUFDckMsUUFBTSxRQUFRLEtBQUssS0FBSyxTQUFTO0FBQ2pDLFFBQU0sUUFBcUIsQ0FBQztBQUM1QixRQUFNLE9BQU8sQ0FBQyxNQUFpQixHQUFXLE9BQWVBLFFBQWUsYUFBaUM7QUFDdkcsVUFBTSxJQUFJLEtBQUssU0FBUyxJQUFJLEtBQUssT0FBTyxLQUFLLEtBQUssSUFBSTtBQUN0RCxXQUFPO0FBQUEsTUFDTDtBQUFBLE1BQUc7QUFBQSxNQUFPLE9BQUFBO0FBQUEsTUFBTztBQUFBLE1BQVU7QUFBQSxNQUMzQixNQUFNLElBQUksRUFBRSxPQUFPO0FBQUEsTUFDbkIsT0FBTyxLQUFLO0FBQUEsTUFDWixPQUFPLEtBQUs7QUFBQSxNQUNaLE1BQU0sS0FBSztBQUFBLE1BQ1gsU0FBVSxLQUFLLFFBQVEsUUFBUztBQUFBLE1BQ2hDLE1BQU0sR0FBRztBQUFBLE1BQ1QsTUFBTSxHQUFHO0FBQUEsSUFDWDtBQUFBLEVBQ0Y7QUFFQSxRQUFNLFlBQXlCLENBQUM7QUFDaEMsV0FBUyxJQUFJLE1BQU0sUUFBUSxHQUFHLElBQUksRUFBRSxPQUFRLFdBQVUsUUFBUSxDQUFDO0FBQy9ELFlBQVUsUUFBUSxDQUFDLEdBQUcsTUFBTSxNQUFNLEtBQUssS0FBSyxHQUFHLEdBQUcsR0FBRyxHQUFHLElBQUksQ0FBQyxDQUFDO0FBRTlELFFBQU0sUUFBUSxNQUFNLFFBQVEsSUFBSSxJQUFJLE1BQU0sUUFBUTtBQUVsRCxNQUFJLFFBQTBDLENBQUMsRUFBRSxNQUFNLE9BQU8sR0FBRyxFQUFFLENBQUM7QUFDcEUsTUFBSSxRQUFRLFVBQVU7QUFDdEIsU0FBTyxNQUFNLFVBQVUsTUFBTSxTQUFTLFVBQVU7QUFDOUMsVUFBTSxPQUF5QyxDQUFDO0FBQ2hELGVBQVcsRUFBRSxNQUFNLEVBQUUsS0FBSyxPQUFPO0FBQy9CLFVBQUksTUFBTSxVQUFVLFNBQVU7QUFDOUIsWUFBTSxRQUFRLEtBQUssUUFBUTtBQUMzQixZQUFNLEtBQUssS0FBSyxNQUFNLEdBQUcsT0FBTyxPQUFPLEtBQUssQ0FBQztBQUM3QyxVQUFJLEtBQUs7QUFDVCxpQkFBVyxLQUFLLGVBQWUsSUFBSSxHQUFHO0FBQ3BDLGNBQU0sS0FBSyxFQUFFLFFBQVE7QUFDckIsWUFBSSxNQUFNLFNBQVUsTUFBSyxLQUFLLEVBQUUsTUFBTSxHQUFHLEdBQUcsR0FBRyxDQUFDO0FBQ2hELGNBQU07QUFBQSxNQUNSO0FBQUEsSUFDRjtBQUNBLFlBQVE7QUFDUjtBQUFBLEVBQ0Y7QUFDQSxTQUFPO0FBQ1Q7QUFFTyxTQUFTLGVBQWUsTUFBOEI7QUFDM0QsU0FBTyxDQUFDLEdBQUcsS0FBSyxTQUFTLE9BQU8sQ0FBQyxFQUFFLEtBQUssQ0FBQyxHQUFHLE1BQU0sRUFBRSxRQUFRLEVBQUUsU0FBUyxFQUFFLFFBQVEsRUFBRSxLQUFLO0FBQzFGO0FBR08sU0FBUyxnQkFBZ0IsTUFBaUIsUUFBUSxJQUFvRztBQUMzSixRQUFNLE9BQU8sb0JBQUksSUFBb0I7QUFDckMsUUFBTSxRQUFRLENBQUMsTUFBaUI7QUFDOUIsUUFBSSxFQUFFLFNBQVMsS0FBSyxFQUFFLE9BQU8sRUFBRyxNQUFLLElBQUksRUFBRSxRQUFRLEtBQUssSUFBSSxFQUFFLEtBQUssS0FBSyxLQUFLLEVBQUUsSUFBSTtBQUNuRixlQUFXLEtBQUssRUFBRSxTQUFTLE9BQU8sRUFBRyxPQUFNLENBQUM7QUFBQSxFQUM5QztBQUNBLFFBQU0sS0FBSyxJQUFJO0FBQ2YsUUFBTSxRQUFRLEtBQUssS0FBSyxTQUFTO0FBQ2pDLFNBQU8sQ0FBQyxHQUFHLElBQUksRUFDWixLQUFLLENBQUMsR0FBRyxNQUFNLEVBQUUsQ0FBQyxJQUFJLEVBQUUsQ0FBQyxDQUFDLEVBQzFCLE1BQU0sR0FBRyxLQUFLLEVBQ2QsSUFBSSxDQUFDLENBQUMsT0FBTyxDQUFDLE9BQU87QUFBQSxJQUNwQjtBQUFBLElBQ0EsTUFBTSxLQUFLLE9BQU8sS0FBSyxFQUFFO0FBQUEsSUFDekIsTUFBTTtBQUFBLElBQ04sU0FBVSxJQUFJLFFBQVM7QUFBQSxJQUN2QixNQUFNLEtBQUssT0FBTyxLQUFLLEVBQUU7QUFBQSxJQUN6QixNQUFNLEtBQUssT0FBTyxLQUFLLEVBQUU7QUFBQSxFQUMzQixFQUFFO0FBQ047QUFHTyxTQUFTLGFBQWEsT0FBZSxNQUFzQjtBQUNoRSxVQUFRLE1BQU07QUFBQSxJQUNaLEtBQUs7QUFBZSxhQUFPLFNBQVMsUUFBUSxHQUFHO0FBQUEsSUFDL0MsS0FBSztBQUFnQixhQUFPLFNBQVMsUUFBUSxHQUFHO0FBQUEsSUFDaEQsS0FBSztBQUFnQixhQUFPLFNBQVMsS0FBSztBQUFBLElBQzFDLEtBQUs7QUFBVyxhQUFPLFNBQVMsUUFBUSxHQUFJO0FBQUEsSUFDNUMsS0FBSztBQUFTLGFBQU8sU0FBUyxLQUFLLEtBQUssSUFBSSxTQUFTLEtBQUssS0FBSyxRQUFRLENBQUMsQ0FBQyxTQUFTLFNBQVMsT0FBTyxJQUFJLFFBQVEsTUFBTSxRQUFRLENBQUMsQ0FBQyxTQUFTLEdBQUcsS0FBSztBQUFBLElBQy9JO0FBQVMsYUFBTyxHQUFHLEtBQUssTUFBTSxLQUFLLENBQUMsVUFBVSxLQUFLLE1BQU0sS0FBSyxNQUFNLElBQUksS0FBSyxHQUFHO0FBQUEsRUFDbEY7QUFDRjtBQUVBLFNBQVMsU0FBUyxJQUFvQjtBQUNwQyxNQUFJLE1BQU0sSUFBTSxRQUFPLElBQUksS0FBSyxLQUFNLFFBQVEsTUFBTSxNQUFTLElBQUksQ0FBQyxDQUFDO0FBQ25FLE1BQUksTUFBTSxHQUFJLFFBQU8sR0FBRyxLQUFLLE1BQU0sRUFBRSxDQUFDO0FBQ3RDLFNBQU8sR0FBRyxHQUFHLFFBQVEsTUFBTSxJQUFJLElBQUksQ0FBQyxDQUFDO0FBQ3ZDO0FBR08sU0FBUyxXQUFXLE1BQWMsV0FBNEI7QUFDbkUsTUFBSSxJQUFJO0FBQ1IsV0FBUyxJQUFJLEdBQUcsSUFBSSxLQUFLLFFBQVEsSUFBSyxLQUFLLElBQUksS0FBSyxLQUFLLFdBQVcsQ0FBQyxNQUFPO0FBQzVFLFFBQU0sTUFBTSxZQUFZLEtBQU0sSUFBSSxLQUFNLElBQUssSUFBSTtBQUNqRCxRQUFNLE1BQU0sTUFBTSxNQUFNLEtBQUs7QUFDN0IsUUFBTSxRQUFRLE1BQU0sTUFBTSxNQUFNO0FBQ2hDLFNBQU8sT0FBTyxHQUFHLEtBQUssR0FBRyxNQUFNLEtBQUs7QUFDdEM7OztBRDNTQSxJQUFNLFNBQVM7QUFBQSxFQUNiLEVBQUUsTUFBTSxPQUFPO0FBQUE7QUFBQSxFQUNmLEVBQUUsTUFBTSxnQkFBZ0IsTUFBTSxtQkFBbUIsTUFBTSxHQUFHO0FBQUE7QUFBQSxFQUMxRCxFQUFFLE1BQU0sYUFBYSxNQUFNLG1CQUFtQixNQUFNLEdBQUc7QUFBQTtBQUFBLEVBQ3ZELEVBQUUsTUFBTSwyQkFBMkI7QUFBQTtBQUNyQztBQUVBLFNBQVMsVUFBOEI7QUFDckMsU0FBTyxnQkFBZ0I7QUFBQSxJQUNyQixTQUFTO0FBQUEsSUFDVCxRQUFRLEVBQUUsT0FBTztBQUFBLElBQ2pCLFVBQVU7QUFBQSxNQUNSO0FBQUEsUUFBRSxNQUFNO0FBQUEsUUFBVyxNQUFNO0FBQUEsUUFBWSxNQUFNO0FBQUEsUUFBZ0IsWUFBWTtBQUFBLFFBQUcsVUFBVTtBQUFBLFFBQ2xGLFNBQVMsQ0FBQyxDQUFDLEdBQUcsR0FBRyxDQUFDLEdBQUcsQ0FBQyxHQUFHLEdBQUcsQ0FBQyxHQUFHLENBQUMsR0FBRyxHQUFHLENBQUMsR0FBRyxDQUFDLEdBQUcsQ0FBQyxDQUFDO0FBQUEsUUFBRyxTQUFTLENBQUMsR0FBRyxHQUFHLEdBQUcsQ0FBQztBQUFBLE1BQUU7QUFBQSxNQUM1RTtBQUFBLFFBQUUsTUFBTTtBQUFBLFFBQVcsTUFBTTtBQUFBLFFBQVksTUFBTTtBQUFBLFFBQWdCLFlBQVk7QUFBQSxRQUFHLFVBQVU7QUFBQSxRQUNsRixTQUFTLENBQUMsQ0FBQyxHQUFHLENBQUMsQ0FBQztBQUFBLFFBQUcsU0FBUyxDQUFDLENBQUM7QUFBQSxNQUFFO0FBQUEsSUFDcEM7QUFBQSxFQUNGLENBQUM7QUFDSDtBQUFBLElBRUEsdUJBQUssNkRBQTZELE1BQU07QUFDdEUsUUFBTSxJQUFJLGVBQWUsUUFBUSxDQUFDO0FBQ2xDLGdCQUFBQyxRQUFPLE1BQU0sRUFBRSxLQUFLLE9BQU8sRUFBRTtBQUM3QixnQkFBQUEsUUFBTyxNQUFNLEVBQUUsTUFBTSxjQUFjO0FBQ25DLFFBQU0sT0FBTyxFQUFFLEtBQUssU0FBUyxJQUFJLENBQUM7QUFDbEMsZ0JBQUFBLFFBQU8sTUFBTSxLQUFLLE9BQU8sRUFBRTtBQUMzQixRQUFNLFNBQVMsS0FBSyxTQUFTLElBQUksQ0FBQztBQUNsQyxnQkFBQUEsUUFBTyxNQUFNLE9BQU8sT0FBTyxDQUFDO0FBQzVCLGdCQUFBQSxRQUFPLE1BQU0sT0FBTyxNQUFNLENBQUM7QUFDM0IsZ0JBQUFBLFFBQU8sTUFBTSxPQUFPLFNBQVMsSUFBSSxDQUFDLEVBQUcsT0FBTyxDQUFDO0FBQzdDLGdCQUFBQSxRQUFPLE1BQU0sS0FBSyxTQUFTLElBQUksQ0FBQyxFQUFHLE9BQU8sQ0FBQztBQUMzQyxnQkFBQUEsUUFBTyxVQUFVLEVBQUUsY0FBYyxDQUFDLFlBQVksVUFBVSxDQUFDO0FBQ3pELGdCQUFBQSxRQUFPLE1BQU0sZUFBZSxRQUFRLEdBQUcsQ0FBQyxDQUFDLENBQUMsRUFBRSxLQUFLLE9BQU8sQ0FBQztBQUMzRCxDQUFDO0FBQUEsSUFFRCx1QkFBSyxpRUFBaUUsTUFBTTtBQUMxRSxRQUFNLElBQUksZUFBZSxRQUFRLENBQUM7QUFDbEMsUUFBTSxRQUFRLGlCQUFpQixDQUFDO0FBQ2hDLFFBQU0sS0FBSyxDQUFDLE1BQWMsVUFBa0IsTUFBTSxLQUFLLE9BQUssRUFBRSxTQUFTLFFBQVEsRUFBRSxVQUFVLEtBQUs7QUFDaEcsZ0JBQUFBLFFBQU8sVUFBVSxDQUFDLE1BQU0sQ0FBQyxFQUFFLE1BQU0sTUFBTSxDQUFDLEVBQUUsR0FBRyxNQUFNLENBQUMsRUFBRSxPQUFPLE1BQU0sQ0FBQyxFQUFFLEtBQUssR0FBRyxDQUFDLE9BQU8sR0FBRyxHQUFHLENBQUMsQ0FBQztBQUM5RixnQkFBQUEsUUFBTyxNQUFNLEdBQUcsUUFBUSxDQUFDLEVBQUUsT0FBTyxDQUFDO0FBQ25DLGdCQUFBQSxRQUFPLE1BQU0sR0FBRyxnQkFBZ0IsQ0FBQyxFQUFFLEdBQUcsQ0FBQztBQUN2QyxnQkFBQUEsUUFBTyxNQUFNLEdBQUcsZ0JBQWdCLENBQUMsRUFBRSxPQUFPLEdBQUc7QUFDN0MsZ0JBQUFBLFFBQU8sR0FBRyxLQUFLLElBQUksR0FBRyxhQUFhLENBQUMsRUFBRSxJQUFJLEdBQUcsSUFBSSxJQUFJO0FBQ3JELGdCQUFBQSxRQUFPLEdBQUcsS0FBSyxJQUFJLEdBQUcsYUFBYSxDQUFDLEVBQUUsUUFBUSxHQUFHLElBQUksSUFBSTtBQUN6RCxnQkFBQUEsUUFBTyxNQUFNLEdBQUcsYUFBYSxDQUFDLEVBQUUsU0FBUyxFQUFFO0FBQzNDLGdCQUFBQSxRQUFPLE1BQU0sR0FBRyxhQUFhLENBQUMsRUFBRSxNQUFNLGlCQUFpQjtBQUN2RCxnQkFBQUEsUUFBTyxHQUFHLEtBQUssSUFBSSxHQUFHLDRCQUE0QixDQUFDLEVBQUUsSUFBSSxHQUFHLElBQUksSUFBSTtBQUVwRSxhQUFXLEtBQUssT0FBTztBQUNyQixVQUFNLFNBQVMsRUFBRSxLQUFLLFVBQVUsTUFBTSxLQUFLLE9BQUssRUFBRSxTQUFTLEVBQUUsS0FBSyxNQUFNO0FBQ3hFLFFBQUksT0FBUSxlQUFBQSxRQUFPLEdBQUcsRUFBRSxLQUFLLE9BQU8sSUFBSSxRQUFRLEVBQUUsSUFBSSxFQUFFLFNBQVMsT0FBTyxJQUFJLE9BQU8sUUFBUSxNQUFNLEVBQUUsSUFBSTtBQUFBLEVBQ3pHO0FBQ0YsQ0FBQztBQUFBLElBRUQsdUJBQUssaURBQWlELE1BQU07QUFDMUQsUUFBTSxJQUFJLGVBQWUsUUFBUSxDQUFDO0FBQ2xDLFFBQU0sU0FBUyxFQUFFLEtBQUssU0FBUyxJQUFJLENBQUMsRUFBRyxTQUFTLElBQUksQ0FBQztBQUNyRCxRQUFNLFFBQVEsaUJBQWlCLEdBQUcsRUFBRSxPQUFPLE9BQU8sQ0FBQztBQUNuRCxnQkFBQUEsUUFBTyxVQUFVLE1BQU0sT0FBTyxPQUFLLEVBQUUsUUFBUSxFQUFFLElBQUksT0FBSyxDQUFDLEVBQUUsTUFBTSxFQUFFLE9BQU8sRUFBRSxLQUFLLENBQUMsR0FBRyxDQUFDLENBQUMsT0FBTyxHQUFHLENBQUMsR0FBRyxDQUFDLFFBQVEsR0FBRyxDQUFDLENBQUMsQ0FBQztBQUNwSCxRQUFNLFFBQVEsTUFBTSxLQUFLLE9BQUssQ0FBQyxFQUFFLFFBQVE7QUFDekMsZ0JBQUFBLFFBQU8sVUFBVSxDQUFDLE1BQU0sTUFBTSxNQUFNLE9BQU8sTUFBTSxHQUFHLE1BQU0sS0FBSyxHQUFHLENBQUMsZ0JBQWdCLEdBQUcsR0FBRyxDQUFDLENBQUM7QUFDM0YsUUFBTSxPQUFPLE1BQU0sS0FBSyxPQUFLLEVBQUUsU0FBUyxXQUFXO0FBQ25ELGdCQUFBQSxRQUFPLEdBQUcsS0FBSyxJQUFJLEtBQUssUUFBUSxJQUFJLENBQUMsSUFBSSxJQUFJO0FBQy9DLENBQUM7QUFBQSxJQUVELHVCQUFLLHdEQUF3RCxNQUFNO0FBQ2pFLFFBQU0sSUFBSSxlQUFlLFFBQVEsQ0FBQztBQUNsQyxnQkFBQUEsUUFBTyxNQUFNLGlCQUFpQixHQUFHLEVBQUUsVUFBVSxLQUFLLENBQUMsRUFBRSxLQUFLLE9BQUssRUFBRSxTQUFTLGVBQWUsRUFBRSxVQUFVLENBQUMsR0FBRyxLQUFLO0FBQzlHLGdCQUFBQSxRQUFPLE1BQU0saUJBQWlCLEdBQUcsRUFBRSxVQUFVLEVBQUUsQ0FBQyxFQUFFLFFBQVEsQ0FBQztBQUM3RCxDQUFDO0FBQUEsSUFFRCx1QkFBSywwQ0FBMEMsTUFBTTtBQUNuRCxRQUFNLE1BQU0sZ0JBQWdCO0FBQUEsSUFDMUIsUUFBUSxFQUFFLE9BQU87QUFBQSxJQUNqQixVQUFVLENBQUM7QUFBQSxNQUNULE1BQU07QUFBQSxNQUFXLE1BQU07QUFBQSxNQUFNLE1BQU07QUFBQSxNQUFnQixZQUFZO0FBQUEsTUFBRyxVQUFVO0FBQUEsTUFDNUUsUUFBUTtBQUFBLFFBQ04sRUFBRSxNQUFNLEtBQUssSUFBSSxHQUFHLE9BQU8sRUFBRTtBQUFBLFFBQUcsRUFBRSxNQUFNLEtBQUssSUFBSSxJQUFJLE9BQU8sRUFBRTtBQUFBLFFBQUcsRUFBRSxNQUFNLEtBQUssSUFBSSxJQUFJLE9BQU8sRUFBRTtBQUFBLFFBQy9GLEVBQUUsTUFBTSxLQUFLLElBQUksSUFBSSxPQUFPLEVBQUU7QUFBQSxRQUFHLEVBQUUsTUFBTSxLQUFLLElBQUksSUFBSSxPQUFPLEVBQUU7QUFBQSxRQUFHLEVBQUUsTUFBTSxLQUFLLElBQUksS0FBSyxPQUFPLEVBQUU7QUFBQSxNQUNuRztBQUFBLElBQ0YsQ0FBQztBQUFBLEVBQ0gsQ0FBQztBQUNELFFBQU0sSUFBSSxlQUFlLEdBQUc7QUFDNUIsUUFBTSxPQUFPLEVBQUUsS0FBSyxTQUFTLElBQUksQ0FBQztBQUNsQyxnQkFBQUEsUUFBTyxNQUFNLEVBQUUsS0FBSyxPQUFPLEdBQUc7QUFDOUIsZ0JBQUFBLFFBQU8sTUFBTSxLQUFLLE9BQU8sR0FBRztBQUM1QixnQkFBQUEsUUFBTyxNQUFNLEtBQUssTUFBTSxFQUFFO0FBQzFCLGdCQUFBQSxRQUFPLE1BQU0sS0FBSyxTQUFTLElBQUksQ0FBQyxFQUFHLE9BQU8sRUFBRTtBQUM1QyxnQkFBQUEsUUFBTyxNQUFNLEtBQUssU0FBUyxJQUFJLENBQUMsRUFBRyxTQUFTLElBQUksQ0FBQyxFQUFHLE9BQU8sRUFBRTtBQUM3RCxnQkFBQUEsUUFBTyxNQUFNLGFBQWEsRUFBRSxLQUFLLE9BQU8sRUFBRSxJQUFJLEdBQUcsU0FBUztBQUM1RCxDQUFDO0FBQUEsSUFFRCx1QkFBSyw0Q0FBNEMsTUFBTTtBQUNyRCxRQUFNLElBQUksZUFBZSxnQkFBZ0I7QUFBQSxJQUN2QyxRQUFRLEVBQUUsT0FBTztBQUFBLElBQ2pCLFVBQVUsQ0FBQyxFQUFFLE1BQU0sV0FBVyxNQUFNLFFBQVEsWUFBWSxHQUFHLFVBQVUsSUFBSSxRQUFRLENBQUMsRUFBRSxNQUFNLEtBQUssSUFBSSxHQUFHLE9BQU8sRUFBRSxDQUFDLEVBQUUsQ0FBQztBQUFBLEVBQ3JILENBQUMsQ0FBQztBQUNGLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxLQUFLLE9BQU8sRUFBRTtBQUMvQixDQUFDO0FBQUEsSUFFRCx1QkFBSywwQkFBMEIsTUFBTTtBQUNuQyxRQUFNLE1BQU0sZ0JBQWdCLGVBQWUsUUFBUSxDQUFDLEdBQUcsQ0FBQztBQUN4RCxnQkFBQUEsUUFBTyxVQUFVLElBQUksSUFBSSxPQUFLLENBQUMsRUFBRSxNQUFNLEVBQUUsTUFBTSxFQUFFLE9BQU8sQ0FBQyxHQUFHLENBQUMsQ0FBQyxhQUFhLEdBQUcsRUFBRSxHQUFHLENBQUMsNEJBQTRCLEdBQUcsRUFBRSxDQUFDLENBQUM7QUFDdkgsZ0JBQUFBLFFBQU8sTUFBTSxJQUFJLENBQUMsRUFBRSxNQUFNLEVBQUU7QUFDOUIsQ0FBQztBQUFBLElBRUQsdUJBQUssaURBQWlELE1BQU07QUFDMUQsZ0JBQUFBLFFBQU8sT0FBTyxNQUFNLGdCQUFnQixJQUFJLEdBQUcsbUJBQW1CO0FBQzlELGdCQUFBQSxRQUFPLE9BQU8sTUFBTSxnQkFBZ0IsRUFBRSxVQUFVLENBQUMsRUFBRSxDQUFDLEdBQUcsZUFBZTtBQUN0RSxnQkFBQUEsUUFBTyxPQUFPLE1BQU0sZ0JBQWdCLEVBQUUsUUFBUSxFQUFFLE9BQU8sR0FBRyxVQUFVLENBQUMsRUFBRSxNQUFNLFdBQVcsU0FBUyxDQUFDLENBQUMsQ0FBQyxDQUFDLEVBQUUsQ0FBQyxFQUFFLENBQUMsR0FBRyxjQUFjO0FBQzVILGdCQUFBQSxRQUFPLE9BQU8sTUFBTSxnQkFBZ0IsRUFBRSxRQUFRLEVBQUUsT0FBTyxHQUFHLFVBQVUsQ0FBQyxFQUFFLE1BQU0sV0FBVyxTQUFTLENBQUMsQ0FBQyxDQUFDLENBQUMsR0FBRyxTQUFTLENBQUMsRUFBRSxDQUFDLEVBQUUsQ0FBQyxHQUFHLHlCQUF5QjtBQUNwSixnQkFBQUEsUUFBTyxPQUFPLE1BQU0sZ0JBQWdCLEVBQUUsUUFBUSxFQUFFLE9BQU8sR0FBRyxVQUFVLENBQUMsRUFBRSxNQUFNLFFBQVEsQ0FBQyxFQUFFLENBQUMsR0FBRyxjQUFjO0FBQzFHLGdCQUFBQSxRQUFPLE1BQU0sZ0JBQWdCLEtBQUssVUFBVSxFQUFFLFFBQVEsRUFBRSxRQUFRLENBQUMsRUFBRSxHQUFHLFVBQVUsQ0FBQyxFQUFFLENBQUMsQ0FBQyxFQUFFLFNBQVMsUUFBUSxDQUFDO0FBQzNHLENBQUM7QUFBQSxJQUVELHVCQUFLLHlDQUF5QyxNQUFNO0FBQ2xELFFBQU0sSUFBSSxlQUFlLGdCQUFnQixFQUFFLFFBQVEsRUFBRSxRQUFRLENBQUMsRUFBRSxHQUFHLFVBQVUsQ0FBQyxFQUFFLENBQUMsQ0FBQztBQUNsRixnQkFBQUEsUUFBTyxNQUFNLEVBQUUsS0FBSyxPQUFPLENBQUM7QUFDNUIsZ0JBQUFBLFFBQU8sTUFBTSxpQkFBaUIsQ0FBQyxFQUFFLFFBQVEsQ0FBQztBQUM1QyxDQUFDO0FBQUEsSUFFRCx1QkFBSyx1QkFBdUIsTUFBTTtBQUNoQyxnQkFBQUEsUUFBTyxNQUFNLGFBQWEsR0FBRyxNQUFNLEdBQUcsVUFBVTtBQUNoRCxnQkFBQUEsUUFBTyxNQUFNLGFBQWEsTUFBTSxNQUFNLEdBQUcsY0FBYztBQUN2RCxnQkFBQUEsUUFBTyxNQUFNLGFBQWEsTUFBZSxhQUFhLEdBQUcsT0FBTztBQUNoRSxnQkFBQUEsUUFBTyxNQUFNLGFBQWEsTUFBTSxPQUFPLEdBQUcsU0FBUztBQUNuRCxnQkFBQUEsUUFBTyxNQUFNLFdBQVcsS0FBSyxJQUFJLEdBQUcsV0FBVyxLQUFLLElBQUksQ0FBQztBQUN6RCxnQkFBQUEsUUFBTyxNQUFNLFdBQVcsYUFBYSxLQUFLLEdBQUcsMEJBQTBCO0FBQ3pFLENBQUM7IiwKICAibmFtZXMiOiBbImRlcHRoIiwgImFzc2VydCJdCn0K
