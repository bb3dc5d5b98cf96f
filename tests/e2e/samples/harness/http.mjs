// HTTP from the test itself. request(): raw, any header (node's fetch sets Host itself); json(): fetch with JSON.
import http from 'node:http';

/** A raw request: {status, headers, text, json (or null)}. */
export function request(port, method, urlPath, headers = {}, body) {
    return new Promise((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d) => { text += d; });
            res.on('end', () => {
                let json = null;
                try { json = JSON.parse(text); } catch (_) { /* not JSON */ }
                resolve({ status: res.statusCode, headers: res.headers, text, json });
            });
        });
        req.on('error', reject);
        if (body) req.write(body);
        req.end();
    });
}

/** fetch() with a JSON body (when given) and answer: {status, json (or null), text}. */
export async function fetchJson(url, { method, body, headers = {} } = {}) {
    const res = await fetch(url, {
        method: method || (body === undefined ? 'GET' : 'POST'),
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch (_) { /* not JSON */ }
    return { status: res.status, json, text };
}
