// Holds the write lock of an SQLite file for a while, as another process committing would:
// node hold-write-lock.mjs <better-sqlite3 path> <file> <milliseconds>. Prints « locked » once it holds it.
import { createRequire } from 'node:module';
const [betterSqlite3, filename, ms] = process.argv.slice(2);
const Database = createRequire(import.meta.url)(betterSqlite3);
const db = new Database(filename);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
}, Number(ms));
