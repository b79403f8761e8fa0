// SPDX-License-Identifier: GPL-3.0-or-later
// Renders CSL-JSON files with citation-js as APA bibliographies, each into
// FILE.bib beside it (one process for all: node starts slowly); exits 1
// when one rendered nothing.
//   NODE_PATH=DIR/node_modules node render-csl.js FILE.json...
'use strict';
const fs = require('fs');
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-csl');

let status = 0;
for (const file of process.argv.slice(2)) {
  const items = JSON.parse(fs.readFileSync(file, 'utf8'));
  const out = new Cite(items).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
  if (items.length > 0 && !out.trim()) {
    console.error(`${file}: citation-js rendered nothing`);
    status = 1;
  }
  fs.writeFileSync(`${file}.bib`, out);
}
process.exit(status);
