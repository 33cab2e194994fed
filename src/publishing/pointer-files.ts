/**
 * The small JSON files servers and the publish command share: written to a temporary name and
 * renamed into place, so a reader sees the whole old file or the whole new one, never a torn one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BUILD_ID } from './builds-dir';

export const pointerSchema = z.object({
  build: z.string().regex(BUILD_ID),
  /** When the pointer was written (ISO); servers report the switch against it. */
  at: z.string(),
  /** The build that was live before (what `--rollback` returns to). */
  previous: z.string().regex(BUILD_ID).nullable().default(null),
});
export type Pointer = z.infer<typeof pointerSchema>;

export async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`);
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The file parsed with `schema`, or null when it is missing or not valid (a half-made deployment). */
export async function readJson<T>(
  file: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const readPointer = (file: string) => readJson(file, pointerSchema);
