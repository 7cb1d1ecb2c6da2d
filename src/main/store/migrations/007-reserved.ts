import type { Migration } from './index';

/**
 * Number 7 is allocated by the integrator to another branch; this branch only needs the numbering to
 * stay contiguous (migrate() insists). The integrator replaces this file with the real 007.
 */
export const migration007: Migration = {
  version: 7,
  name: '007-reserved',
  up() {},
};
