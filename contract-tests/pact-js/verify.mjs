// Verifies pact files against a running provider with the Pact Rust core (pact_ffi's verifier,
// through @pact-foundation/pact-core), setting provider states only through the provider's state
// endpoint, over HTTP. Nothing in a request is changed: ids, workspace and token come from the
// states' answers.
//
//   node verify.mjs --provider-base-url http://127.0.0.1:8080 \
//     --states-url http://127.0.0.1:8080/_pact/provider-states target/pacts/*.json
import { parseArgs } from "node:util";
import { resolve } from "node:path";

// The verifier reports anonymous usage unless told not to; these machines reach no such service.
process.env.PACT_DO_NOT_TRACK = "true";
const { default: pact } = await import("@pact-foundation/pact-core");

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "provider-base-url": { type: "string" },
    "states-url": { type: "string" },
    provider: { type: "string", default: "worlds-api" },
  },
});
if (!values["provider-base-url"] || !values["states-url"] || positionals.length === 0) {
  console.error("usage: node verify.mjs --provider-base-url URL --states-url URL PACT_FILE...");
  process.exit(2);
}

try {
  await pact.verifyPacts({
    provider: values.provider,
    providerBaseUrl: values["provider-base-url"],
    providerStatesSetupUrl: values["states-url"],
    pactUrls: positionals.map((file) => resolve(file)),
    logLevel: "warn",
    failIfNoPactsFound: true,
  });
  console.log("Pact Rust core: every interaction verified");
} catch (error) {
  // The verifier has printed each interaction and every failure above.
  console.error("Pact Rust core: verification failed (see above)");
  process.exit(1);
}
