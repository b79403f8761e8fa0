// SPDX-License-Identifier: GPL-3.0-or-later
// Renders a CSL-JSON file with citation-js as a bibliography in STYLE
// (apa, vancouver or harvard1) and prints it; exits 1 when nothing came out.
//   NODE_PATH=DIR/node_modules node render-csl.js FILE.json [STYLE]
'use strict';
const fs = require('fs');
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-csl');

const [file, style = 'apa'] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(file, 'utf8'));
const out = new Cite(items).format('bibliography', { format: 'text', template: style, lang: 'en-US' });
if (items.length > 0 && !out.trim()) {
  console.error(`${file}: citation-js rendered nothing`);
  process.exit(1);
}
process.stdout.write(out);
