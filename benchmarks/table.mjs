// Prints benchmarks/run's table from its result files: subject, floor, ratio and goal.
import { readFileSync, readdirSync } from "node:fs";

const dir = process.argv[2];
const rows = [];
const row = (what, subject, floor, ratio, goal, holds) =>
  rows.push([what, subject, floor, ratio, goal, holds === null ? "" : holds ? "yes" : "NO"]);

const jmh = JSON.parse(readFileSync(`${dir}/client.json`, "utf8"));
const score = (name, metric) => {
  const run = jmh.find((r) => r.benchmark.endsWith(`.${name}`));
  return metric ? run.secondaryMetrics[metric].score : run.primaryMetric.score;
};
const time = [score("client"), score("floor")];
const alloc = [score("client", "gc.alloc.rate.norm"), score("floor", "gc.alloc.rate.norm")];
row("client list(all, 1, 20): time per call", `${time[0].toFixed(0)} µs`, `${time[1].toFixed(0)} µs (java.net.http + Jackson)`,
  (time[0] / time[1]).toFixed(2), "≤ 1.10", time[0] / time[1] <= 1.1);
row("client list(all, 1, 20): allocated per call", `${(alloc[0] / 1024).toFixed(0)} KiB`, `${(alloc[1] / 1024).toFixed(0)} KiB`,
  (alloc[0] / alloc[1]).toFixed(2), "≤ 1.30", alloc[0] / alloc[1] <= 1.3);

const pager = Object.fromEntries(
  readFileSync(`${dir}/pager.txt`, "utf8").trim().split("\n").map((l) => l.split(" ").slice(1).map(Number)));
const heapRatio = pager[100000] / pager[1000];
row("auto-pager peak heap: 100,000 jobs vs 1,000", `${(pager[100000] / 1048576).toFixed(1)} MiB`,
  `${(pager[1000] / 1048576).toFixed(1)} MiB`, heapRatio.toFixed(2), "flat (≤ 1.10)", heapRatio <= 1.1);

const wrk = (subject, connections) => {
  const runs = readdirSync(dir).filter((f) => f.startsWith(`wrk-${subject}-${connections}-`))
    .map((f) => readFileSync(`${dir}/${f}`, "utf8"));
  const ms = (text, label) => {
    const m = text.match(new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`));
    return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]] : NaN;
  };
  const errors = (text) => {
    const non2xx = text.match(/Non-2xx or 3xx responses: (\d+)/);
    const socket = text.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
    return (non2xx ? Number(non2xx[1]) : 0) + (socket ? socket.slice(1).map(Number).reduce((a, b) => a + b) : 0);
  };
  const mean = (f) => runs.map(f).reduce((a, b) => a + b) / runs.length;
  return {
    rps: mean((t) => Number(t.match(/Requests\/sec:\s+([\d.]+)/)[1])),
    p50: mean((t) => ms(t, "50%")),
    p99: mean((t) => ms(t, "99%")),
    errors: runs.map(errors).reduce((a, b) => a + b),
  };
};
for (const connections of [64, 256]) {
  const [ref, canned, prism, jersey] = ["reference", "canned", "prism", "jersey"].map((s) => wrk(s, connections));
  const describe = (r) => `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors`;
  row(`reference server, list of 20, ${connections} connections`, describe(ref), `canned bytes: ${describe(canned)}`,
    (ref.rps / canned.rps).toFixed(2), "≥ 0.50", ref.rps / canned.rps >= 0.5);
  row(`  (Jersey alone, one resource, same bytes, ${connections} connections)`, `${jersey.rps.toFixed(0)} req/s`,
    `canned bytes: ${canned.rps.toFixed(0)} req/s`, (jersey.rps / canned.rps).toFixed(2), "(a second floor)", null);
  if (connections === 64) {
    row("reference server p99 at 64 connections", `${ref.p99.toFixed(1)} ms`, "", "", "< 10 ms", ref.p99 < 10);
  } else {
    row("reference server errors at 256 connections", `${ref.errors}`, "", "", "0", ref.errors === 0);
  }
  row(`reference server vs Prism's mock, ${connections} connections`, `${ref.rps.toFixed(0)} req/s`, `Prism: ${describe(prism)}`,
    (ref.rps / prism.rps).toFixed(2), "> 1 (well ahead)", ref.rps > prism.rps);
}

const builds = { validate: [], verify: [] };
for (const line of readFileSync(`${dir}/build.txt`, "utf8").trim().split("\n")) {
  const [goal, ms] = line.split(" ");
  builds[goal].push(Number(ms));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const extra = (median(builds.verify) - median(builds.validate)) / 1000;
row("no-change ./mvnw -o verify -DskipTests", `${(median(builds.verify) / 1000).toFixed(1)} s`,
  `validate: ${(median(builds.validate) / 1000).toFixed(1)} s`, `+${extra.toFixed(1)} s`, "≤ +3 s", extra <= 3);

const widths = [0, 1, 2, 3, 4, 5].map((i) => Math.max(...[["what", "subject", "floor", "ratio", "goal", "holds"], ...rows].map((r) => String(r[i]).length)));
const line = (r) => "| " + r.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
console.log();
console.log(line(["what", "subject", "floor", "ratio", "goal", "holds"]));
console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
rows.forEach((r) => console.log(line(r)));
