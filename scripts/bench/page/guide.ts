/*
 * Importing a guide file as the app does: the importer loaded on demand (its own chunk, with the
 * Markdown and YAML parsers), each seed guide given as bytes, HTML through the browser's
 * DOMParser. Times each whole import (decode, tags, parse, structure, schema check).
 */
import kyEvents from '../../../tests/fixtures/guides/ky-events.md?raw';
import kyPressKit from '../../../tests/fixtures/guides/ky-press-kit.md?raw';
import nbOfficials from '../../../tests/fixtures/guides/nb-officials.md?raw';
import nnEvents from '../../../tests/fixtures/guides/nn-events.md?raw';

const GUIDES: [string, string][] = [
  ['ky-events.md', kyEvents],
  ['ky-press-kit.md', kyPressKit],
  ['nn-events.md', nnEvents],
  ['nb-officials.md', nbOfficials],
];

function percentile(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function runGuideBench() {
  const loadStart = performance.now();
  const { importGuides } = await import('@/guide/import-guide');
  const loadMs = performance.now() - loadStart;
  const parser = new DOMParser();
  const options = {
    parseHtml: (html: string) => parser.parseFromString(html, 'text/html'),
    deps: { now: () => new Date(), newId: () => crypto.randomUUID() },
  };
  const encoder = new TextEncoder();
  const files = GUIDES.map(([name, text]) => ({ name, bytes: encoder.encode(text) }));
  const importOne = (file: { name: string; bytes: Uint8Array }) => {
    const start = performance.now();
    const result = importGuides([file], options);
    const ms = performance.now() - start;
    if (!result.ok) throw new Error(`the benchmark guide ${file.name} was refused`);
    return ms;
  };
  // The very first import (code just loaded, not yet optimized) is what a user meets once.
  const firstMs = importOne(files[0]!);
  const samples: number[] = [];
  for (let round = 0; round < 25; round += 1) for (const file of files) samples.push(importOne(file));
  return {
    loadMs,
    firstMs,
    samples: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    bytes: Math.max(...files.map((file) => file.bytes.length)),
  };
}

Object.assign(window, { runGuideBench });
