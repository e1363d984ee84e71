import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatPercent, groupByLevel, heatAlpha, heatBackground, heatGutterSvg, heatLevel, HEAT_LEVELS, hotLineLabel, hotLinesFromHotspots, normalizeHotLines,
} from '../src/hotLines';

test('labels', () => {
  assert.equal(hotLineLabel(8.123), '▮ 8.1%');
  assert.equal(formatPercent(0.04), '<0.1%');
  assert.equal(formatPercent(100), '100%');
  assert.equal(formatPercent(0), '0%');
  assert.equal(formatPercent(NaN), '0%');
});

test('heat levels grow with the share and saturate', () => {
  assert.equal(heatLevel(0.5), 0);
  assert.equal(heatLevel(1), 1);
  assert.equal(heatLevel(3), 2);
  assert.equal(heatLevel(8.1), 3);
  assert.equal(heatLevel(12), 4);
  assert.equal(heatLevel(20), 5);
  assert.equal(heatLevel(95), HEAT_LEVELS - 1);
  assert.equal(heatLevel(-1), 0);
  let prev = -1;
  for (let p = 0; p <= 100; p += 0.5) {
    const l = heatLevel(p);
    assert.ok(l >= prev, `monotonic at ${p}`);
    prev = l;
  }
});

test('alpha is monotonic, readable at the top', () => {
  for (let l = 1; l < HEAT_LEVELS; l++) assert.ok(heatAlpha(l) > heatAlpha(l - 1));
  assert.ok(heatAlpha(0) > 0);
  assert.ok(heatAlpha(HEAT_LEVELS - 1) <= 0.4);
  assert.equal(heatAlpha(99), heatAlpha(HEAT_LEVELS - 1));
  assert.match(heatBackground(0), /^rgba\(255, \d+, \d+, 0\.06\)$/);
});

test('gutter icon is an SVG data URI whose bar widens', () => {
  const svg = (l: number) => Buffer.from(heatGutterSvg(l).replace('data:image/svg+xml;base64,', ''), 'base64').toString();
  assert.match(svg(0), /<svg[^>]*>.*width="3"/);
  assert.match(svg(5), /width="8"/);
});

test('normalising a notification', () => {
  const lines = normalizeHotLines([
    { line: 3, percent: 2 }, { line: 3, percent: 5 }, { line: 1, percent: 0 }, { line: 99, percent: 30 },
    { line: -1, percent: 4 }, { line: 0, percent: 12 }, { line: 2.5, percent: 1 },
  ], 10);
  assert.deepEqual(lines, [{ line: 0, percent: 12 }, { line: 3, percent: 5 }]);
  const groups = groupByLevel(lines);
  assert.equal(groups.length, HEAT_LEVELS);
  assert.deepEqual(groups[4], [{ line: 0, percent: 12 }]);
  assert.deepEqual(groups[3], [{ line: 3, percent: 5 }]);
});

test('hotspots → per-document hot lines: mapped lines only, 0-based, max per line', () => {
  const loc = (uri: string, line: number) => ({ uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } });
  const out = hotLinesFromHotspots({
    totalSamples: 100,
    functions: [],
    lines: [
      { file: '/src/Program.cs', line: 90, percent: 30, samples: 30, location: loc('file:///ws/Program.cs', 89) },
      { file: '/src/Program.cs', line: 89, percent: 4, samples: 4, location: loc('file:///ws/Program.cs', 88) },
      { file: '/src/Program.cs', line: 90, percent: 2, samples: 2, location: loc('file:///ws/Program.cs', 89) },
      { file: '/other/Lib.cs', line: 10, percent: 50, samples: 50 },
      { file: '/src/B.cs', line: 3, percent: 0, samples: 0, location: loc('file:///ws/B.cs', 2) },
    ],
  });
  assert.deepEqual(out, [{ uri: 'file:///ws/Program.cs', lines: [{ line: 88, percent: 4 }, { line: 89, percent: 30 }] }]);
  assert.deepEqual(hotLinesFromHotspots(undefined), []);
});
