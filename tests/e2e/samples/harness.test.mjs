// The harness itself, without a sample: a PostgreSQL cluster and a SQLite file queried as rows, virtual cards put on,
// swapped and taken off two slots, the agent with camera videos (the card holder and another person) answering
// a read and face matches from camera:0 and camera:1 as a page of an allowed origin would ask, two cards on two
// readers refused (409 several_cards), and Chromium's fake camera playing the same video.
// Run: tests/e2e/run-sample-e2e harness postgres.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
    cameraVideo, check, dbQuery, faces, freePort, insertCard, makeProfile, openBrowser, readers, removeCard, run,
    slotReader, startAgent, startPostgres, step, swapCard, tempDir, useDatabase,
} from './harness.mjs';

const ID = '001090123456';

async function databases() {
    const pg = await startPostgres();
    check(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/cccd_test$/.test(pg.url), 'startPostgres gives a postgresql:// URL', pg.url);
    const postgres = { kind: 'postgres', spec: pg.url };
    await dbQuery('create table visits (id serial primary key, reader text, at timestamptz default now())', postgres);
    await dbQuery("insert into visits (reader) values ('Virtual PCD 00 00'), ('Virtual PCD 00 01')", postgres);
    const rows = await dbQuery('select id, reader from visits order by id', postgres);
    check(JSON.stringify(rows) === '[{"id":1,"reader":"Virtual PCD 00 00"},{"id":2,"reader":"Virtual PCD 00 01"}]',
        'PostgreSQL: rows come back as objects with their types', rows);
    check((await dbQuery('select * from visits where id > 99', postgres)).length === 0, 'PostgreSQL: no rows is []');

    const sqlite = { kind: 'sqlite', spec: path.join(tempDir(), 'test.sqlite') };
    useDatabase(sqlite); // as startSample does: dbQuery's default from now on
    await dbQuery('create table visits (id integer primary key, reader text)');
    await dbQuery("insert into visits (reader) values ('Virtual PCD 00 00')");
    const lite = await dbQuery('select id, reader from visits;');
    check(JSON.stringify(lite) === '[{"id":1,"reader":"Virtual PCD 00 00"}]', 'SQLite: rows as objects, the default database', lite);
    check((await dbQuery('select * from visits where id > 99')).length === 0, 'SQLite: no rows is []');
}

async function cards() {
    const first = await insertCard('nguyen-van-an');
    check(first.reader === 'Virtual PCD 00 00', 'insertCard: the card is on the first reader', first.reader);
    const second = await insertCard(makeProfile({ document: { id_number: '079203000111', full_name: 'Trần Thị B' }, faceImage: faces.otherPerson }), { slot: 1 });
    const list = await readers();
    check(list.filter((r) => r.card_present).map((r) => r.name).join() === 'Virtual PCD 00 00,Virtual PCD 00 01',
        'a second card on the second reader (slot 1)', list);
    await removeCard(second);
    check(!(await readers())[1].card_present, 'removeCard: the second reader is empty again');
    const swapped = await swapCard('tran-thi-bich-ngoc');
    check(swapped.reader === 'Virtual PCD 00 00' && swapped.process !== first.process, 'swapCard: another card on the first reader');
    return swapCard('nguyen-van-an');
}

async function agentCamera() {
    const origin = 'http://127.0.0.1:9';
    const agent = await startAgent({ cameraVideo: [cameraVideo(faces.cardHolder), cameraVideo(faces.otherPerson)], origins: [origin] });
    const read = await agent.call('/v1/read', { key: { id: ID }, fields: ['id_number'], face: true });
    check(read.status === 200 && read.json.document.id_number === ID && read.json.verification.overall === 'VALID',
        'the agent reads the card for the allowed origin: VALID', read.status);
    check(read.json?.face?.format === 'JPEG', 'with the chip photo');
    const holder = await agent.call('/v1/face-match', { live: { source: 'camera:0' }, liveness: true });
    check(holder.status === 200 && holder.json.match === true && holder.json.liveness?.live === true,
        'camera:0 (the holder\'s video): the same person, live', holder.json);
    const other = await agent.call('/v1/face-match', { live: { source: 'camera:1' }, liveness: true });
    check(other.status === 200 && other.json.match === false && other.json.liveness?.live === true,
        'camera:1 (another person\'s video): not the same person, live', other.json);
    const none = await agent.call('/v1/face-match', { live: { source: 'camera:2' } });
    check(none.status === 503 && none.json.error.code === 'no_camera', 'camera:2 (none): 503 no_camera', none.json);
    const foreign = await agent.call('/v1/readers', undefined, { origin: 'http://127.0.0.1:1' });
    check(foreign.status === 403, 'another origin: 403');
    return agent;
}

// The second reader with a card too: the agent refuses to guess which card to read.
async function twoCards(agent) {
    const second = await insertCard('tran-thi-bich-ngoc', { slot: 1 });
    check(second.reader === slotReader(1) && slotReader(1) === 'Virtual PCD 00 01', 'slot 1 is the second reader', second.reader);
    const refused = await agent.call('/v1/read', { key: { id: ID }, fields: ['id_number'] });
    check(refused.status === 409 && refused.json.error.code === 'several_cards', 'two cards, no reader named: 409 several_cards', refused.json);
    check(refused.json?.error?.message === 'two cards are present (Virtual PCD 00 00, Virtual PCD 00 01): remove one, or name the reader',
        'the message names both readers and what to do', refused.json?.error?.message);
    const named = await agent.call('/v1/read', { key: { id: '079301000123' }, fields: ['id_number'], reader: slotReader(1) });
    check(named.status === 200 && named.json.document.id_number === '079301000123', 'the named reader is read');
    await removeCard(second);
    check(!agent.process.output.includes(ID) && !agent.process.output.includes('079301000123'), 'the agent logged no ID number');
}

// The same video as Chromium's camera: a page of 127.0.0.1 sees 640x480 frames of it.
async function browserCamera() {
    const page = http.createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end('<video id="v" muted></video>'); });
    const port = await freePort();
    await new Promise((r) => page.listen(port, '127.0.0.1', r));
    const browser = await openBrowser({ cameraVideo: cameraVideo(faces.cardHolder) });
    try {
        await browser.page.goto(`http://127.0.0.1:${port}/`);
        const size = await browser.page.evaluate(async () => {
            const v = document.getElementById('v');
            v.srcObject = await navigator.mediaDevices.getUserMedia({ video: true });
            await v.play();
            return [v.videoWidth, v.videoHeight];
        });
        check(size.join('x') === '640x480', 'Chromium\'s fake camera plays the video: 640x480', size);
        const shot = await browser.screenshot('camera');
        check(fs.statSync(shot).size > 1000, 'screenshot saved');
        check(browser.consoleErrors.length === 0, 'no console errors', browser.consoleErrors);
    } finally {
        await browser.close();
        page.close();
    }
}

await run(async () => {
    step('databases');
    await databases();
    step('cards');
    await cards();
    step('the agent\'s cameras');
    const agent = await agentCamera();
    step('two cards');
    await twoCards(agent);
    step('the browser\'s camera');
    await browserCamera();
});
