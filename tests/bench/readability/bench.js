// bench.js: Readability + jsdom (the Firefox reader view) over saved pages,
// in one process, timed as tests/bench/html.c times vnx_extract_html():
// each page RUNS times (default 5), its best time, then the median.
//
//   node bench.js [-n RUNS] [--text OUTDIR] PAGE.html...
//
// With --text, writes each page's article as OUTDIR/NAME.txt (the title,
// then Readability's textContent) so that vnextract can be run on it.
// jsdom and @mozilla/readability are installed here only (npm install in
// this folder), never a dependency of vnextract.
'use strict';
const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

function main(argv) {
  let runs = 5, outdir = null;
  const pages = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-n') runs = Number(argv[++i]);
    else if (argv[i] === '--text') outdir = argv[++i];
    else pages.push(argv[i]);
  }
  const quiet = new VirtualConsole(); // the pages' CSS and scripts are not our concern
  const best = [];
  for (const page of pages) {
    const html = fs.readFileSync(page);
    let t = Infinity, article = null;
    for (let k = 0; k < runs; k++) {
      const t0 = process.hrtime.bigint();
      const dom = new JSDOM(html, { virtualConsole: quiet });
      article = new Readability(dom.window.document).parse();
      const d = Number(process.hrtime.bigint() - t0) / 1e6;
      dom.window.close();
      t = Math.min(t, d);
    }
    best.push(t);
    console.log(`${String(html.length).padStart(9)} bytes ${t.toFixed(2).padStart(8)} ms  ${page}`);
    if (outdir && article) {
      const name = path.basename(page).replace(/\.html?$/i, '');
      const text = (article.title || '') + '\n' + (article.textContent || '').replace(/\n\s*\n+/g, '\n');
      fs.writeFileSync(path.join(outdir, name + '.txt'), text);
    }
  }
  best.sort((a, b) => a - b);
  const n = best.length, median = n % 2 ? best[(n - 1) / 2] : (best[n / 2 - 1] + best[n / 2]) / 2;
  console.log(`median ${median.toFixed(2)} ms per page, total ${best.reduce((a, b) => a + b, 0).toFixed(1)} ms, ${n} pages`);
}

main(process.argv.slice(2));
