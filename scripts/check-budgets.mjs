#!/usr/bin/env node
// Fails when the first page's JavaScript or CSS is over budget (budgets.json), naming the files.
import { checkDist } from './budgets.mjs';

const result = checkDist();
console.log(
  `First page: JS ${result.jsKb.toFixed(1)} KB gzipped (budget ${result.budgets.firstPageJsKb}, target ${result.budgets.targetFirstPageJsKb}), ` +
    `CSS ${result.cssKb.toFixed(1)} KB (budget ${result.budgets.firstPageCssKb}).`,
);
if (result.lazyChecked) {
  console.log(
    `Loaded only when used, not in the first page: ${[
      ...(result.lazyChecked.modules ?? []),
      ...(result.lazyChecked.markers ?? []).map((m) => `"${m}"`),
    ].join(', ')}${result.problems.length === 0 ? ' (checked)' : ''}.`,
  );
}
if (result.problems.length > 0) {
  for (const problem of result.problems) console.error(`Budget exceeded: ${problem}`);
  process.exit(1);
}
