// Build Loket's front-end: one minified stylesheet (the NL Design System components we use, the
// self-hosted font and the Loket theme), our own small scripts, htmx from npm, the favicon and
// the pictograms. Every file gets its content hash in its name (so browsers and proxies may keep
// it for a year, `immutable`) and a gzip and a brotli copy made here, once, at build time.
// WhiteNoise serves them (app/assets.py); `manifest.json` maps each plain name to its hashed name.
// Everything is served from our own origin; nothing is fetched at run time.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, extname, join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const out = "app/static/dist";
const work = `${out}/.work`;
rmSync(out, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const hashOf = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 12);
const manifest = {};
const compressible = new Set([".css", ".js", ".svg", ".json", ".txt"]);

// Copy `source` to dist under a hashed name; remember it under `name` (relative to app/static).
function publish(source, name) {
  const bytes = readFileSync(source);
  const ext = extname(name);
  const hashed = `dist/${name.replace(/^dist\//, "").slice(0, -ext.length)}.${hashOf(bytes)}${ext}`;
  const target = `app/static/${hashed}`;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  if (compressible.has(ext)) {
    writeFileSync(`${target}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${target}.br`,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
  manifest[name] = hashed;
  return hashed;
}

// The stylesheets, with the font files they point at (esbuild hashes those names itself).
const css = await build({
  entryPoints: ["assets/css/loket.css", "assets/css/print.css"],
  bundle: true,
  minify: true,
  outdir: out,
  assetNames: "fonts/[name].[hash]",
  loader: { ".woff2": "file" },
  metafile: true,
  write: true,
  logLevel: "warning",
});
for (const [output, meta] of Object.entries(css.metafile.outputs)) {
  if (output.endsWith(".woff2")) {
    const source = Object.keys(meta.inputs)[0];
    manifest[`dist/fonts/${basename(source)}`] = relative("app/static", output);
  }
}
for (const f of ["loket.css", "print.css"]) {
  copyFileSync(`${out}/${f}`, `${work}/${f}`);
  rmSync(`${out}/${f}`);
  publish(`${work}/${f}`, `dist/${f}`);
}

const scripts = readdirSync("assets/js").filter((f) => f.endsWith(".js"));
if (scripts.length) {
  await build({
    entryPoints: scripts.map((f) => `assets/js/${f}`),
    bundle: false,
    minify: true,
    outdir: work,
    target: ["es2019"],
    logLevel: "warning",
  });
  for (const f of scripts) publish(`${work}/${f}`, `dist/${f}`);
}
publish("node_modules/htmx.org/dist/htmx.min.js", "dist/htmx.min.js");
publish("app/static/favicon.svg", "favicon.svg");
for (const f of readdirSync("app/static/pictograms").filter((f) => f.endsWith(".svg"))) {
  publish(`app/static/pictograms/${f}`, `pictograms/${f}`);
}
rmSync(work, { recursive: true, force: true });
writeFileSync(`${out}/manifest.json`, JSON.stringify(manifest, null, 1) + "\n");

const sizes = [];
for (const [name, hashed] of Object.entries(manifest)) {
  if (name.startsWith("pictograms/")) continue;
  const path = `app/static/${hashed}`;
  const raw = readFileSync(path).length;
  let gz = "", br = "";
  try {
    gz = readFileSync(`${path}.gz`).length;
    br = readFileSync(`${path}.br`).length;
  } catch {
    gz = br = "-";
  }
  sizes.push(`${name}: ${raw} bytes, gzip ${gz}, brotli ${br}`);
}
console.log(sizes.join("\n"));
