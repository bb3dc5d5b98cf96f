// A sample server (build/bin/cccd-sample-NAME) for a test: a free port, its database (a SQLite file in a temporary
// folder, or a throwaway PostgreSQL cluster), the agent's URL; ready when it says "listening on" and /api/health is ok.
import fs from 'node:fs';
import path from 'node:path';
import { startAgent } from './agent.mjs';
import { useDatabase } from './database.mjs';
import { fetchJson } from './http.mjs';
import { bin, dbKind } from './paths.mjs';
import { startPostgres } from './postgres.mjs';
import { freePort, start, stop, tempDir, until, untilOutput } from './processes.mjs';
import { step } from './report.mjs';

/** The database for db: 'sqlite' (a new file), 'postgres' (a new cluster), or {kind, spec} to reuse one. */
async function databaseFor(db) {
    if (typeof db === 'object') return db;
    if (db === 'sqlite') return { kind: 'sqlite', spec: path.join(tempDir('cccd-e2e-sqlite-'), 'sample.sqlite') };
    if (db === 'postgres') return { kind: 'postgres', spec: (await startPostgres()).url };
    throw new Error(`startSample: db must be 'sqlite', 'postgres' or {kind, spec}, not ${JSON.stringify(db)}`);
}

/**
 * Starts cccd-sample-NAME --port P --db SPEC --agent URL. agent: the startAgent result (or a URL); db: as above,
 * default the runner's (CCCD_SAMPLE_DB); port: default a free one. The database becomes dbQuery's default.
 * Returns {name, url, origin, port, db: {kind, spec}, process, stop()}.
 */
export async function startSample(name, { agent, db = dbKind, port, extraArgs = [] } = {}) {
    const program = path.join(bin, `cccd-sample-${name}`);
    if (!fs.existsSync(program)) throw new Error(`${program} missing: build it (scripts/build)`);
    if (!agent) throw new Error('startSample: the agent is needed (startAgent, or startStack for both)');
    port ??= await freePort();
    const database = await databaseFor(db);
    const agentUrl = typeof agent === 'string' ? agent : agent.url;
    step(`start cccd-sample-${name} on port ${port} with ${database.kind}`);
    const child = start(`cccd-sample-${name}`, program, ['--port', String(port), '--db', database.spec, '--agent', agentUrl, ...extraArgs]);
    const url = `http://127.0.0.1:${port}`;
    await untilOutput(child, `listening on ${url}`, 30000);
    await until(`cccd-sample-${name} /api/health`, async () => {
        if (child.exited) throw new Error(`${child.exited}:\n${child.output}`);
        const health = await fetchJson(`${url}/api/health`).catch(() => null);
        return health?.status === 200 && health.json?.status === 'ok';
    }, 20000);
    useDatabase(database);
    return { name, url, origin: url, port, db: database, process: child, stop() { return stop(child); } };
}

/** The agent and the sample together, the agent serving the sample's origin: {agent, app}. */
export async function startStack(name, { cameraVideo, db, agentArgs = [], sampleArgs = [] } = {}) {
    const port = await freePort();
    const agent = await startAgent({ cameraVideo, origins: [`http://127.0.0.1:${port}`], extraArgs: agentArgs });
    const app = await startSample(name, { agent, db, port, extraArgs: sampleArgs });
    return { agent, app };
}
