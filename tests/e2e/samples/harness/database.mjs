// Looks into a sample's database as the test sees it: SQL in, rows as objects out, through the Debian command-line
// clients (sqlite3 -json, psql), not the sample's own code.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
let current; // the database of the sample started last

/** Remembers the database that dbQuery uses when it is given none: {kind: 'sqlite'|'postgres', spec}. */
export function useDatabase(db) { current = db; }

/** Runs sql on db (default: the last started sample's) and returns the rows as objects ([] for a statement without rows). */
export async function dbQuery(sql, db = current) {
    if (!db) throw new Error('dbQuery: no database yet: start a sample first, or pass {kind, spec}');
    const statement = sql.trim().replace(/;+$/, '');
    if (db.kind === 'sqlite') {
        const { stdout } = await run('sqlite3', ['-json', '-bail', '-cmd', '.timeout 5000', db.spec, statement]);
        return stdout.trim() ? JSON.parse(stdout) : [];
    }
    const returnsRows = /^\s*(select|with|values|table)\b/i.test(statement);
    const query = returnsRows ? `select coalesce(json_agg(t), '[]'::json) from (${statement}) t` : statement;
    const { stdout } = await run('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', db.spec, '-c', query],
        { env: { ...process.env, PGCONNECT_TIMEOUT: '10' } });
    return returnsRows ? JSON.parse(stdout) : [];
}
