// Writes the API documentation as one HTML page that needs nothing else: Swagger UI's script and
// style inlined, the spec embedded as a data: URL (Swagger UI reads the YAML itself), operations
// addressed by #fragments, so the page works opened from disk, offline, or from any static host.
// Run by the api-spec build: node build-docs.mjs SPEC SWAGGER_UI_DIR OUT TITLE
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const [spec, ui, out, title] = process.argv.slice(2);
if (!spec || !ui || !out || !title) {
  console.error("usage: node build-docs.mjs SPEC SWAGGER_UI_DIR OUT TITLE");
  process.exit(2);
}
// Inline text must not end the element it stands in.
const inline = (text) => text.replaceAll("</script", "<\\/script").replaceAll("</style", "<\\/style");
const escape = (text) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const specUrl = "data:application/yaml;base64," + readFileSync(spec).toString("base64");
const options = {
  url: specUrl,
  dom_id: "#swagger-ui",
  deepLinking: true,
  docExpansion: "list",
  // A page, not a console: no server is behind it, and no validator is asked about the spec.
  supportedSubmitMethods: [],
  validatorUrl: null,
};

const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${inline(readFileSync(join(ui, "swagger-ui.css"), "utf8"))}</style>
</head>
<body>
<div id="swagger-ui"></div>
<script>${inline(readFileSync(join(ui, "swagger-ui-bundle.js"), "utf8"))}</script>
<script>window.ui = SwaggerUIBundle(${inline(JSON.stringify(options))});</script>
</body>
</html>
`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, page);
console.log(`wrote ${out} (${Math.round(page.length / 1024)} KiB)`);
