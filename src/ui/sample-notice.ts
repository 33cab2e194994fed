/**
 * Whether the catalogue is the generated sample (the layout then shows a notice). Read once per
 * process: the dataset entry does not change while a build or server runs, and looking it up on
 * every one of 20,000 pages was a measurable part of the build.
 */
import { getEntry } from 'astro:content';

let sample: Promise<boolean> | undefined;

export function isSampleData(): Promise<boolean> {
  sample ??= read();
  return sample;
}

async function read(): Promise<boolean> {
  const entry = await getEntry('dataset', 'dataset');
  return entry?.data.sample ?? false;
}
