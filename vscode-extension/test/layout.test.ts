import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildFlameTree, formatWeight, frameColor, layoutFlameGraph, parseSpeedscope, SpeedscopeDocument, topFramesBySelf,
} from '../src/flamegraph/layout';

const frames = [
  { name: 'Main' },                                                    // 0
  { name: 'HandleOrders', file: '/src/Program.cs', line: 14 },         // 1
  { name: 'Work.Spin', file: '/src/Program.cs', line: 80 },            // 2
  { name: 'JsonSerializer.Serialize' },                                // 3
];

function sampled(): SpeedscopeDocument {
  return parseSpeedscope({
    $schema: 'https://www.speedscope.app/file-format-schema.json',
    shared: { frames },
    profiles: [
      { type: 'sampled', name: 'thread 1', unit: 'milliseconds', startValue: 0, endValue: 10,
        samples: [[0, 1, 2], [0, 1, 2], [0, 1, 3], [0, 1]], weights: [3, 3, 2, 1] },
      { type: 'sampled', name: 'thread 2', unit: 'milliseconds', startValue: 0, endValue: 10,
        samples: [[0, 2]], weights: [1] },
    ],
  });
}

test('sampled profiles merge into one tree with totals and self', () => {
  const t = buildFlameTree(sampled());
  assert.equal(t.root.total, 10);
  assert.equal(t.unit, 'milliseconds');
  const main = t.root.children.get(0)!;
  assert.equal(main.total, 10);
  const handle = main.children.get(1)!;
  assert.equal(handle.total, 9);
  assert.equal(handle.self, 1);
  assert.equal(handle.children.get(2)!.total, 6);
  assert.equal(main.children.get(2)!.total, 1);
  assert.deepEqual(t.profileNames, ['thread 1', 'thread 2']);
  assert.equal(buildFlameTree(sampled(), [1]).root.total, 1);
});

test('layout: root full width, children left-heavy and proportional', () => {
  const t = buildFlameTree(sampled());
  const rects = layoutFlameGraph(t);
  const by = (name: string, depth: number) => rects.find(r => r.name === name && r.depth === depth)!;
  assert.deepEqual([rects[0].name, rects[0].x, rects[0].width, rects[0].depth], ['all', 0, 1, 0]);
  assert.equal(by('Main', 1).width, 1);
  assert.equal(by('HandleOrders', 2).x, 0);
  assert.equal(by('HandleOrders', 2).width, 0.9);
  assert.ok(Math.abs(by('Work.Spin', 2).x - 0.9) < 1e-9);
  assert.ok(Math.abs(by('Work.Spin', 3).width - 0.6) < 1e-9);
  assert.equal(by('Work.Spin', 3).percent, 60);
  assert.equal(by('Work.Spin', 3).file, '/src/Program.cs');
  assert.ok(Math.abs(by('JsonSerializer.Serialize', 3).x - 0.6) < 1e-9);
  // children never stick out of their parent
  for (const r of rects) {
    const parent = r.node.parent && rects.find(p => p.node === r.node.parent);
    if (parent) assert.ok(r.x >= parent.x - 1e-9 && r.x + r.width <= parent.x + parent.width + 1e-9, r.name);
  }
});

test('zoom: focus is full width, ancestors above it', () => {
  const t = buildFlameTree(sampled());
  const handle = t.root.children.get(0)!.children.get(1)!;
  const rects = layoutFlameGraph(t, { focus: handle });
  assert.deepEqual(rects.filter(r => r.ancestor).map(r => [r.name, r.depth, r.width]), [['all', 0, 1], ['Main', 1, 1]]);
  const focus = rects.find(r => !r.ancestor)!;
  assert.deepEqual([focus.name, focus.depth, focus.x, focus.width], ['HandleOrders', 2, 0, 1]);
  const spin = rects.find(r => r.name === 'Work.Spin')!;
  assert.ok(Math.abs(spin.width - 6 / 9) < 1e-9);
});

test('narrow frames are dropped, rectangle count is capped', () => {
  const t = buildFlameTree(sampled());
  assert.equal(layoutFlameGraph(t, { minWidth: 0.15 }).some(r => r.name === 'Work.Spin' && r.depth === 2), false);
  assert.equal(layoutFlameGraph(t, { maxRects: 3 }).length, 3);
});

test('evented profiles: open/close intervals', () => {
  const doc = parseSpeedscope({
    shared: { frames },
    profiles: [{
      type: 'evented', name: 'ev', unit: 'microseconds', startValue: 0, endValue: 100,
      events: [
        { type: 'O', at: 0, frame: 0 }, { type: 'O', at: 10, frame: 1 }, { type: 'O', at: 20, frame: 2 },
        { type: 'C', at: 60, frame: 2 }, { type: 'C', at: 70, frame: 1 }, { type: 'C', at: 100, frame: 0 },
      ],
    }],
  });
  const t = buildFlameTree(doc);
  const main = t.root.children.get(0)!;
  assert.equal(t.root.total, 100);
  assert.equal(main.total, 100);
  assert.equal(main.self, 40);
  assert.equal(main.children.get(1)!.total, 60);
  assert.equal(main.children.get(1)!.children.get(2)!.total, 40);
  assert.equal(formatWeight(t.root.total, t.unit), '0.10 ms');
});

test('evented: unclosed frames end at endValue', () => {
  const t = buildFlameTree(parseSpeedscope({
    shared: { frames },
    profiles: [{ type: 'evented', unit: 'none', startValue: 0, endValue: 50, events: [{ type: 'O', at: 5, frame: 0 }] }],
  }));
  assert.equal(t.root.total, 45);
});

test('hottest frames by self', () => {
  const top = topFramesBySelf(buildFlameTree(sampled()), 2);
  assert.deepEqual(top.map(f => [f.name, f.self, f.percent]), [['Work.Spin', 7, 70], ['JsonSerializer.Serialize', 2, 20]]);
  assert.equal(top[0].line, 80);
});

test('malformed documents are refused with a reason', () => {
  assert.throws(() => parseSpeedscope(null), /not a JSON object/);
  assert.throws(() => parseSpeedscope({ profiles: [] }), /shared.frames/);
  assert.throws(() => parseSpeedscope({ shared: { frames }, profiles: [{ type: 'sampled', samples: [[9]] }] }), /frame 9 of 4/);
  assert.throws(() => parseSpeedscope({ shared: { frames }, profiles: [{ type: 'sampled', samples: [[0]], weights: [] }] }), /1 samples but 0 weights/);
  assert.throws(() => parseSpeedscope({ shared: { frames }, profiles: [{ type: 'other' }] }), /unknown type/);
  assert.equal(parseSpeedscope(JSON.stringify({ shared: { frames: [] }, profiles: [] })).profiles.length, 0);
});

test('empty profile lays out as a lone root', () => {
  const t = buildFlameTree(parseSpeedscope({ shared: { frames: [] }, profiles: [] }));
  assert.equal(t.root.total, 0);
  assert.equal(layoutFlameGraph(t).length, 1);
});

test('weights and colours', () => {
  assert.equal(formatWeight(1, 'none'), '1 sample');
  assert.equal(formatWeight(1234, 'none'), '1234 samples');
  assert.equal(formatWeight(2_500_000_000, 'nanoseconds'), '2.5 s');
  assert.equal(formatWeight(2048, 'bytes'), '2.0 KiB');
  assert.equal(frameColor('a', true), frameColor('a', true));
  assert.match(frameColor('Work.Spin', false), /^hsl\(\d+, \d+%, \d+%\)$/);
});
