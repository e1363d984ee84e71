// Pure part of the hot-line decorations: how a CPU share maps to a heat level,
// its colour and its label. The editor side is in hotLineDecorations.ts.
import type { HotLinesParams, HotspotsResult } from './protocol';

/** Lower bounds (percent of samples) of heat levels 1..N. */
export const HEAT_THRESHOLDS = [0, 1, 2.5, 5, 10, 20] as const;
export const HEAT_LEVELS = HEAT_THRESHOLDS.length;

/** 0-based heat level of a share: 0 for anything under 1%, HEAT_LEVELS-1 from 20% up. */
export function heatLevel(percent: number): number {
  if (!Number.isFinite(percent) || percent <= 0) return 0;
  let level = 0;
  for (let i = 0; i < HEAT_THRESHOLDS.length; i++) if (percent >= HEAT_THRESHOLDS[i]) level = i;
  return level;
}

/**
 * Background alpha of a level: faint for the coolest, clearly visible for the
 * hottest, never so strong that the text is hard to read.
 */
export function heatAlpha(level: number): number {
  const l = Math.min(Math.max(level, 0), HEAT_LEVELS - 1);
  return Math.round((0.06 + (0.34 * l) / (HEAT_LEVELS - 1)) * 100) / 100;
}

/** Colour of a level: yellow-orange for cool lines to red for the hottest. */
export function heatRgb(level: number): [number, number, number] {
  const t = Math.min(Math.max(level, 0), HEAT_LEVELS - 1) / (HEAT_LEVELS - 1);
  return [255, Math.round(170 - 130 * t), Math.round(40 - 20 * t)];
}

export function heatBackground(level: number): string {
  const [r, g, b] = heatRgb(level);
  return `rgba(${r}, ${g}, ${b}, ${heatAlpha(level)})`;
}

/** The gutter mark of a level: a bar whose width grows with the heat (SVG data URI). */
export function heatGutterSvg(level: number): string {
  const [r, g, b] = heatRgb(level);
  const width = 3 + level;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">` +
    `<rect x="0" y="0" width="${width}" height="16" fill="rgb(${r},${g},${b})"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** `8.1%`, `0.4%`, `<0.1%`, `100%`. */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent) || percent <= 0) return '0%';
  if (percent < 0.1) return '<0.1%';
  if (percent >= 99.95) return '100%';
  return `${percent.toFixed(1)}%`;
}

/** The text after a hot line. */
export function hotLineLabel(percent: number): string {
  return `▮ ${formatPercent(percent)}`;
}

export interface HotLine {
  line: number;
  percent: number;
}

/**
 * Cleans a `devtools/hotLines` payload: drops lines outside the document and
 * non-positive shares, keeps the largest share when a line comes twice.
 */
export function normalizeHotLines(lines: readonly HotLine[], lineCount: number): HotLine[] {
  const byLine = new Map<number, number>();
  for (const l of lines) {
    if (!Number.isInteger(l.line) || l.line < 0 || l.line >= lineCount) continue;
    if (!Number.isFinite(l.percent) || l.percent <= 0) continue;
    byLine.set(l.line, Math.max(byLine.get(l.line) ?? 0, l.percent));
  }
  return [...byLine].map(([line, percent]) => ({ line, percent })).sort((a, b) => a.line - b.line);
}

/** Groups hot lines by heat level (index = level). */
export function groupByLevel(lines: readonly HotLine[]): HotLine[][] {
  const groups: HotLine[][] = Array.from({ length: HEAT_LEVELS }, () => []);
  for (const l of lines) groups[heatLevel(l.percent)].push(l);
  return groups;
}

/**
 * `devtools/hotspots` as per-document hot lines (0-based), like the
 * `devtools/hotLines` notification: only lines the bridge mapped to a workspace
 * file (with a `location`) are kept; nothing is guessed from bare paths.
 */
export function hotLinesFromHotspots(h: HotspotsResult | undefined): HotLinesParams[] {
  const byUri = new Map<string, Map<number, number>>();
  for (const l of h?.lines ?? []) {
    const loc = l.location;
    if (!loc || !loc.uri) continue;
    const line = loc.range?.start?.line;
    if (!Number.isInteger(line) || line < 0 || !Number.isFinite(l.percent) || l.percent <= 0) continue;
    const lines = byUri.get(loc.uri) ?? new Map<number, number>();
    lines.set(line, Math.max(lines.get(line) ?? 0, l.percent));
    byUri.set(loc.uri, lines);
  }
  return [...byUri].map(([uri, lines]) => ({
    uri,
    lines: [...lines].map(([line, percent]) => ({ line, percent })).sort((a, b) => a.line - b.line),
  }));
}
