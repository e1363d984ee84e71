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

// test/refreshGate.test.ts
var import_strict = __toESM(require("node:assert/strict"));
var import_node_test = require("node:test");

// src/refreshGate.ts
var RefreshGate = class {
  constructor(fire, now = Date.now, staleMs = 1e4) {
    this.fire = fire;
    this.now = now;
    this.staleMs = staleMs;
  }
  fire;
  now;
  staleMs;
  pending = false;
  firedAt = 0;
  /** Refreshes not passed on because one was still pending. */
  coalesced = 0;
  /** The bridge asked for a refresh. */
  request() {
    if (this.pending && this.now() - this.firedAt < this.staleMs) {
      this.coalesced++;
      return;
    }
    this.pending = true;
    this.firedAt = this.now();
    this.fire();
  }
  /** VS Code asked the provider (the last change event has been acted on). */
  consumed() {
    this.pending = false;
  }
};

// test/refreshGate.test.ts
(0, import_node_test.test)("refresh gate: one change event until VS Code asks again", () => {
  let fired = 0;
  let t = 0;
  const gate = new RefreshGate(() => fired++, () => t, 1e4);
  gate.request();
  import_strict.default.equal(fired, 1);
  for (let i = 0; i < 5; i++) {
    t += 1e3;
    gate.request();
  }
  import_strict.default.equal(fired, 1);
  import_strict.default.equal(gate.coalesced, 5);
  gate.consumed();
  t += 1e3;
  gate.request();
  import_strict.default.equal(fired, 2);
});
(0, import_node_test.test)("refresh gate: an unconsumed refresh stops blocking after staleMs", () => {
  let fired = 0;
  let t = 0;
  const gate = new RefreshGate(() => fired++, () => t, 1e4);
  gate.request();
  t += 9999;
  gate.request();
  import_strict.default.equal(fired, 1);
  t += 1;
  gate.request();
  import_strict.default.equal(fired, 2);
});
(0, import_node_test.test)("refresh gate: consumed without a pending refresh is harmless", () => {
  let fired = 0;
  const gate = new RefreshGate(() => fired++, () => 0);
  gate.consumed();
  gate.request();
  gate.request();
  import_strict.default.equal(fired, 1);
});
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vdGVzdC9yZWZyZXNoR2F0ZS50ZXN0LnRzIiwgIi4uL3NyYy9yZWZyZXNoR2F0ZS50cyJdLAogICJzb3VyY2VzQ29udGVudCI6IFsiaW1wb3J0IGFzc2VydCBmcm9tICdub2RlOmFzc2VydC9zdHJpY3QnO1xuaW1wb3J0IHsgdGVzdCB9IGZyb20gJ25vZGU6dGVzdCc7XG5pbXBvcnQgeyBSZWZyZXNoR2F0ZSB9IGZyb20gJy4uL3NyYy9yZWZyZXNoR2F0ZSc7XG5cbnRlc3QoJ3JlZnJlc2ggZ2F0ZTogb25lIGNoYW5nZSBldmVudCB1bnRpbCBWUyBDb2RlIGFza3MgYWdhaW4nLCAoKSA9PiB7XG4gIGxldCBmaXJlZCA9IDA7XG4gIGxldCB0ID0gMDtcbiAgY29uc3QgZ2F0ZSA9IG5ldyBSZWZyZXNoR2F0ZSgoKSA9PiBmaXJlZCsrLCAoKSA9PiB0LCAxMF8wMDApO1xuICBnYXRlLnJlcXVlc3QoKTtcbiAgYXNzZXJ0LmVxdWFsKGZpcmVkLCAxKTtcbiAgLy8gdGhlIGJyaWRnZSBrZWVwcyByZWZyZXNoaW5nIGV2ZXJ5IHNlY29uZCwgVlMgQ29kZSBpcyBzdGlsbCBkZWJvdW5jaW5nOiBubyBuZXcgZXZlbnRcbiAgZm9yIChsZXQgaSA9IDA7IGkgPCA1OyBpKyspIHsgdCArPSAxMDAwOyBnYXRlLnJlcXVlc3QoKTsgfVxuICBhc3NlcnQuZXF1YWwoZmlyZWQsIDEpO1xuICBhc3NlcnQuZXF1YWwoZ2F0ZS5jb2FsZXNjZWQsIDUpO1xuICAvLyBWUyBDb2RlIGFza2VkIGZvciB0aGUgbGVuc2VzOiB0aGUgbmV4dCByZWZyZXNoIGdvZXMgdGhyb3VnaFxuICBnYXRlLmNvbnN1bWVkKCk7XG4gIHQgKz0gMTAwMDtcbiAgZ2F0ZS5yZXF1ZXN0KCk7XG4gIGFzc2VydC5lcXVhbChmaXJlZCwgMik7XG59KTtcblxudGVzdCgncmVmcmVzaCBnYXRlOiBhbiB1bmNvbnN1bWVkIHJlZnJlc2ggc3RvcHMgYmxvY2tpbmcgYWZ0ZXIgc3RhbGVNcycsICgpID0+IHtcbiAgbGV0IGZpcmVkID0gMDtcbiAgbGV0IHQgPSAwO1xuICBjb25zdCBnYXRlID0gbmV3IFJlZnJlc2hHYXRlKCgpID0+IGZpcmVkKyssICgpID0+IHQsIDEwXzAwMCk7XG4gIGdhdGUucmVxdWVzdCgpO1xuICB0ICs9IDlfOTk5O1xuICBnYXRlLnJlcXVlc3QoKTtcbiAgYXNzZXJ0LmVxdWFsKGZpcmVkLCAxKTtcbiAgdCArPSAxO1xuICBnYXRlLnJlcXVlc3QoKTtcbiAgYXNzZXJ0LmVxdWFsKGZpcmVkLCAyKTtcbn0pO1xuXG50ZXN0KCdyZWZyZXNoIGdhdGU6IGNvbnN1bWVkIHdpdGhvdXQgYSBwZW5kaW5nIHJlZnJlc2ggaXMgaGFybWxlc3MnLCAoKSA9PiB7XG4gIGxldCBmaXJlZCA9IDA7XG4gIGNvbnN0IGdhdGUgPSBuZXcgUmVmcmVzaEdhdGUoKCkgPT4gZmlyZWQrKywgKCkgPT4gMCk7XG4gIGdhdGUuY29uc3VtZWQoKTtcbiAgZ2F0ZS5yZXF1ZXN0KCk7XG4gIGdhdGUucmVxdWVzdCgpO1xuICBhc3NlcnQuZXF1YWwoZmlyZWQsIDEpO1xufSk7XG4iLCAiLy8gUGFjZXMgdGhlIGJyaWRnZSdzIGB3b3Jrc3BhY2UvY29kZUxlbnMvcmVmcmVzaGAgYW5kIGB3b3Jrc3BhY2UvaW5sYXlIaW50L3JlZnJlc2hgLlxuLy9cbi8vIFZTIENvZGUgYW5zd2VycyBhIHByb3ZpZGVyJ3MgY2hhbmdlIGV2ZW50IGJ5IChyZSlzdGFydGluZyBhIGRlYm91bmNlIHRpbWVyXG4vLyB3aG9zZSBkZWxheSBpcyB0aGUgbWVhc3VyZWQgZHVyYXRpb24gb2YgZWFybGllciByZXF1ZXN0cyAoYXQgbGVhc3QgMjUwIG1zIGZvclxuLy8gQ29kZUxlbnMpLiBBIGJyaWRnZSB0aGF0IHJlZnJlc2hlcyBhYm91dCBvbmNlIGEgc2Vjb25kIHdoaWxlIHRyYWZmaWMgZmxvd3MgY2FuXG4vLyB0aGVyZWZvcmUgcG9zdHBvbmUgdGhlIHVwZGF0ZSBmb3JldmVyIG9uY2UgdGhhdCBkZWxheSBleGNlZWRzIGl0cyBwZXJpb2QgKGFcbi8vIHNsb3cgZmlyc3QgcmVxdWVzdCBkdXJpbmcgc3RhcnQtdXAgaXMgZW5vdWdoKSwgYW5kIG5vIGxlbnMgZXZlciBzaG93cyBudW1iZXJzLlxuLy8gVGhlIGdhdGUgZmlyZXMgdGhlIGNoYW5nZSBldmVudCBvbmNlIGFuZCB0aGVuIHdhaXRzIHVudGlsIFZTIENvZGUgaGFzIGFza2VkXG4vLyBmb3IgdGhlIGxlbnNlcy9oaW50cyBhZ2FpbiBiZWZvcmUgZmlyaW5nIHRoZSBuZXh0IG9uZTogdGhlIHJlcXVlc3QgaXQgbWFrZXNcbi8vIHRoZW4gZmV0Y2hlcyB0aGUgbmV3ZXN0IGRhdGEgYW55d2F5LCBzbyBub3RoaW5nIGlzIGxvc3QuIEEgcmVmcmVzaCBub2JvZHlcbi8vIGNvbnN1bWVkIChubyB2aXNpYmxlIEMjIGVkaXRvcikgc3RvcHMgYmxvY2tpbmcgYWZ0ZXIgYHN0YWxlTXNgLlxuZXhwb3J0IGNsYXNzIFJlZnJlc2hHYXRlIHtcbiAgcHJpdmF0ZSBwZW5kaW5nID0gZmFsc2U7XG4gIHByaXZhdGUgZmlyZWRBdCA9IDA7XG4gIC8qKiBSZWZyZXNoZXMgbm90IHBhc3NlZCBvbiBiZWNhdXNlIG9uZSB3YXMgc3RpbGwgcGVuZGluZy4gKi9cbiAgY29hbGVzY2VkID0gMDtcblxuICBjb25zdHJ1Y3RvcihcbiAgICBwcml2YXRlIHJlYWRvbmx5IGZpcmU6ICgpID0+IHZvaWQsXG4gICAgcHJpdmF0ZSByZWFkb25seSBub3c6ICgpID0+IG51bWJlciA9IERhdGUubm93LFxuICAgIHByaXZhdGUgcmVhZG9ubHkgc3RhbGVNcyA9IDEwXzAwMCxcbiAgKSB7fVxuXG4gIC8qKiBUaGUgYnJpZGdlIGFza2VkIGZvciBhIHJlZnJlc2guICovXG4gIHJlcXVlc3QoKTogdm9pZCB7XG4gICAgaWYgKHRoaXMucGVuZGluZyAmJiB0aGlzLm5vdygpIC0gdGhpcy5maXJlZEF0IDwgdGhpcy5zdGFsZU1zKSB7XG4gICAgICB0aGlzLmNvYWxlc2NlZCsrO1xuICAgICAgcmV0dXJuO1xuICAgIH1cbiAgICB0aGlzLnBlbmRpbmcgPSB0cnVlO1xuICAgIHRoaXMuZmlyZWRBdCA9IHRoaXMubm93KCk7XG4gICAgdGhpcy5maXJlKCk7XG4gIH1cblxuICAvKiogVlMgQ29kZSBhc2tlZCB0aGUgcHJvdmlkZXIgKHRoZSBsYXN0IGNoYW5nZSBldmVudCBoYXMgYmVlbiBhY3RlZCBvbikuICovXG4gIGNvbnN1bWVkKCk6IHZvaWQge1xuICAgIHRoaXMucGVuZGluZyA9IGZhbHNlO1xuICB9XG59XG4iXSwKICAibWFwcGluZ3MiOiAiOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUEsb0JBQW1CO0FBQ25CLHVCQUFxQjs7O0FDVWQsSUFBTSxjQUFOLE1BQWtCO0FBQUEsRUFNdkIsWUFDbUIsTUFDQSxNQUFvQixLQUFLLEtBQ3pCLFVBQVUsS0FDM0I7QUFIaUI7QUFDQTtBQUNBO0FBQUEsRUFDaEI7QUFBQSxFQUhnQjtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQUEsRUFSWCxVQUFVO0FBQUEsRUFDVixVQUFVO0FBQUE7QUFBQSxFQUVsQixZQUFZO0FBQUE7QUFBQSxFQVNaLFVBQWdCO0FBQ2QsUUFBSSxLQUFLLFdBQVcsS0FBSyxJQUFJLElBQUksS0FBSyxVQUFVLEtBQUssU0FBUztBQUM1RCxXQUFLO0FBQ0w7QUFBQSxJQUNGO0FBQ0EsU0FBSyxVQUFVO0FBQ2YsU0FBSyxVQUFVLEtBQUssSUFBSTtBQUN4QixTQUFLLEtBQUs7QUFBQSxFQUNaO0FBQUE7QUFBQSxFQUdBLFdBQWlCO0FBQ2YsU0FBSyxVQUFVO0FBQUEsRUFDakI7QUFDRjs7O0lEbENBLHVCQUFLLDJEQUEyRCxNQUFNO0FBQ3BFLE1BQUksUUFBUTtBQUNaLE1BQUksSUFBSTtBQUNSLFFBQU0sT0FBTyxJQUFJLFlBQVksTUFBTSxTQUFTLE1BQU0sR0FBRyxHQUFNO0FBQzNELE9BQUssUUFBUTtBQUNiLGdCQUFBQSxRQUFPLE1BQU0sT0FBTyxDQUFDO0FBRXJCLFdBQVMsSUFBSSxHQUFHLElBQUksR0FBRyxLQUFLO0FBQUUsU0FBSztBQUFNLFNBQUssUUFBUTtBQUFBLEVBQUc7QUFDekQsZ0JBQUFBLFFBQU8sTUFBTSxPQUFPLENBQUM7QUFDckIsZ0JBQUFBLFFBQU8sTUFBTSxLQUFLLFdBQVcsQ0FBQztBQUU5QixPQUFLLFNBQVM7QUFDZCxPQUFLO0FBQ0wsT0FBSyxRQUFRO0FBQ2IsZ0JBQUFBLFFBQU8sTUFBTSxPQUFPLENBQUM7QUFDdkIsQ0FBQztBQUFBLElBRUQsdUJBQUssb0VBQW9FLE1BQU07QUFDN0UsTUFBSSxRQUFRO0FBQ1osTUFBSSxJQUFJO0FBQ1IsUUFBTSxPQUFPLElBQUksWUFBWSxNQUFNLFNBQVMsTUFBTSxHQUFHLEdBQU07QUFDM0QsT0FBSyxRQUFRO0FBQ2IsT0FBSztBQUNMLE9BQUssUUFBUTtBQUNiLGdCQUFBQSxRQUFPLE1BQU0sT0FBTyxDQUFDO0FBQ3JCLE9BQUs7QUFDTCxPQUFLLFFBQVE7QUFDYixnQkFBQUEsUUFBTyxNQUFNLE9BQU8sQ0FBQztBQUN2QixDQUFDO0FBQUEsSUFFRCx1QkFBSyxnRUFBZ0UsTUFBTTtBQUN6RSxNQUFJLFFBQVE7QUFDWixRQUFNLE9BQU8sSUFBSSxZQUFZLE1BQU0sU0FBUyxNQUFNLENBQUM7QUFDbkQsT0FBSyxTQUFTO0FBQ2QsT0FBSyxRQUFRO0FBQ2IsT0FBSyxRQUFRO0FBQ2IsZ0JBQUFBLFFBQU8sTUFBTSxPQUFPLENBQUM7QUFDdkIsQ0FBQzsiLAogICJuYW1lcyI6IFsiYXNzZXJ0Il0KfQo=
