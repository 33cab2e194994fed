/**
 * The site's public entry: the names of levels, groups, regions and statuses in each language,
 * as every page and export words them. Framework-free.
 */
export * from './labels';
