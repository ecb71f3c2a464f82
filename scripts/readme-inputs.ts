/**
 * Keeps the README's input and output tables generated from action.yml.
 * `node --import tsx scripts/readme-inputs.ts --write` rewrites them; without --write it exits 1 when
 * the README is stale (a test runs the check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { markdownTable } from 'markdown-table';
import { parse as parseYaml } from 'yaml';

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const BEGIN = '<!-- inputs:begin (generated from action.yml by scripts/readme-inputs.ts) -->';
const END = '<!-- inputs:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderInputTables(actionYml: string): string {
  const action = parseYaml(actionYml) as ActionYaml;
  const inputs = markdownTable(
    [
      ['input', 'default', 'description'],
      ...Object.entries(action.inputs).map(([name, i]) => [
        `\`${name}\``,
        i.default === undefined || i.default === '' ? '' : `\`${cell(String(i.default))}\``,
        cell(i.description),
      ]),
    ],
    { alignDelimiters: false },
  );
  const outputs = markdownTable(
    [
      ['output', 'description'],
      ...Object.entries(action.outputs).map(([name, o]) => [`\`${name}\``, cell(o.description)]),
    ],
    { alignDelimiters: false },
  );
  return `${BEGIN}\n${inputs}\n\n${outputs}\n${END}`;
}

export function updateReadme(readme: string, actionYml: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no inputs:begin/inputs:end markers');
  return readme.slice(0, start) + renderInputTables(actionYml) + readme.slice(end + END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = new URL('../', import.meta.url);
  const readmePath = new URL('README.md', root);
  const readme = readFileSync(readmePath, 'utf8');
  const next = updateReadme(readme, readFileSync(new URL('action.yml', root), 'utf8'));
  if (process.argv.includes('--write')) writeFileSync(readmePath, next);
  else if (next !== readme) {
    console.error('README.md input tables are stale: run node --import tsx scripts/readme-inputs.ts --write');
    process.exitCode = 1;
  }
}
