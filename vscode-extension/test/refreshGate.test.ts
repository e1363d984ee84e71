import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RefreshGate } from '../src/refreshGate';

test('refresh gate: one change event until VS Code asks again', () => {
  let fired = 0;
  let t = 0;
  const gate = new RefreshGate(() => fired++, () => t, 10_000);
  gate.request();
  assert.equal(fired, 1);
  // the bridge keeps refreshing every second, VS Code is still debouncing: no new event
  for (let i = 0; i < 5; i++) { t += 1000; gate.request(); }
  assert.equal(fired, 1);
  assert.equal(gate.coalesced, 5);
  // VS Code asked for the lenses: the next refresh goes through
  gate.consumed();
  t += 1000;
  gate.request();
  assert.equal(fired, 2);
});

test('refresh gate: an unconsumed refresh stops blocking after staleMs', () => {
  let fired = 0;
  let t = 0;
  const gate = new RefreshGate(() => fired++, () => t, 10_000);
  gate.request();
  t += 9_999;
  gate.request();
  assert.equal(fired, 1);
  t += 1;
  gate.request();
  assert.equal(fired, 2);
});

test('refresh gate: consumed without a pending refresh is harmless', () => {
  let fired = 0;
  const gate = new RefreshGate(() => fired++, () => 0);
  gate.consumed();
  gate.request();
  gate.request();
  assert.equal(fired, 1);
});
