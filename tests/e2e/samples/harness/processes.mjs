// The programs a test starts and the temporary folders it makes, all stopped and removed at exit: after a normal
// end (shutdown, in reverse order), and on a failure, an exception, SIGINT/SIGTERM or the watchdog (synchronously,
// in process 'exit').
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { step } from './report.mjs';

const children = [];
const closers = []; // asynchronous, awaited by shutdown() before the programs stop
const cleanups = []; // synchronous, run last-registered first

/** Runs fn at exit, after the programs are stopped (last registered, first run). fn must be synchronous. */
export function onCleanup(fn) { cleanups.push(fn); }

/** Awaits fn in shutdown(), before the programs are stopped (last registered, first run): a graceful close. */
export function onShutdown(fn) { closers.push(fn); }

/** A fresh folder under the system's temporary folder, removed at exit. */
export function tempDir(prefix = 'cccd-e2e-') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
}

/** Starts a program; its stdout and stderr collect in child.output. child.exited says how it ended, once it has. */
export function start(name, program, args, { env = {}, cwd } = {}) {
    const child = spawn(program, args, { env: { ...process.env, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.label = name;
    child.output = '';
    child.stdout.on('data', (d) => { child.output += d; });
    child.stderr.on('data', (d) => { child.output += d; });
    child.ended = new Promise((resolve) => {
        child.on('exit', (code, signal) => {
            child.exited = `${name} exited (${signal || code})`;
            resolve(code ?? signal);
        });
        child.on('error', (e) => {
            child.exited = `${name} did not start: ${e.message}`;
            resolve(e.message);
        });
    });
    children.push(child);
    return child;
}

function running(child) { return child.exitCode === null && child.signalCode === null && !child.exited; }

/** Stops a program with SIGTERM (SIGKILL after graceMs) and returns its exit code, or the signal that ended it. */
export async function stop(child, graceMs = 10000) {
    if (running(child)) child.kill('SIGTERM');
    const timer = setTimeout(() => { if (running(child)) child.kill('SIGKILL'); }, graceMs);
    const how = await child.ended;
    clearTimeout(timer);
    return how;
}

/** Polls test() every 100 ms until it gives something truthy, which is returned; throws after ms. */
export async function until(what, test, ms) {
    const deadline = Date.now() + ms;
    for (;;) {
        const value = await test();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
    }
}

/** Waits for text (a string or RegExp) in a program's output; throws if the program ends first. */
export function untilOutput(child, text, ms) {
    const seen = () => (typeof text === 'string' ? child.output.includes(text) : text.test(child.output));
    return until(`"${text}" from ${child.label}`, () => {
        if (seen()) return true;
        if (child.exited) throw new Error(`${child.exited} before saying "${text}":\n${child.output.slice(-3000)}`);
        return false;
    }, ms);
}

/** A TCP port free on 127.0.0.1 now. */
export function freePort() {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.on('error', reject);
        s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    });
}

/** The last lines each program wrote: for the log of a failed test (programs log no personal data). */
export function programOutputs(lines = 40) {
    return children.filter((c) => c.output).map((c) => `--- ${c.label}:\n${c.output.split('\n').slice(-lines).join('\n')}`);
}

/** Closes what asked for it, stops every program still running (reverse order), then runs the cleanups. */
export async function shutdown() {
    while (closers.length) {
        try {
            await closers.pop()();
        } catch (e) {
            console.log(`shutdown: ${e.message}`);
        }
    }
    for (const child of [...children].reverse()) {
        if (running(child)) {
            step(`stopping ${child.label}`);
            await stop(child);
        }
    }
    runCleanups();
}

function runCleanups() {
    while (cleanups.length) {
        try {
            cleanups.pop()();
        } catch (e) {
            console.log(`cleanup: ${e.message}`);
        }
    }
}

// Still there and not a zombie (in 'exit' nothing reaps the children any more).
function processLives(pid) {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch (_) {
        return false;
    }
}

// The last resort, when the test ends without shutdown(): no awaiting here, so a short busy wait for SIGTERM.
process.on('exit', () => {
    const alive = children.filter(running);
    for (const c of alive) c.kill('SIGTERM');
    const deadline = Date.now() + 3000;
    while (alive.some((c) => processLives(c.pid)) && Date.now() < deadline) spawnSync('sleep', ['0.05']);
    for (const c of alive) if (processLives(c.pid)) c.kill('SIGKILL');
    runCleanups();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => { console.log(`stopped by ${signal}`); process.exit(1); });
