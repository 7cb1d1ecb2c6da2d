import type { Migration } from './index';

/** The first schema: meetings, each holding its current document as JSON. */
export const migration001: Migration = {
  version: 1,
  name: '001-meetings',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        starts_on   TEXT NOT NULL,
        document    TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meetings_by_date ON meetings (starts_on DESC, title);
    `);
  },
};
