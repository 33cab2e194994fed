/**
 * Publishing the site with no downtime: the builds beside the live one, the switch every
 * running server follows, the publish and rollback commands, and what the console shows.
 * No astro: imports (the command and the server shell use it too).
 */
export { checkBuild } from './build-check';
export { type BuildEntry, type BuildManifest, listBuilds } from './build-list';
export { buildPaths, buildsDir } from './builds-dir';
export { type InstanceState, liveInstances } from './instances';
export { initialBuild, LiveSite, type LoadedSite } from './live-site';
export { readPointer } from './pointer-files';
export { startPublishJob } from './publish-job';
export { lockHolder, PublishBusyError, processAlive } from './publish-lock';
export {
  KEEP_BUILDS,
  PublishError,
  type PublishResult,
  publish,
  rollback,
  type SwitchResult,
} from './publish-run';
export { type PublishStatus, readPublishStatus } from './publish-status';
