/** The folders of each layer and the server-only modules, shared by the dependency-cruiser configs. */
const SHARED = '(db|http|i18n|text|config|security|ui)';
const CAPABILITIES =
  '(catalogue|site|search|verification|commerce|sourcing|notifications|accounts|backoffice|registry|publishing|portal|listings)';

/** Modules no browser bundle may reach: Node's own, Astro's server modules, server-only packages. */
const NODE_BUILTINS = require('node:module').builtinModules.filter((name) => !name.startsWith('_'));
const SERVER_ONLY = [
  `^(node:)?(${NODE_BUILTINS.map((name) => name.replace(/[/]/g, '\\/')).join('|')})$`,
  '^astro:',
  '^node_modules/(sharp|pg|@electric-sql|nodemailer|stripe|exceljs|meilisearch|better-auth|@better-auth)/',
];

module.exports = { SHARED, CAPABILITIES, SERVER_ONLY };
