/**
 * Whether a photo file on disk is a drawing (./illustration-mark.ts). Server-side: Node's fs.
 * A file that cannot be read counts as a drawing: calling a drawing a photo would have buyers
 * compare a package with it, while the opposite mistake only adds a label.
 */
import { readFile, stat } from 'node:fs/promises';
import { hasIllustrationMark, ILLUSTRATION_MAX_BYTES } from './illustration-mark';

/** True when `file` is a picture ./photos.ts drew, false for a real photo. */
export async function isIllustrationFile(file: string): Promise<boolean> {
  try {
    const { size } = await stat(file);
    if (size > ILLUSTRATION_MAX_BYTES) return false;
    return hasIllustrationMark(await readFile(file));
  } catch {
    return true;
  }
}

const known = new Map<string, Promise<boolean>>();

/**
 * The same answer, read once per file and process: a build asks for every card's photo on a
 * dozen pages, and content photos change only with a new build (publishing loads it afresh).
 */
export function illustrationFlag(file: string): Promise<boolean> {
  let flag = known.get(file);
  if (!flag) {
    flag = isIllustrationFile(file);
    known.set(file, flag);
  }
  return flag;
}
