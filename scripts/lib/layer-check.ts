/**
 * The layer check behind `npm run lint`: dependency-cruiser with the rules in
 * .dependency-cruiser.cjs over src/, plus the import-root rule (no import climbs more than one
 * `../`) over src/, scripts/ and tests/.
 *
 * dependency-cruiser cannot parse .astro files, so it cruises a shadow of src/ in a temporary
 * folder: every module as it is, and every `X.astro` as `X.astro.ts` holding just the imports of
 * its frontmatter and scripts (an import of `./X.astro` finds `X.astro.ts` by extension). Rules
 * therefore see components exactly as they import.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LayerViolation {
  rule: string;
  from: string;
  to: string;
}

/** Import statements of an Astro component: its frontmatter and its (non-inline) scripts. */
export function astroImports(source: string): string[] {
  const parts: string[] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (frontmatter?.[1]) parts.push(frontmatter[1]);
  for (const m of source.matchAll(/<script\b(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[1]) parts.push(m[1]);
  }
  const statements: string[] = [];
  for (const part of parts) {
    for (const m of part.matchAll(/\bimport\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?(['"])([^'"]+)\2/g)) {
      statements.push(m[1] ? `import type {} from '${m[3]}';` : `import '${m[3]}';`);
    }
  }
  return statements;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Writes the shadow of `root`/src into a new temporary folder and returns that folder. */
function shadowTree(root: string): string {
  const shadow = mkdtempSync(path.join(tmpdir(), 'layer-check-'));
  for (const file of walk(path.join(root, 'src'))) {
    const target = path.join(shadow, path.relative(root, file));
    mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith('.astro'))
      writeFileSync(`${target}.ts`, `${astroImports(readFileSync(file, 'utf8')).join('\n')}\n`);
    else if (/\.(ts|tsx|mjs|js)$/.test(file)) cpSync(file, target);
  }
  cpSync(path.join(root, 'tsconfig.json'), path.join(shadow, 'tsconfig.json'));
  symlinkSync(path.join(root, 'node_modules'), path.join(shadow, 'node_modules'), 'dir');
  return shadow;
}

/**
 * Runs dependency-cruiser over the shadow of `root`/src with the layer rules, then the browser
 * rules (both configs in `configDir`); returns every rule violation.
 */
export function cruiseLayers(root: string, configDir = root): LayerViolation[] {
  const shadow = shadowTree(root);
  try {
    return ['.dependency-cruiser.cjs', '.dependency-cruiser.browser.cjs'].flatMap((config) =>
      cruise(root, shadow, path.join(configDir, config)),
    );
  } finally {
    rmSync(shadow, { recursive: true, force: true });
  }
}

function cruise(root: string, shadow: string, configFile: string): LayerViolation[] {
  const bin = path.join(root, 'node_modules', '.bin', 'depcruise');
  const result = spawnSync(bin, ['src', '--config', configFile, '--output-type', 'json'], {
    cwd: shadow,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (!result.stdout) throw new Error(`dependency-cruiser failed: ${result.stderr}`);
  const output = JSON.parse(result.stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  // Shadows of Astro files are reported under their own names.
  const real = (file: string) => file.replace(/\.astro\.ts$/, '.astro');
  return output.summary.violations.map((v) => ({ rule: v.rule.name, from: real(v.from), to: real(v.to) }));
}

/** Imports that climb two or more folders (`../../`): the import root `~/` says where instead. */
export function climbingImports(root: string, folders = ['src', 'scripts', 'tests']): LayerViolation[] {
  const found: LayerViolation[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\bvi\.mock\(\s*)(['"])((?:\.\.\/){2,}[^'"]*)\1/g;
  for (const folder of folders) {
    for (const file of walk(path.join(root, folder))) {
      if (!/\.(ts|tsx|astro|mjs)$/.test(file)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(pattern)) {
        found.push({ rule: 'import-root', from: path.relative(root, file), to: m[2]! });
      }
    }
  }
  return found;
}
