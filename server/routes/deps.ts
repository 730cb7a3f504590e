import type { Db } from '../db/db';

/** What route modules receive from `buildApp`. */
export interface RouteDeps {
  db: Db;
}
