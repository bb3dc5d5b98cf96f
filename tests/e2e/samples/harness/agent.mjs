// cccd-agent for a test: a free port, the page origins it serves, the test CSCA, the face models, a camera video as
// camera:0 (and more as camera:1 ...), its own token file and an empty home (no trust store of this machine).
import fs from 'node:fs';
import path from 'node:path';
import { fetchJson } from './http.mjs';
import { bin, modelsDir, testCsca } from './paths.mjs';
import { freePort, start, stop, tempDir, until } from './processes.mjs';
import { step } from './report.mjs';

/**
 * Starts the agent and waits for GET /v1/health. cameraVideo: a file or folder (or a list: camera:0, camera:1 ...)
 * for --camera; origins: the page origins it serves (--origin); extraArgs: more options.
 * Returns {url, port, origins, token, tokenFile, process, call(path, body, {origin}), stop()}.
 */
export async function startAgent({ cameraVideo, origins = [], extraArgs = [], port } = {}) {
    port ??= await freePort();
    const home = tempDir('cccd-e2e-agent-');
    const tokenFile = path.join(home, 'agent-token');
    const models = modelsDir();
    const cameras = cameraVideo === undefined ? [] : [cameraVideo].flat();
    const args = ['--port', String(port), '--token-file', tokenFile, '--trust', testCsca,
        ...origins.flatMap((o) => ['--origin', o]), ...(models ? ['--models', models] : []),
        ...cameras.flatMap((c) => ['--camera', c]), ...extraArgs];
    step(`start cccd-agent on port ${port} for ${origins.join(', ') || 'no page'}${cameras.length ? `, ${cameras.length} camera file(s)` : ''}`);
    const child = start('cccd-agent', path.join(bin, 'cccd-agent'), args,
        { env: { XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') } });
    const url = `http://127.0.0.1:${port}`;
    await until('cccd-agent to answer /v1/health', async () => {
        if (child.exited) throw new Error(`${child.exited}:\n${child.output}`);
        return (await fetch(`${url}/v1/health`).catch(() => null))?.ok;
    }, 20000);
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    return {
        url, port, origins, token, tokenFile, process: child,
        /** A call as the page of origin would make it (default: the first origin; null: with the token instead). */
        call(urlPath, body, { origin = origins[0] ?? null, method } = {}) {
            const headers = origin ? { Origin: origin } : { Authorization: `Bearer ${token}` };
            return fetchJson(`${url}${urlPath}`, { method, body, headers });
        },
        stop() { return stop(child); },
    };
}
