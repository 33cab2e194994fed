/**
 * `npm run sample -- [--products N] [--seed S] [--out DIR]`: writes a deterministic, seeded
 * sample catalogue (JSON only; `prepare-build` makes the photos) to DIR (default CONTENT_DIR
 * or ./content). The same options always give byte-identical files.
 * Exit status: 0 done, 2 usage error.
 */
import path from 'node:path';
import { contentDir } from '~/catalogue/content-files';
import { DEFAULT_PRODUCTS, DEFAULT_SEED } from './sample/generate';
import { describeSample, writeSample } from './sample/index';

const USAGE = `usage: npm run sample -- [--products N] [--seed S] [--out DIR]

  --products N  number of certified products (default ${DEFAULT_PRODUCTS}, the programme's real scale);
                facilities and certificates scale with it
  --seed S      integer seed (default ${DEFAULT_SEED})
  --out DIR     content directory to write (default CONTENT_DIR or ./content)`;

function usage(message: string): never {
  console.error(`sample: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function integer(flag: string, value: string | undefined, min: number): number {
  if (value === undefined || !/^-?\d+$/.test(value)) usage(`${flag} needs an integer`);
  const n = Number(value);
  if (n < min || !Number.isSafeInteger(n)) usage(`${flag} must be at least ${min}`);
  return n;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let products = DEFAULT_PRODUCTS;
  let seed = DEFAULT_SEED;
  let out = contentDir();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      return;
    } else if (flag === '--products') products = integer('--products', value(), 1);
    else if (flag === '--seed') seed = integer('--seed', value(), 0);
    else if (flag === '--out') {
      const dir = value();
      if (!dir) usage('--out needs a directory');
      out = path.resolve(dir);
    } else usage(`unknown argument ${arg}`);
  }

  const started = performance.now();
  let shown = -1;
  const data = await writeSample(out, {
    products,
    seed,
    onProgress: (fraction, stage) => {
      const tenth = Math.floor(fraction * 10);
      if (tenth > shown) {
        shown = tenth;
        process.stderr.write(`sample: ${String(tenth * 10).padStart(3)}% ${stage}\n`);
      }
    },
  });
  console.log(
    `Sample written to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
  );
  console.log(describeSample(data));
  console.log('Photos are made by `tsx scripts/prepare-build.ts` (run by npm run build / dev).');
}

main().catch((error: unknown) => {
  console.error(`sample: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
