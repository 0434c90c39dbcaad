// Stops the build, before anything runs on Node, when this Node is outside the range that a tool
// pinned in package-lock.json declares (its "engines.node"): a sentence naming the tool and its
// range instead of a failure deep inside it. Reads the ranges from the lock file, so a new pin
// brings its own. Understands the range forms these packages use: ">=A", "<B", "^A", "=A", and
// comparator sets joined by "||".
import { readFileSync } from "node:fs";

const tools = ["@redocly/cli", "@stoplight/spectral-cli"];
const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8"));
// CHECK_NODE_AS=18.19.0 checks another version, to try the check itself.
const running = process.env.CHECK_NODE_AS || process.versions.node;
const version = running.split(".").map(Number);

const parse = (text) => {
  const parts = text.split(".").map(Number);
  return [parts[0] || 0, parts[1] || 0, parts[2] || 0];
};
const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const satisfies = (comparator) => {
  const [, op, v] = /^(>=|<=|>|<|\^|=)?\s*(\S+)$/.exec(comparator);
  const bound = parse(v);
  const c = compare(version, bound);
  switch (op) {
    case ">=": return c >= 0;
    case "<=": return c <= 0;
    case ">": return c > 0;
    case "<": return c < 0;
    case "^": return c >= 0 && version[0] === bound[0];
    default: return c === 0;
  }
};
const inRange = (range) =>
  range.split("||").some((set) =>
    set.trim().replace(/(>=|<=|>|<|\^)\s+/g, "$1").split(/\s+/).every(satisfies));

const refused = tools
  .map((tool) => [tool, lock.packages[`node_modules/${tool}`]?.engines?.node])
  .filter(([, range]) => range && !inRange(range));
if (refused.length > 0) {
  console.error(`Node ${running} is outside what the pinned spec tools accept:`);
  for (const [tool, range] of refused) {
    console.error(`  ${tool} ${lock.packages[`node_modules/${tool}`].version}: node ${range}`);
  }
  console.error("Install a Node in those ranges (22.12 or newer suits all) and build again.");
  process.exit(1);
}
