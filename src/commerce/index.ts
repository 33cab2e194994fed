/**
 * Commerce's public entry for other capabilities: framework-free logic and types only, never a
 * module that imports astro:* or .astro files (this must load in vitest). No other capability
 * uses commerce code today (search's DOM helper now lives in ~/ui/client/dom), so nothing is
 * exported yet; re-export here what another capability comes to need.
 */
export {};
