// Every function of the front end stays short enough to read at once: the modules are
// parsed (acorn) and each function's lines counted.

import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { parse } from "acorn";
import { full } from "acorn-walk";

const FRONT = join(dirname(fileURLToPath(import.meta.url)), "..");
const MAX_LINES = 80;

function longFunctions(file) {
  const source = readFileSync(join(FRONT, file), "utf8");
  const tree = parse(source, { ecmaVersion: "latest", sourceType: "module", locations: true });
  const long = [];
  full(tree, (node) => {
    if (!/Function/.test(node.type)) return;
    const lines = node.loc.end.line - node.loc.start.line + 1;
    if (lines > MAX_LINES) long.push(`${file}:${node.loc.start.line} (${lines} lines)`);
  });
  return long;
}

test(`no function in the front end is longer than ${MAX_LINES} lines`, () => {
  const files = readdirSync(FRONT).filter((name) => name.endsWith(".js"));
  assert.ok(files.length >= 10, "the front end's modules are found");
  assert.deepEqual(files.flatMap(longFunctions), []);
});
