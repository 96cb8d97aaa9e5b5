import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import { addressesOf, type MailCatcher, startMailCatcher } from '../../../test/support/smtp';
import { inDays, publicApi, recipientUploads, requestCreated } from './requests.test-helpers';

let server: TestServer;
let mail: MailCatcher;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: mail.url } });
});
afterAll(async () => {
  await server?.close();
  await mail?.close();
});

describe(`asking an outsider for documents (${testDialect})`, () => {
  it('a manager asks; the recipient is e-mailed the list and the upload page', async () => {
    const setup = await requestCreated(server);
    expect(setup.request.items.map((item) => [item.label, item.status])).toEqual([
      ['Kbis extract', 'pending'],
      ['Insurance certificate', 'pending'],
    ]);
    await server.runJobs();
    const message = await mail.waitFor((m) => addressesOf(m.to).includes(setup.recipient));
    expect(message.text).toContain('Kbis extract');
    expect(message.text).toContain(setup.request.url);
  });

  it('contributors may not ask (403), outsiders do not see the space (404), a past due date is refused', async () => {
    const setup = await requestCreated(server);
    const body = { title: 'x', recipientName: 'X', recipientEmail: 'x@example.test', dueAt: inDays(3), items: ['a'] };
    expect((await setup.contributor.post(`/api/v1/spaces/${setup.spaceId}/requests`, body)).status).toBe(403);
    expect((await setup.outsider.post(`/api/v1/spaces/${setup.spaceId}/requests`, body)).status).toBe(404);
    expect((await setup.viewer.get(`/api/v1/requests/${setup.request.id}`)).status).toBe(404);
    const past = await setup.manager.post(`/api/v1/spaces/${setup.spaceId}/requests`, { ...body, dueAt: inDays(-1) });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('requests.invalid_due_date');
  });

  it('the recipient sees their items and nothing else of the space', async () => {
    const setup = await requestCreated(server);
    const view = await server.client().get(publicApi(setup.request.token));
    expect(view.status).toBe(200);
    expect(Object.keys(view.body).sort()).toEqual(
      ['dueAt', 'items', 'message', 'recipientName', 'requestedBy', 'status', 'title'].sort(),
    );
    expect(view.body.items.map((item: { label: string }) => item.label)).toEqual([
      'Kbis extract',
      'Insurance certificate',
    ]);
    expect(JSON.stringify(view.body)).not.toContain(setup.spaceId);
    expect(JSON.stringify(view.body)).not.toContain('Received');
    expect((await server.client().get(publicApi('y'.repeat(43)))).status).toBe(404);
  });

  it('uploads land in the destination folder as "<item> — <name>", audited as the request', async () => {
    const setup = await requestCreated(server);
    const visitor = server.client();
    const [kbis] = setup.request.items;
    const upload = await recipientUploads(visitor, setup.request.token, kbis.id, 'statuts.pdf', '%PDF kbis');
    expect(upload.status, upload.text).toBe(201);
    expect(upload.body.items[0]).toMatchObject({
      status: 'received',
      files: [{ name: 'statuts.pdf', documentId: null }],
    });
    const listing = await setup.viewer.get(`/api/v1/spaces/${setup.spaceId}/files?folderId=${setup.folder.id}`);
    expect(listing.body.documents.map((d: { name: string }) => d.name)).toEqual(['Kbis extract — statuts.pdf']);
    const again = await recipientUploads(visitor, setup.request.token, kbis.id, 'statuts.pdf', '%PDF kbis 2');
    expect(again.status).toBe(201);
    const names = (await setup.viewer.get(`/api/v1/spaces/${setup.spaceId}/files?folderId=${setup.folder.id}`)).body
      .documents;
    expect(names.map((d: { name: string }) => d.name)).toEqual([
      'Kbis extract — statuts (2).pdf',
      'Kbis extract — statuts.pdf',
    ]);
    const documentId = listing.body.documents[0].id;
    const audit = await server.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'document.uploaded')
      .where('target_id', '=', documentId)
      .executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe(`document request ${setup.request.id} (${setup.recipient})`);
    expect(JSON.parse(audit.details)).toMatchObject({
      via: 'document_request',
      requestId: setup.request.id,
      itemId: kbis.id,
    });
    const managed = await setup.manager.get(`/api/v1/requests/${setup.request.id}`);
    expect(managed.body.request.items[0].files[0].documentId).toBe(documentId);
    await server.runJobs();
    const manager = await server.deps.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', setup.ids.manager)
      .executeTakeFirstOrThrow();
    await mail.waitFor((m) => addressesOf(m.to).includes(manager.email) && /Kbis extract/.test(m.subject ?? ''));
  });

  it('a rejection needs a comment and e-mails it; the recipient uploads again; approving every item completes it', async () => {
    const setup = await requestCreated(server);
    const visitor = server.client();
    const [kbis, insurance] = setup.request.items;
    await recipientUploads(visitor, setup.request.token, kbis.id, 'old.pdf', 'outdated');
    await recipientUploads(visitor, setup.request.token, insurance.id, 'insurance.pdf', 'fine');
    const review = (id: string, body: object) => setup.manager.post(`/api/v1/request-items/${id}/review`, body);
    const bare = await review(kbis.id, { decision: 'reject' });
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('requests.comment_required');
    expect(
      (await setup.contributor.post(`/api/v1/request-items/${kbis.id}/review`, { decision: 'approve' })).status,
    ).toBe(404);
    const rejected = await review(kbis.id, { decision: 'reject', comment: 'Older than three months.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.request.items[0]).toMatchObject({ status: 'rejected', comment: 'Older than three months.' });
    await server.runJobs();
    const message = await mail.waitFor(
      (m) => addressesOf(m.to).includes(setup.recipient) && /Kbis extract/.test(m.subject ?? ''),
    );
    expect(message.text).toContain('Older than three months.');
    const seen = await visitor.get(publicApi(setup.request.token));
    expect(seen.body.items[0]).toMatchObject({ status: 'rejected', comment: 'Older than three months.' });
    expect((await recipientUploads(visitor, setup.request.token, kbis.id, 'new.pdf', 'recent')).status).toBe(201);
    expect((await review(kbis.id, { decision: 'approve' })).status).toBe(200);
    const done = await review(insurance.id, { decision: 'approve' });
    expect(done.body.request.status).toBe('complete');
    const late = await recipientUploads(visitor, setup.request.token, kbis.id, 'more.pdf', 'more');
    expect(late.status).toBe(409);
  });

  it('an item of another request is 404; a cancelled request is closed (410)', async () => {
    const one = await requestCreated(server);
    const two = await requestCreated(server);
    const visitor = server.client();
    const foreign = await recipientUploads(visitor, one.request.token, two.request.items[0].id, 'x.pdf', 'x');
    expect(foreign.status).toBe(404);
    expect((await one.manager.post(`/api/v1/requests/${one.request.id}/cancel`)).status).toBe(200);
    const closed = await visitor.get(publicApi(one.request.token));
    expect(closed.status).toBe(410);
    expect(closed.body.code).toBe('requests.closed');
    const upload = await recipientUploads(visitor, one.request.token, one.request.items[0].id, 'x.pdf', 'x');
    expect(upload.status).toBe(410);
  });

  it('a request whose manager was disabled no longer accepts files', async () => {
    const setup = await requestCreated(server);
    await server.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', setup.ids.manager).execute();
    expect((await server.client().get(publicApi(setup.request.token))).status).toBe(410);
  });

  it('managers list the requests of the space with the state of each item', async () => {
    const setup = await requestCreated(server);
    const listed = await setup.owner.get(`/api/v1/spaces/${setup.spaceId}/requests`);
    expect(listed.status).toBe(200);
    expect(listed.body.requests[0]).toMatchObject({
      id: setup.request.id,
      status: 'open',
      folder: { name: 'Received' },
    });
    expect((await setup.viewer.get(`/api/v1/spaces/${setup.spaceId}/requests`)).status).toBe(403);
  });
});
