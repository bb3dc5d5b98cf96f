// A throwaway PostgreSQL cluster (Debian's server, the newest installed) in a temporary folder: run as the postgres
// user, listening on 127.0.0.1 at a free port and on a Unix socket in that folder, with a database. Stopped
// (pg_ctl stop -m immediate) and removed at exit, also after a failure or a signal.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, onCleanup } from './processes.mjs';
import { Skip, step } from './report.mjs';

function serverBin() {
    const base = '/usr/lib/postgresql';
    const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/initdb'))) : [];
    versions.sort((a, b) => Number(b) - Number(a));
    if (!versions.length) throw new Skip('PostgreSQL server missing: /usr/lib/postgresql/*/bin/initdb (Debian postgresql; scripts/setup)');
    return path.join(base, versions[0], 'bin');
}

function postgresUser() {
    const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
    if (!line) throw new Skip('no postgres user (Debian postgresql makes it)');
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
}

/** Starts the cluster; returns {url, port, socketDir, database, stop()}. url: postgresql://postgres@127.0.0.1:PORT/DB. */
export async function startPostgres({ database = 'cccd_test' } = {}) {
    const pgBin = serverBin();
    const user = postgresUser();
    if (process.getuid() !== 0) throw new Skip('needs root to run PostgreSQL as the postgres user');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cccd-pg-'));
    fs.chownSync(dir, user.uid, user.gid);
    const data = path.join(dir, 'data');
    const asPostgres = (program, args) => execFileSync(path.join(pgBin, program), args,
        { uid: user.uid, gid: user.gid, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    let running = false;
    const stopCluster = () => {
        if (running) spawnSync(path.join(pgBin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'immediate'], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
        running = false;
        fs.rmSync(dir, { recursive: true, force: true });
    };
    onCleanup(stopCluster);

    const port = await freePort();
    step(`start PostgreSQL (${path.basename(path.dirname(pgBin))}) on 127.0.0.1:${port}, socket in ${dir}`);
    try {
        asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
        // Durability is not wanted from a cluster that lives for one test.
        const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
        running = true;
        asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
        asPostgres('createdb', ['-h', dir, '-p', String(port), '-U', 'postgres', database]);
    } catch (e) {
        const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8') : '';
        throw new Error(`PostgreSQL did not start: ${e.message}\n${e.stderr ?? ''}${log}`);
    }
    return { url: `postgresql://postgres@127.0.0.1:${port}/${database}`, port, socketDir: dir, database, stop: stopCluster };
}
