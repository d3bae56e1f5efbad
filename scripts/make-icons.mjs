#!/usr/bin/env node
// Renders the app icon (an SVG) to the PNG sizes the web app manifest needs, in Chromium.
// Run once when the icon changes: node scripts/make-icons.mjs  (writes into public/icons/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const mark = (pad) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" ${pad ? '' : 'rx="14"'} fill="#1f5f5b"/>
  <g transform="translate(32 32) scale(${pad ? 0.72 : 1}) translate(-32 -32)">
    <path d="M24 20 12 32l12 12M40 20l12 12-12 12" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
  </g></svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  // Maskable: full-bleed background, artwork inside the 80% safe zone.
  { file: 'maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

mkdirSync('public/icons', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();
for (const { file, size, maskable } of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${mark(maskable)}`,
  );
  writeFileSync(`public/icons/${file}`, await page.screenshot({ omitBackground: !maskable }));
}
await browser.close();
console.log('icons written to public/icons/');
