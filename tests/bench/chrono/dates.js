// dates.js: chrono-node over the texts of a JSON Lines stream, the peer of
// `vnextract --fields dates` in scripts/bench.sh. Like it, a whole run of a
// tool: it reads the stream, parses the dates of each text (chrono.parse,
// the casual parser) and writes one JSON line per text.
//   node dates.js STREAM.jsonl > OUT.jsonl
'use strict';
const fs = require('fs');
const readline = require('readline');
const chrono = require('chrono-node');

async function main(path) {
  const lines = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  const out = [];
  for await (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    const dates = chrono.parse(doc.text || '').map(r => ({ text: r.text, start: r.index, value: r.start.date() }));
    out.push(JSON.stringify({ source: doc.id, dates }));
    if (out.length >= 256) process.stdout.write(out.splice(0).join('\n') + '\n');
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

main(process.argv[2]).catch(e => { console.error(e); process.exit(1); });
