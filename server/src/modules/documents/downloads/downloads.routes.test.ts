import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../../../../test/factories';
import { startTestServer, type TestServer, testDialect } from '../../../../test/harness';
import { auditEvents, sha256, spaceWithCast, text, uploaded } from '../documents.test-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const alphabet = text('abcdefghijklmnopqrstuvwxyz0123456789');

async function documentOf(bytes: Uint8Array, name = 'letters.txt') {
  const cast = await spaceWithCast(server);
  const document = await uploaded(cast.contributor, cast.spaceId, name, bytes);
  return { cast, document, url: `/api/v1/documents/${document.id}/content` };
}

describe(`byte ranges (${testDialect})`, () => {
  it('answers the first byte, the last byte, a middle slice and a suffix with 206 and Content-Range', async () => {
    const { cast, url } = await documentOf(alphabet);
    const cases = [
      ['bytes=0-0', 'a', 'bytes 0-0/36'],
      ['bytes=35-35', '9', 'bytes 35-35/36'],
      ['bytes=10-14', 'klmno', 'bytes 10-14/36'],
      ['bytes=-10', '0123456789', 'bytes 26-35/36'],
      ['bytes=30-', '456789', 'bytes 30-35/36'],
    ] as const;
    for (const [range, body, contentRange] of cases) {
      const response = await cast.viewer.getBytes(url, { range });
      expect(response.status, range).toBe(206);
      expect(response.bytes.toString()).toBe(body);
      expect(response.headers.get('content-range')).toBe(contentRange);
      expect(response.headers.get('content-length')).toBe(String(body.length));
    }
  });

  it('a range past the end is a 416 problem that states the size; a whole download advertises ranges', async () => {
    const { cast, url } = await documentOf(alphabet);
    const refused = await cast.viewer.getBytes(url, { range: 'bytes=36-' });
    expect(refused.status).toBe(416);
    expect(refused.problem?.code).toBe('documents.range_not_satisfiable');
    expect(refused.headers.get('content-range')).toBe('bytes */36');
    expect(refused.headers.get('content-disposition')).toBeNull();
    const whole = await cast.viewer.getBytes(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
  });

  it('If-Range with an outdated ETag gets the whole current file instead of a spliced piece', async () => {
    const { cast, url } = await documentOf(alphabet);
    const response = await cast.viewer.getBytes(url, { range: 'bytes=0-0', 'if-range': '"stale"' });
    expect(response.status).toBe(200);
    expect(response.bytes.length).toBe(alphabet.length);
  });
});

describe(`ETag and conditional downloads (${testDialect})`, () => {
  it('the ETag is the quoted SHA-256 of the content; If-None-Match answers 304 with no body and no audit', async () => {
    const { cast, document, url } = await documentOf(alphabet);
    const first = await cast.viewer.getBytes(url);
    const etag = `"${sha256(alphabet)}"`;
    expect(first.headers.get('etag')).toBe(etag);
    const again = await cast.viewer.getBytes(url, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(await auditEvents(server, 'document.downloaded', document.id)).toHaveLength(1);
    const changed = await cast.viewer.getBytes(url, { 'if-none-match': '"something-else"' });
    expect(changed.status).toBe(200);
  });

  it('HEAD answers the headers of a download without recording a consultation', async () => {
    const { cast, document, url } = await documentOf(alphabet);
    const head = await cast.viewer.getBytes(url, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(`"${sha256(alphabet)}"`);
    expect(head.headers.get('content-length')).toBe('36');
    expect(await auditEvents(server, 'document.downloaded', document.id)).toEqual([]);
  });
});

describe(`what a browser is told (${testDialect})`, () => {
  it('hostile names are escaped in Content-Disposition: no quote, CR/LF or direction override gets through', async () => {
    const cast = await spaceWithCast(server);
    const hostile = 'Q3 "final"\r\nX-Injected: 1 \u202egpj.exe';
    const planted = await createDocument(server.deps, { spaceId: cast.spaceId, name: hostile, bytes: text('x') });
    const response = await cast.viewer.getBytes(`/api/v1/documents/${planted.id}/content`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-injected')).toBeNull();
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toBe(
      `attachment; filename="Q3 _final_X-Injected: 1 gpj.exe"; filename*=UTF-8''Q3%20%22final%22X-Injected%3A%201%20gpj.exe`,
    );
  });

  it('a non-ASCII name keeps its exact spelling in filename* and an ASCII fallback', async () => {
    const { cast, url } = await documentOf(text('x'), 'Procès-verbal № 3.txt');
    const disposition = (await cast.viewer.getBytes(url)).headers.get('content-disposition');
    expect(disposition).toBe(
      `attachment; filename="Proces-verbal No 3.txt"; filename*=UTF-8''Proc%C3%A8s-verbal%20%E2%84%96%203.txt`,
    );
  });

  it('HTML and SVG are never shown inline: octet-stream attachments even when a preview is asked for', async () => {
    for (const name of ['page.html', 'logo.svg', 'data.xml', 'script.js', 'mystery.bin']) {
      const { cast, url } = await documentOf(text('<script>alert(1)</script>'), name);
      const response = await cast.viewer.getBytes(`${url}?inline=1`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('a PDF preview is inline, sandboxed by CSP, recorded as a preview; without inline=1 it is an attachment', async () => {
    const { cast, document, url } = await documentOf(text('%PDF-1.7 tiny'), 'Report.pdf');
    const preview = await cast.viewer.getBytes(`${url}?inline=1`);
    expect(preview.headers.get('content-type')).toBe('application/pdf');
    expect(preview.headers.get('content-disposition')).toMatch(/^inline; filename="Report.pdf"/);
    expect(preview.headers.get('content-security-policy')).toContain("sandbox; default-src 'none'");
    const download = await cast.viewer.getBytes(url);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(await auditEvents(server, 'document.previewed', document.id)).toHaveLength(1);
    expect(await auditEvents(server, 'document.downloaded', document.id)).toHaveLength(1);
  });
});

describe(`every consultation is audited exactly once (${testDialect})`, () => {
  it('downloads, range reads and old versions each leave one record naming the person, version, range and IP', async () => {
    const { cast, document, url } = await documentOf(text('version one'));
    await cast.contributor.upload(`/api/v1/documents/${document.id}/versions`, {}, 'x.txt', text('version two'));
    expect((await cast.viewer.getBytes(url)).bytes.toString()).toBe('version two');
    expect((await cast.viewer.getBytes(url, { range: 'bytes=0-6' })).bytes.toString()).toBe('version');
    expect((await cast.viewer.getBytes(`${url}?version=1`)).bytes.toString()).toBe('version one');
    const events = await auditEvents(server, 'document.downloaded', document.id);
    expect(events.map((e) => [e.actor_id, e.details.version, e.details.range])).toEqual([
      [cast.ids.viewer, 2, null],
      [cast.ids.viewer, 2, 'bytes=0-6'],
      [cast.ids.viewer, 1, null],
    ]);
    for (const event of events) expect(event.ip).toBe('127.0.0.1');
  });

  it('a version that does not exist is a 404 and is not recorded', async () => {
    const { cast, document, url } = await documentOf(text('only one'));
    expect((await cast.viewer.getBytes(`${url}?version=7`)).status).toBe(404);
    expect(await auditEvents(server, 'document.downloaded', document.id)).toEqual([]);
  });

  it('managers read the access log newest first; contributors get 403 and outsiders 404', async () => {
    const { cast, document, url } = await documentOf(text('watched'));
    await cast.viewer.getBytes(url);
    await cast.contributor.getBytes(`${url}?inline=1`);
    const log = await cast.manager.get(`/api/v1/documents/${document.id}/access-log`);
    expect(log.status).toBe(200);
    expect(log.body.entries).toMatchObject([
      { action: 'document.previewed', actor: { id: cast.ids.contributor }, version: 1, ip: '127.0.0.1' },
      { action: 'document.downloaded', actor: { id: cast.ids.viewer }, version: 1, range: null },
    ]);
    expect((await cast.contributor.get(`/api/v1/documents/${document.id}/access-log`)).status).toBe(403);
    expect((await cast.outsider.get(`/api/v1/documents/${document.id}/access-log`)).status).toBe(404);
    expect((await cast.outsider.getBytes(url)).status).toBe(404);
  });
});
