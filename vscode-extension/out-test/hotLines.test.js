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

// test/hotLines.test.ts
var import_strict = __toESM(require("node:assert/strict"));
var import_node_test = require("node:test");

// src/hotLines.ts
var HEAT_THRESHOLDS = [0, 1, 2.5, 5, 10, 20];
var HEAT_LEVELS = HEAT_THRESHOLDS.length;
function heatLevel(percent) {
  if (!Number.isFinite(percent) || percent <= 0) return 0;
  let level = 0;
  for (let i = 0; i < HEAT_THRESHOLDS.length; i++) if (percent >= HEAT_THRESHOLDS[i]) level = i;
  return level;
}
function heatAlpha(level) {
  const l = Math.min(Math.max(level, 0), HEAT_LEVELS - 1);
  return Math.round((0.06 + 0.34 * l / (HEAT_LEVELS - 1)) * 100) / 100;
}
function heatRgb(level) {
  const t = Math.min(Math.max(level, 0), HEAT_LEVELS - 1) / (HEAT_LEVELS - 1);
  return [255, Math.round(170 - 130 * t), Math.round(40 - 20 * t)];
}
function heatBackground(level) {
  const [r, g, b] = heatRgb(level);
  return `rgba(${r}, ${g}, ${b}, ${heatAlpha(level)})`;
}
function heatGutterSvg(level) {
  const [r, g, b] = heatRgb(level);
  const width = 3 + level;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="0" y="0" width="${width}" height="16" fill="rgb(${r},${g},${b})"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
function formatPercent(percent) {
  if (!Number.isFinite(percent) || percent <= 0) return "0%";
  if (percent < 0.1) return "<0.1%";
  if (percent >= 99.95) return "100%";
  return `${percent.toFixed(1)}%`;
}
function hotLineLabel(percent) {
  return `\u25AE ${formatPercent(percent)}`;
}
function normalizeHotLines(lines, lineCount) {
  const byLine = /* @__PURE__ */ new Map();
  for (const l of lines) {
    if (!Number.isInteger(l.line) || l.line < 0 || l.line >= lineCount) continue;
    if (!Number.isFinite(l.percent) || l.percent <= 0) continue;
    byLine.set(l.line, Math.max(byLine.get(l.line) ?? 0, l.percent));
  }
  return [...byLine].map(([line, percent]) => ({ line, percent })).sort((a, b) => a.line - b.line);
}
function groupByLevel(lines) {
  const groups = Array.from({ length: HEAT_LEVELS }, () => []);
  for (const l of lines) groups[heatLevel(l.percent)].push(l);
  return groups;
}

// test/hotLines.test.ts
(0, import_node_test.test)("labels", () => {
  import_strict.default.equal(hotLineLabel(8.123), "\u25AE 8.1%");
  import_strict.default.equal(formatPercent(0.04), "<0.1%");
  import_strict.default.equal(formatPercent(100), "100%");
  import_strict.default.equal(formatPercent(0), "0%");
  import_strict.default.equal(formatPercent(NaN), "0%");
});
(0, import_node_test.test)("heat levels grow with the share and saturate", () => {
  import_strict.default.equal(heatLevel(0.5), 0);
  import_strict.default.equal(heatLevel(1), 1);
  import_strict.default.equal(heatLevel(3), 2);
  import_strict.default.equal(heatLevel(8.1), 3);
  import_strict.default.equal(heatLevel(12), 4);
  import_strict.default.equal(heatLevel(20), 5);
  import_strict.default.equal(heatLevel(95), HEAT_LEVELS - 1);
  import_strict.default.equal(heatLevel(-1), 0);
  let prev = -1;
  for (let p = 0; p <= 100; p += 0.5) {
    const l = heatLevel(p);
    import_strict.default.ok(l >= prev, `monotonic at ${p}`);
    prev = l;
  }
});
(0, import_node_test.test)("alpha is monotonic, readable at the top", () => {
  for (let l = 1; l < HEAT_LEVELS; l++) import_strict.default.ok(heatAlpha(l) > heatAlpha(l - 1));
  import_strict.default.ok(heatAlpha(0) > 0);
  import_strict.default.ok(heatAlpha(HEAT_LEVELS - 1) <= 0.4);
  import_strict.default.equal(heatAlpha(99), heatAlpha(HEAT_LEVELS - 1));
  import_strict.default.match(heatBackground(0), /^rgba\(255, \d+, \d+, 0\.06\)$/);
});
(0, import_node_test.test)("gutter icon is an SVG data URI whose bar widens", () => {
  const svg = (l) => Buffer.from(heatGutterSvg(l).replace("data:image/svg+xml;base64,", ""), "base64").toString();
  import_strict.default.match(svg(0), /<svg[^>]*>.*width="3"/);
  import_strict.default.match(svg(5), /width="8"/);
});
(0, import_node_test.test)("normalising a notification", () => {
  const lines = normalizeHotLines([
    { line: 3, percent: 2 },
    { line: 3, percent: 5 },
    { line: 1, percent: 0 },
    { line: 99, percent: 30 },
    { line: -1, percent: 4 },
    { line: 0, percent: 12 },
    { line: 2.5, percent: 1 }
  ], 10);
  import_strict.default.deepEqual(lines, [{ line: 0, percent: 12 }, { line: 3, percent: 5 }]);
  const groups = groupByLevel(lines);
  import_strict.default.equal(groups.length, HEAT_LEVELS);
  import_strict.default.deepEqual(groups[4], [{ line: 0, percent: 12 }]);
  import_strict.default.deepEqual(groups[3], [{ line: 3, percent: 5 }]);
});
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vdGVzdC9ob3RMaW5lcy50ZXN0LnRzIiwgIi4uL3NyYy9ob3RMaW5lcy50cyJdLAogICJzb3VyY2VzQ29udGVudCI6IFsiaW1wb3J0IGFzc2VydCBmcm9tICdub2RlOmFzc2VydC9zdHJpY3QnO1xuaW1wb3J0IHsgdGVzdCB9IGZyb20gJ25vZGU6dGVzdCc7XG5pbXBvcnQge1xuICBmb3JtYXRQZXJjZW50LCBncm91cEJ5TGV2ZWwsIGhlYXRBbHBoYSwgaGVhdEJhY2tncm91bmQsIGhlYXRHdXR0ZXJTdmcsIGhlYXRMZXZlbCwgSEVBVF9MRVZFTFMsIGhvdExpbmVMYWJlbCwgbm9ybWFsaXplSG90TGluZXMsXG59IGZyb20gJy4uL3NyYy9ob3RMaW5lcyc7XG5cbnRlc3QoJ2xhYmVscycsICgpID0+IHtcbiAgYXNzZXJ0LmVxdWFsKGhvdExpbmVMYWJlbCg4LjEyMyksICdcdTI1QUUgOC4xJScpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0UGVyY2VudCgwLjA0KSwgJzwwLjElJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRQZXJjZW50KDEwMCksICcxMDAlJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRQZXJjZW50KDApLCAnMCUnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFBlcmNlbnQoTmFOKSwgJzAlJyk7XG59KTtcblxudGVzdCgnaGVhdCBsZXZlbHMgZ3JvdyB3aXRoIHRoZSBzaGFyZSBhbmQgc2F0dXJhdGUnLCAoKSA9PiB7XG4gIGFzc2VydC5lcXVhbChoZWF0TGV2ZWwoMC41KSwgMCk7XG4gIGFzc2VydC5lcXVhbChoZWF0TGV2ZWwoMSksIDEpO1xuICBhc3NlcnQuZXF1YWwoaGVhdExldmVsKDMpLCAyKTtcbiAgYXNzZXJ0LmVxdWFsKGhlYXRMZXZlbCg4LjEpLCAzKTtcbiAgYXNzZXJ0LmVxdWFsKGhlYXRMZXZlbCgxMiksIDQpO1xuICBhc3NlcnQuZXF1YWwoaGVhdExldmVsKDIwKSwgNSk7XG4gIGFzc2VydC5lcXVhbChoZWF0TGV2ZWwoOTUpLCBIRUFUX0xFVkVMUyAtIDEpO1xuICBhc3NlcnQuZXF1YWwoaGVhdExldmVsKC0xKSwgMCk7XG4gIGxldCBwcmV2ID0gLTE7XG4gIGZvciAobGV0IHAgPSAwOyBwIDw9IDEwMDsgcCArPSAwLjUpIHtcbiAgICBjb25zdCBsID0gaGVhdExldmVsKHApO1xuICAgIGFzc2VydC5vayhsID49IHByZXYsIGBtb25vdG9uaWMgYXQgJHtwfWApO1xuICAgIHByZXYgPSBsO1xuICB9XG59KTtcblxudGVzdCgnYWxwaGEgaXMgbW9ub3RvbmljLCByZWFkYWJsZSBhdCB0aGUgdG9wJywgKCkgPT4ge1xuICBmb3IgKGxldCBsID0gMTsgbCA8IEhFQVRfTEVWRUxTOyBsKyspIGFzc2VydC5vayhoZWF0QWxwaGEobCkgPiBoZWF0QWxwaGEobCAtIDEpKTtcbiAgYXNzZXJ0Lm9rKGhlYXRBbHBoYSgwKSA+IDApO1xuICBhc3NlcnQub2soaGVhdEFscGhhKEhFQVRfTEVWRUxTIC0gMSkgPD0gMC40KTtcbiAgYXNzZXJ0LmVxdWFsKGhlYXRBbHBoYSg5OSksIGhlYXRBbHBoYShIRUFUX0xFVkVMUyAtIDEpKTtcbiAgYXNzZXJ0Lm1hdGNoKGhlYXRCYWNrZ3JvdW5kKDApLCAvXnJnYmFcXCgyNTUsIFxcZCssIFxcZCssIDBcXC4wNlxcKSQvKTtcbn0pO1xuXG50ZXN0KCdndXR0ZXIgaWNvbiBpcyBhbiBTVkcgZGF0YSBVUkkgd2hvc2UgYmFyIHdpZGVucycsICgpID0+IHtcbiAgY29uc3Qgc3ZnID0gKGw6IG51bWJlcikgPT4gQnVmZmVyLmZyb20oaGVhdEd1dHRlclN2ZyhsKS5yZXBsYWNlKCdkYXRhOmltYWdlL3N2Zyt4bWw7YmFzZTY0LCcsICcnKSwgJ2Jhc2U2NCcpLnRvU3RyaW5nKCk7XG4gIGFzc2VydC5tYXRjaChzdmcoMCksIC88c3ZnW14+XSo+Lip3aWR0aD1cIjNcIi8pO1xuICBhc3NlcnQubWF0Y2goc3ZnKDUpLCAvd2lkdGg9XCI4XCIvKTtcbn0pO1xuXG50ZXN0KCdub3JtYWxpc2luZyBhIG5vdGlmaWNhdGlvbicsICgpID0+IHtcbiAgY29uc3QgbGluZXMgPSBub3JtYWxpemVIb3RMaW5lcyhbXG4gICAgeyBsaW5lOiAzLCBwZXJjZW50OiAyIH0sIHsgbGluZTogMywgcGVyY2VudDogNSB9LCB7IGxpbmU6IDEsIHBlcmNlbnQ6IDAgfSwgeyBsaW5lOiA5OSwgcGVyY2VudDogMzAgfSxcbiAgICB7IGxpbmU6IC0xLCBwZXJjZW50OiA0IH0sIHsgbGluZTogMCwgcGVyY2VudDogMTIgfSwgeyBsaW5lOiAyLjUsIHBlcmNlbnQ6IDEgfSxcbiAgXSwgMTApO1xuICBhc3NlcnQuZGVlcEVxdWFsKGxpbmVzLCBbeyBsaW5lOiAwLCBwZXJjZW50OiAxMiB9LCB7IGxpbmU6IDMsIHBlcmNlbnQ6IDUgfV0pO1xuICBjb25zdCBncm91cHMgPSBncm91cEJ5TGV2ZWwobGluZXMpO1xuICBhc3NlcnQuZXF1YWwoZ3JvdXBzLmxlbmd0aCwgSEVBVF9MRVZFTFMpO1xuICBhc3NlcnQuZGVlcEVxdWFsKGdyb3Vwc1s0XSwgW3sgbGluZTogMCwgcGVyY2VudDogMTIgfV0pO1xuICBhc3NlcnQuZGVlcEVxdWFsKGdyb3Vwc1szXSwgW3sgbGluZTogMywgcGVyY2VudDogNSB9XSk7XG59KTtcbiIsICIvLyBQdXJlIHBhcnQgb2YgdGhlIGhvdC1saW5lIGRlY29yYXRpb25zOiBob3cgYSBDUFUgc2hhcmUgbWFwcyB0byBhIGhlYXQgbGV2ZWwsXG4vLyBpdHMgY29sb3VyIGFuZCBpdHMgbGFiZWwuIFRoZSBlZGl0b3Igc2lkZSBpcyBpbiBob3RMaW5lRGVjb3JhdGlvbnMudHMuXG5cbi8qKiBMb3dlciBib3VuZHMgKHBlcmNlbnQgb2Ygc2FtcGxlcykgb2YgaGVhdCBsZXZlbHMgMS4uTi4gKi9cbmV4cG9ydCBjb25zdCBIRUFUX1RIUkVTSE9MRFMgPSBbMCwgMSwgMi41LCA1LCAxMCwgMjBdIGFzIGNvbnN0O1xuZXhwb3J0IGNvbnN0IEhFQVRfTEVWRUxTID0gSEVBVF9USFJFU0hPTERTLmxlbmd0aDtcblxuLyoqIDAtYmFzZWQgaGVhdCBsZXZlbCBvZiBhIHNoYXJlOiAwIGZvciBhbnl0aGluZyB1bmRlciAxJSwgSEVBVF9MRVZFTFMtMSBmcm9tIDIwJSB1cC4gKi9cbmV4cG9ydCBmdW5jdGlvbiBoZWF0TGV2ZWwocGVyY2VudDogbnVtYmVyKTogbnVtYmVyIHtcbiAgaWYgKCFOdW1iZXIuaXNGaW5pdGUocGVyY2VudCkgfHwgcGVyY2VudCA8PSAwKSByZXR1cm4gMDtcbiAgbGV0IGxldmVsID0gMDtcbiAgZm9yIChsZXQgaSA9IDA7IGkgPCBIRUFUX1RIUkVTSE9MRFMubGVuZ3RoOyBpKyspIGlmIChwZXJjZW50ID49IEhFQVRfVEhSRVNIT0xEU1tpXSkgbGV2ZWwgPSBpO1xuICByZXR1cm4gbGV2ZWw7XG59XG5cbi8qKlxuICogQmFja2dyb3VuZCBhbHBoYSBvZiBhIGxldmVsOiBmYWludCBmb3IgdGhlIGNvb2xlc3QsIGNsZWFybHkgdmlzaWJsZSBmb3IgdGhlXG4gKiBob3R0ZXN0LCBuZXZlciBzbyBzdHJvbmcgdGhhdCB0aGUgdGV4dCBpcyBoYXJkIHRvIHJlYWQuXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiBoZWF0QWxwaGEobGV2ZWw6IG51bWJlcik6IG51bWJlciB7XG4gIGNvbnN0IGwgPSBNYXRoLm1pbihNYXRoLm1heChsZXZlbCwgMCksIEhFQVRfTEVWRUxTIC0gMSk7XG4gIHJldHVybiBNYXRoLnJvdW5kKCgwLjA2ICsgKDAuMzQgKiBsKSAvIChIRUFUX0xFVkVMUyAtIDEpKSAqIDEwMCkgLyAxMDA7XG59XG5cbi8qKiBDb2xvdXIgb2YgYSBsZXZlbDogeWVsbG93LW9yYW5nZSBmb3IgY29vbCBsaW5lcyB0byByZWQgZm9yIHRoZSBob3R0ZXN0LiAqL1xuZXhwb3J0IGZ1bmN0aW9uIGhlYXRSZ2IobGV2ZWw6IG51bWJlcik6IFtudW1iZXIsIG51bWJlciwgbnVtYmVyXSB7XG4gIGNvbnN0IHQgPSBNYXRoLm1pbihNYXRoLm1heChsZXZlbCwgMCksIEhFQVRfTEVWRUxTIC0gMSkgLyAoSEVBVF9MRVZFTFMgLSAxKTtcbiAgcmV0dXJuIFsyNTUsIE1hdGgucm91bmQoMTcwIC0gMTMwICogdCksIE1hdGgucm91bmQoNDAgLSAyMCAqIHQpXTtcbn1cblxuZXhwb3J0IGZ1bmN0aW9uIGhlYXRCYWNrZ3JvdW5kKGxldmVsOiBudW1iZXIpOiBzdHJpbmcge1xuICBjb25zdCBbciwgZywgYl0gPSBoZWF0UmdiKGxldmVsKTtcbiAgcmV0dXJuIGByZ2JhKCR7cn0sICR7Z30sICR7Yn0sICR7aGVhdEFscGhhKGxldmVsKX0pYDtcbn1cblxuLyoqIFRoZSBndXR0ZXIgbWFyayBvZiBhIGxldmVsOiBhIGJhciB3aG9zZSB3aWR0aCBncm93cyB3aXRoIHRoZSBoZWF0IChTVkcgZGF0YSBVUkkpLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIGhlYXRHdXR0ZXJTdmcobGV2ZWw6IG51bWJlcik6IHN0cmluZyB7XG4gIGNvbnN0IFtyLCBnLCBiXSA9IGhlYXRSZ2IobGV2ZWwpO1xuICBjb25zdCB3aWR0aCA9IDMgKyBsZXZlbDtcbiAgY29uc3Qgc3ZnID0gYDxzdmcgeG1sbnM9XCJodHRwOi8vd3d3LnczLm9yZy8yMDAwL3N2Z1wiIHdpZHRoPVwiMTZcIiBoZWlnaHQ9XCIxNlwiIHZpZXdCb3g9XCIwIDAgMTYgMTZcIj5gICtcbiAgICBgPHJlY3QgeD1cIjBcIiB5PVwiMFwiIHdpZHRoPVwiJHt3aWR0aH1cIiBoZWlnaHQ9XCIxNlwiIGZpbGw9XCJyZ2IoJHtyfSwke2d9LCR7Yn0pXCIvPjwvc3ZnPmA7XG4gIHJldHVybiBgZGF0YTppbWFnZS9zdmcreG1sO2Jhc2U2NCwke0J1ZmZlci5mcm9tKHN2ZykudG9TdHJpbmcoJ2Jhc2U2NCcpfWA7XG59XG5cbi8qKiBgOC4xJWAsIGAwLjQlYCwgYDwwLjElYCwgYDEwMCVgLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIGZvcm1hdFBlcmNlbnQocGVyY2VudDogbnVtYmVyKTogc3RyaW5nIHtcbiAgaWYgKCFOdW1iZXIuaXNGaW5pdGUocGVyY2VudCkgfHwgcGVyY2VudCA8PSAwKSByZXR1cm4gJzAlJztcbiAgaWYgKHBlcmNlbnQgPCAwLjEpIHJldHVybiAnPDAuMSUnO1xuICBpZiAocGVyY2VudCA+PSA5OS45NSkgcmV0dXJuICcxMDAlJztcbiAgcmV0dXJuIGAke3BlcmNlbnQudG9GaXhlZCgxKX0lYDtcbn1cblxuLyoqIFRoZSB0ZXh0IGFmdGVyIGEgaG90IGxpbmUuICovXG5leHBvcnQgZnVuY3Rpb24gaG90TGluZUxhYmVsKHBlcmNlbnQ6IG51bWJlcik6IHN0cmluZyB7XG4gIHJldHVybiBgXHUyNUFFICR7Zm9ybWF0UGVyY2VudChwZXJjZW50KX1gO1xufVxuXG5leHBvcnQgaW50ZXJmYWNlIEhvdExpbmUge1xuICBsaW5lOiBudW1iZXI7XG4gIHBlcmNlbnQ6IG51bWJlcjtcbn1cblxuLyoqXG4gKiBDbGVhbnMgYSBgZGV2dG9vbHMvaG90TGluZXNgIHBheWxvYWQ6IGRyb3BzIGxpbmVzIG91dHNpZGUgdGhlIGRvY3VtZW50IGFuZFxuICogbm9uLXBvc2l0aXZlIHNoYXJlcywga2VlcHMgdGhlIGxhcmdlc3Qgc2hhcmUgd2hlbiBhIGxpbmUgY29tZXMgdHdpY2UuXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiBub3JtYWxpemVIb3RMaW5lcyhsaW5lczogcmVhZG9ubHkgSG90TGluZVtdLCBsaW5lQ291bnQ6IG51bWJlcik6IEhvdExpbmVbXSB7XG4gIGNvbnN0IGJ5TGluZSA9IG5ldyBNYXA8bnVtYmVyLCBudW1iZXI+KCk7XG4gIGZvciAoY29uc3QgbCBvZiBsaW5lcykge1xuICAgIGlmICghTnVtYmVyLmlzSW50ZWdlcihsLmxpbmUpIHx8IGwubGluZSA8IDAgfHwgbC5saW5lID49IGxpbmVDb3VudCkgY29udGludWU7XG4gICAgaWYgKCFOdW1iZXIuaXNGaW5pdGUobC5wZXJjZW50KSB8fCBsLnBlcmNlbnQgPD0gMCkgY29udGludWU7XG4gICAgYnlMaW5lLnNldChsLmxpbmUsIE1hdGgubWF4KGJ5TGluZS5nZXQobC5saW5lKSA/PyAwLCBsLnBlcmNlbnQpKTtcbiAgfVxuICByZXR1cm4gWy4uLmJ5TGluZV0ubWFwKChbbGluZSwgcGVyY2VudF0pID0+ICh7IGxpbmUsIHBlcmNlbnQgfSkpLnNvcnQoKGEsIGIpID0+IGEubGluZSAtIGIubGluZSk7XG59XG5cbi8qKiBHcm91cHMgaG90IGxpbmVzIGJ5IGhlYXQgbGV2ZWwgKGluZGV4ID0gbGV2ZWwpLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIGdyb3VwQnlMZXZlbChsaW5lczogcmVhZG9ubHkgSG90TGluZVtdKTogSG90TGluZVtdW10ge1xuICBjb25zdCBncm91cHM6IEhvdExpbmVbXVtdID0gQXJyYXkuZnJvbSh7IGxlbmd0aDogSEVBVF9MRVZFTFMgfSwgKCkgPT4gW10pO1xuICBmb3IgKGNvbnN0IGwgb2YgbGluZXMpIGdyb3Vwc1toZWF0TGV2ZWwobC5wZXJjZW50KV0ucHVzaChsKTtcbiAgcmV0dXJuIGdyb3Vwcztcbn1cbiJdLAogICJtYXBwaW5ncyI6ICI7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQSxvQkFBbUI7QUFDbkIsdUJBQXFCOzs7QUNHZCxJQUFNLGtCQUFrQixDQUFDLEdBQUcsR0FBRyxLQUFLLEdBQUcsSUFBSSxFQUFFO0FBQzdDLElBQU0sY0FBYyxnQkFBZ0I7QUFHcEMsU0FBUyxVQUFVLFNBQXlCO0FBQ2pELE1BQUksQ0FBQyxPQUFPLFNBQVMsT0FBTyxLQUFLLFdBQVcsRUFBRyxRQUFPO0FBQ3RELE1BQUksUUFBUTtBQUNaLFdBQVMsSUFBSSxHQUFHLElBQUksZ0JBQWdCLFFBQVEsSUFBSyxLQUFJLFdBQVcsZ0JBQWdCLENBQUMsRUFBRyxTQUFRO0FBQzVGLFNBQU87QUFDVDtBQU1PLFNBQVMsVUFBVSxPQUF1QjtBQUMvQyxRQUFNLElBQUksS0FBSyxJQUFJLEtBQUssSUFBSSxPQUFPLENBQUMsR0FBRyxjQUFjLENBQUM7QUFDdEQsU0FBTyxLQUFLLE9BQU8sT0FBUSxPQUFPLEtBQU0sY0FBYyxNQUFNLEdBQUcsSUFBSTtBQUNyRTtBQUdPLFNBQVMsUUFBUSxPQUF5QztBQUMvRCxRQUFNLElBQUksS0FBSyxJQUFJLEtBQUssSUFBSSxPQUFPLENBQUMsR0FBRyxjQUFjLENBQUMsS0FBSyxjQUFjO0FBQ3pFLFNBQU8sQ0FBQyxLQUFLLEtBQUssTUFBTSxNQUFNLE1BQU0sQ0FBQyxHQUFHLEtBQUssTUFBTSxLQUFLLEtBQUssQ0FBQyxDQUFDO0FBQ2pFO0FBRU8sU0FBUyxlQUFlLE9BQXVCO0FBQ3BELFFBQU0sQ0FBQyxHQUFHLEdBQUcsQ0FBQyxJQUFJLFFBQVEsS0FBSztBQUMvQixTQUFPLFFBQVEsQ0FBQyxLQUFLLENBQUMsS0FBSyxDQUFDLEtBQUssVUFBVSxLQUFLLENBQUM7QUFDbkQ7QUFHTyxTQUFTLGNBQWMsT0FBdUI7QUFDbkQsUUFBTSxDQUFDLEdBQUcsR0FBRyxDQUFDLElBQUksUUFBUSxLQUFLO0FBQy9CLFFBQU0sUUFBUSxJQUFJO0FBQ2xCLFFBQU0sTUFBTSwrR0FDa0IsS0FBSywyQkFBMkIsQ0FBQyxJQUFJLENBQUMsSUFBSSxDQUFDO0FBQ3pFLFNBQU8sNkJBQTZCLE9BQU8sS0FBSyxHQUFHLEVBQUUsU0FBUyxRQUFRLENBQUM7QUFDekU7QUFHTyxTQUFTLGNBQWMsU0FBeUI7QUFDckQsTUFBSSxDQUFDLE9BQU8sU0FBUyxPQUFPLEtBQUssV0FBVyxFQUFHLFFBQU87QUFDdEQsTUFBSSxVQUFVLElBQUssUUFBTztBQUMxQixNQUFJLFdBQVcsTUFBTyxRQUFPO0FBQzdCLFNBQU8sR0FBRyxRQUFRLFFBQVEsQ0FBQyxDQUFDO0FBQzlCO0FBR08sU0FBUyxhQUFhLFNBQXlCO0FBQ3BELFNBQU8sVUFBSyxjQUFjLE9BQU8sQ0FBQztBQUNwQztBQVdPLFNBQVMsa0JBQWtCLE9BQTJCLFdBQThCO0FBQ3pGLFFBQU0sU0FBUyxvQkFBSSxJQUFvQjtBQUN2QyxhQUFXLEtBQUssT0FBTztBQUNyQixRQUFJLENBQUMsT0FBTyxVQUFVLEVBQUUsSUFBSSxLQUFLLEVBQUUsT0FBTyxLQUFLLEVBQUUsUUFBUSxVQUFXO0FBQ3BFLFFBQUksQ0FBQyxPQUFPLFNBQVMsRUFBRSxPQUFPLEtBQUssRUFBRSxXQUFXLEVBQUc7QUFDbkQsV0FBTyxJQUFJLEVBQUUsTUFBTSxLQUFLLElBQUksT0FBTyxJQUFJLEVBQUUsSUFBSSxLQUFLLEdBQUcsRUFBRSxPQUFPLENBQUM7QUFBQSxFQUNqRTtBQUNBLFNBQU8sQ0FBQyxHQUFHLE1BQU0sRUFBRSxJQUFJLENBQUMsQ0FBQyxNQUFNLE9BQU8sT0FBTyxFQUFFLE1BQU0sUUFBUSxFQUFFLEVBQUUsS0FBSyxDQUFDLEdBQUcsTUFBTSxFQUFFLE9BQU8sRUFBRSxJQUFJO0FBQ2pHO0FBR08sU0FBUyxhQUFhLE9BQXdDO0FBQ25FLFFBQU0sU0FBc0IsTUFBTSxLQUFLLEVBQUUsUUFBUSxZQUFZLEdBQUcsTUFBTSxDQUFDLENBQUM7QUFDeEUsYUFBVyxLQUFLLE1BQU8sUUFBTyxVQUFVLEVBQUUsT0FBTyxDQUFDLEVBQUUsS0FBSyxDQUFDO0FBQzFELFNBQU87QUFDVDs7O0lEM0VBLHVCQUFLLFVBQVUsTUFBTTtBQUNuQixnQkFBQUEsUUFBTyxNQUFNLGFBQWEsS0FBSyxHQUFHLGFBQVE7QUFDMUMsZ0JBQUFBLFFBQU8sTUFBTSxjQUFjLElBQUksR0FBRyxPQUFPO0FBQ3pDLGdCQUFBQSxRQUFPLE1BQU0sY0FBYyxHQUFHLEdBQUcsTUFBTTtBQUN2QyxnQkFBQUEsUUFBTyxNQUFNLGNBQWMsQ0FBQyxHQUFHLElBQUk7QUFDbkMsZ0JBQUFBLFFBQU8sTUFBTSxjQUFjLEdBQUcsR0FBRyxJQUFJO0FBQ3ZDLENBQUM7QUFBQSxJQUVELHVCQUFLLGdEQUFnRCxNQUFNO0FBQ3pELGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxHQUFHLEdBQUcsQ0FBQztBQUM5QixnQkFBQUEsUUFBTyxNQUFNLFVBQVUsQ0FBQyxHQUFHLENBQUM7QUFDNUIsZ0JBQUFBLFFBQU8sTUFBTSxVQUFVLENBQUMsR0FBRyxDQUFDO0FBQzVCLGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxHQUFHLEdBQUcsQ0FBQztBQUM5QixnQkFBQUEsUUFBTyxNQUFNLFVBQVUsRUFBRSxHQUFHLENBQUM7QUFDN0IsZ0JBQUFBLFFBQU8sTUFBTSxVQUFVLEVBQUUsR0FBRyxDQUFDO0FBQzdCLGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxFQUFFLEdBQUcsY0FBYyxDQUFDO0FBQzNDLGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxFQUFFLEdBQUcsQ0FBQztBQUM3QixNQUFJLE9BQU87QUFDWCxXQUFTLElBQUksR0FBRyxLQUFLLEtBQUssS0FBSyxLQUFLO0FBQ2xDLFVBQU0sSUFBSSxVQUFVLENBQUM7QUFDckIsa0JBQUFBLFFBQU8sR0FBRyxLQUFLLE1BQU0sZ0JBQWdCLENBQUMsRUFBRTtBQUN4QyxXQUFPO0FBQUEsRUFDVDtBQUNGLENBQUM7QUFBQSxJQUVELHVCQUFLLDJDQUEyQyxNQUFNO0FBQ3BELFdBQVMsSUFBSSxHQUFHLElBQUksYUFBYSxJQUFLLGVBQUFBLFFBQU8sR0FBRyxVQUFVLENBQUMsSUFBSSxVQUFVLElBQUksQ0FBQyxDQUFDO0FBQy9FLGdCQUFBQSxRQUFPLEdBQUcsVUFBVSxDQUFDLElBQUksQ0FBQztBQUMxQixnQkFBQUEsUUFBTyxHQUFHLFVBQVUsY0FBYyxDQUFDLEtBQUssR0FBRztBQUMzQyxnQkFBQUEsUUFBTyxNQUFNLFVBQVUsRUFBRSxHQUFHLFVBQVUsY0FBYyxDQUFDLENBQUM7QUFDdEQsZ0JBQUFBLFFBQU8sTUFBTSxlQUFlLENBQUMsR0FBRyxnQ0FBZ0M7QUFDbEUsQ0FBQztBQUFBLElBRUQsdUJBQUssbURBQW1ELE1BQU07QUFDNUQsUUFBTSxNQUFNLENBQUMsTUFBYyxPQUFPLEtBQUssY0FBYyxDQUFDLEVBQUUsUUFBUSw4QkFBOEIsRUFBRSxHQUFHLFFBQVEsRUFBRSxTQUFTO0FBQ3RILGdCQUFBQSxRQUFPLE1BQU0sSUFBSSxDQUFDLEdBQUcsdUJBQXVCO0FBQzVDLGdCQUFBQSxRQUFPLE1BQU0sSUFBSSxDQUFDLEdBQUcsV0FBVztBQUNsQyxDQUFDO0FBQUEsSUFFRCx1QkFBSyw4QkFBOEIsTUFBTTtBQUN2QyxRQUFNLFFBQVEsa0JBQWtCO0FBQUEsSUFDOUIsRUFBRSxNQUFNLEdBQUcsU0FBUyxFQUFFO0FBQUEsSUFBRyxFQUFFLE1BQU0sR0FBRyxTQUFTLEVBQUU7QUFBQSxJQUFHLEVBQUUsTUFBTSxHQUFHLFNBQVMsRUFBRTtBQUFBLElBQUcsRUFBRSxNQUFNLElBQUksU0FBUyxHQUFHO0FBQUEsSUFDbkcsRUFBRSxNQUFNLElBQUksU0FBUyxFQUFFO0FBQUEsSUFBRyxFQUFFLE1BQU0sR0FBRyxTQUFTLEdBQUc7QUFBQSxJQUFHLEVBQUUsTUFBTSxLQUFLLFNBQVMsRUFBRTtBQUFBLEVBQzlFLEdBQUcsRUFBRTtBQUNMLGdCQUFBQSxRQUFPLFVBQVUsT0FBTyxDQUFDLEVBQUUsTUFBTSxHQUFHLFNBQVMsR0FBRyxHQUFHLEVBQUUsTUFBTSxHQUFHLFNBQVMsRUFBRSxDQUFDLENBQUM7QUFDM0UsUUFBTSxTQUFTLGFBQWEsS0FBSztBQUNqQyxnQkFBQUEsUUFBTyxNQUFNLE9BQU8sUUFBUSxXQUFXO0FBQ3ZDLGdCQUFBQSxRQUFPLFVBQVUsT0FBTyxDQUFDLEdBQUcsQ0FBQyxFQUFFLE1BQU0sR0FBRyxTQUFTLEdBQUcsQ0FBQyxDQUFDO0FBQ3RELGdCQUFBQSxRQUFPLFVBQVUsT0FBTyxDQUFDLEdBQUcsQ0FBQyxFQUFFLE1BQU0sR0FBRyxTQUFTLEVBQUUsQ0FBQyxDQUFDO0FBQ3ZELENBQUM7IiwKICAibmFtZXMiOiBbImFzc2VydCJdCn0K
