// Build Loket's front-end: one minified stylesheet (the NL Design System components we use plus
// the Loket theme), our own small scripts, and htmx copied from npm. Everything is served from our
// own origin; nothing is fetched at run time.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";

const out = "app/static/dist";
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ["assets/css/loket.css", "assets/css/print.css"],
  bundle: true,
  minify: true,
  outdir: out,
  logLevel: "warning",
});

const scripts = readdirSync("assets/js").filter((f) => f.endsWith(".js"));
if (scripts.length) {
  await build({
    entryPoints: scripts.map((f) => `assets/js/${f}`),
    bundle: false,
    minify: true,
    outdir: out,
    target: ["es2019"],
    logLevel: "warning",
  });
}
copyFileSync("node_modules/htmx.org/dist/htmx.min.js", `${out}/htmx.min.js`);

for (const f of readdirSync(out).filter((f) => !f.startsWith("."))) {
  const bytes = statSync(`${out}/${f}`).size;
  const gz = gzipSync(readFileSync(`${out}/${f}`)).length;
  console.log(`${out}/${f}: ${bytes} bytes, ${gz} gzipped`);
}
