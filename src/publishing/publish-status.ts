/** The last publish or rollback as the console shows it: written by the command as it goes. */
import { z } from 'zod';
import { readJson, writeJsonAtomically } from './pointer-files';

export const statusSchema = z.object({
  action: z.enum(['publish', 'rollback']),
  state: z.enum(['running', 'done', 'failed']),
  by: z.string(),
  pid: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** What it is doing now, e.g. "building: pages 4,213, images 2,630/5,640". */
  step: z.string(),
  build: z.string().nullable(),
  message: z.string().nullable(),
});
export type PublishStatus = z.infer<typeof statusSchema>;

export const readPublishStatus = (file: string) => readJson(file, statusSchema);

/** Keeps the status file current, at most every `everyMs` for progress steps (a build prints thousands of lines). */
export function statusWriter(file: string, initial: PublishStatus, everyMs = 1000) {
  let status = initial;
  let last = 0;
  let writing: Promise<void> = writeJsonAtomically(file, status);
  const write = () => {
    const snapshot = status;
    writing = writing.then(() => writeJsonAtomically(file, snapshot)).catch(() => undefined);
    return writing;
  };
  return {
    get current() {
      return status;
    },
    progress(step: string): void {
      status = { ...status, step };
      if (Date.now() - last >= everyMs) {
        last = Date.now();
        void write();
      }
    },
    update(change: Partial<PublishStatus>): Promise<void> {
      status = { ...status, ...change };
      return write();
    },
  };
}
