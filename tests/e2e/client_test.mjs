// sdk/service/client.js against a mock agent in Node (node --test): request shapes, errors, the event stream.
// The real agent is driven by agent_browser_e2e.mjs; this test needs only Node.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { CccdAgent, CccdAgentError, toKey } = await import(pathToFileURL(path.join(root, 'sdk/service/client.js')).href);

// A mock agent: records requests, answers /v1/read after sending progress, document and done events.
function mockAgent() {
    const requests = [];
    const streams = new Set();
    const send = (type, data) => {
        // Split each event over two writes to exercise the parser's buffering.
        const text = `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
        for (const s of streams) { s.write(text.slice(0, 7)); s.write(text.slice(7)); }
    };
    const server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => { body += c; });
        req.on('end', () => {
            requests.push({ method: req.method, url: req.url, headers: req.headers, body: body ? JSON.parse(body) : null });
            const json = (status, value) => {
                res.writeHead(status, { 'Content-Type': 'application/json' });
                res.end(JSON.stringify(value));
            };
            if (req.url === '/v1/events') {
                res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
                res.write(': hello\n\n');
                streams.add(res);
                res.on('close', () => streams.delete(res));
                return;
            }
            if (req.headers.authorization !== 'Bearer 00ff') return json(401, { error: { code: 'unauthorized', message: 'no token' } });
            if (req.url === '/v1/health') return json(200, { status: 'ok', version: '0.1.0' });
            if (req.url === '/v1/readers') return json(200, { readers: [{ index: 0, name: 'Virtual PCD 00 00', card_present: true, atr: '3B80' }] });
            if (req.url === '/v1/read') {
                const id = body && JSON.parse(body).request_id;
                send('progress', { request_id: 'someone-else', file: 'DG1', done: 1, total: 1, percent: 100 });
                send('progress', { request_id: id, file: 'DG1', done: 93, total: 93, percent: 100 });
                send('document', { request_id: id, document: { full_name: 'Nguyễn Văn An' } });
                setTimeout(() => {
                    json(200, { request_id: id, document: { full_name: 'Nguyễn Văn An' }, verification: { overall: 'VALID' } });
                    setTimeout(() => send('done', { request_id: id }), 50); // done after the answer
                }, 50);
                return;
            }
            if (req.url === '/v1/face-match') return json(409, { error: { code: 'busy', message: 'reader Virtual PCD 00 00 is busy' } });
            if (req.url === '/v1/scan-qr') { res.writeHead(500); res.end('oops'); return; }
            json(404, { error: { code: 'not_found', message: 'no such endpoint' } });
        });
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
        server, requests, baseUrl: `http://127.0.0.1:${server.address().port}`,
        close: () => { for (const s of streams) s.end(); server.close(); },
    })));
}

test('keys given as strings', () => {
    assert.deepEqual(toKey('001090123456'), { id: '001090123456' });
    assert.deepEqual(toKey('123456'), { can: '123456' });
    assert.deepEqual(toKey('001090123456|123456789|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021'),
        { qr: '001090123456|123456789|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021' });
    assert.deepEqual(toKey('C01234567,900101,300101'), { bac: 'C01234567,900101,300101' });
    assert.deepEqual(toKey({ can: '654321' }), { can: '654321' });
    assert.throws(() => toKey('12'), (e) => e instanceof CccdAgentError && e.code === 'invalid_argument');
});

test('read: body, token, events of this read only, done awaited', async () => {
    const mock = await mockAgent();
    try {
        const agent = new CccdAgent({ baseUrl: mock.baseUrl + '/', token: '00ff' });
        assert.equal((await agent.health()).status, 'ok');
        assert.equal((await agent.readers())[0].name, 'Virtual PCD 00 00');
        const seen = [];
        const report = await agent.read({ id: '001090123456' }, {
            fields: ['full_name'], waitSeconds: 5,
            onProgress: (p) => seen.push('progress:' + p.file),
            onDocument: (d) => seen.push('document:' + d.full_name),
            onEvent: (type) => seen.push(type),
        });
        assert.equal(report.document.full_name, 'Nguyễn Văn An');
        assert.deepEqual(seen, ['progress', 'progress:DG1', 'document', 'document:Nguyễn Văn An', 'done']);
        const read = mock.requests.find((r) => r.url === '/v1/read');
        assert.deepEqual(read.body, { key: { id: '001090123456' }, fields: ['full_name'], face: false, verify: true,
            request_id: report.request_id, wait_seconds: 5 });
        assert.equal(read.headers.authorization, 'Bearer 00ff');
        assert.equal(read.headers['content-type'], 'application/json');
        const events = mock.requests.find((r) => r.url === '/v1/events');
        assert.equal(events.headers.authorization, 'Bearer 00ff');
    } finally {
        mock.close();
    }
});

test('errors carry code and status', async () => {
    const mock = await mockAgent();
    try {
        const noToken = new CccdAgent({ baseUrl: mock.baseUrl });
        await assert.rejects(noToken.readers(), (e) => e instanceof CccdAgentError && e.code === 'unauthorized' && e.status === 401);
        const agent = new CccdAgent({ baseUrl: mock.baseUrl, token: '00ff' });
        await assert.rejects(agent.faceMatch({ live: 'camera:0' }), (e) => e.code === 'busy' && e.status === 409 && /busy/.test(e.message));
        await assert.rejects(agent.scanQr({ image: 'data:image/jpeg;base64,AAAA' }), (e) => e.code === 'http_500' && e.status === 500);
        assert.deepEqual(mock.requests.find((r) => r.url === '/v1/face-match').body, { live: { source: 'camera:0' } });
        assert.deepEqual(mock.requests.find((r) => r.url === '/v1/scan-qr').body, { image: 'AAAA' });
        const gone = new CccdAgent({ baseUrl: 'http://127.0.0.1:9' });
        await assert.rejects(gone.health(), (e) => e.code === 'unreachable' && e.status === 0);
    } finally {
        mock.close();
    }
});

test('events: handler gets parsed events, close stops', async () => {
    const mock = await mockAgent();
    try {
        const agent = new CccdAgent({ baseUrl: mock.baseUrl, token: '00ff' });
        const got = [];
        const close = agent.events((type, data) => got.push([type, data.request_id]));
        await close.ready;
        await agent.read('123456', { fields: ['full_name'] });
        close();
        assert.ok(got.some(([type]) => type === 'progress'));
        assert.ok(got.some(([type]) => type === 'done'));
    } finally {
        mock.close();
    }
});
