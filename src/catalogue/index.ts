/**
 * The catalogue's public entry: the registry and listing model (schemas, the programme's
 * levels, regions and groups, provinces), the Catalogue with certificate status, the public
 * page paths. Other capabilities import the catalogue only from here, or from
 * `~/catalogue/astro` on the server (the build's catalogue, the content files). Framework-free
 * and safe in the browser: nothing here imports `node:` or `astro:` modules.
 */
export * from './catalogue';
export * from './certificate-facts';
export { numberKey } from './certificate-number';
export * from './certificate-status';
export * from './group-by';
export * from './illustration-mark';
export * from './programme';
export * from './provinces';
export * from './schemas';
export * from './sellable';
export * from './urls';
