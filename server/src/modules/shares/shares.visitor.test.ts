import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import { addressesOf, type MailCatcher, startMailCatcher } from '../../../test/support/smtp';
import { linkCreated, shareApi, sharedSpace } from './shares.test-helpers';

let server: TestServer;
let mail: MailCatcher;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: mail.url, LOGIN_MAX_FAILURES_PER_ACCOUNT: '5' } });
});
afterAll(async () => {
  await server?.close();
  await mail?.close();
});

const codeIn = (body: string | undefined) => /\b(\d{6})\b/.exec(body ?? '')?.[1] ?? '';

describe(`a link with a password (${testDialect})`, () => {
  it('shows nothing until the right password is given; a wrong one is refused', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(
      space.contributor,
      { type: 'documents', id: space.inFolder.id },
      { password: 'open sesame 42' },
    );
    const visitor = server.client();
    const locked = await visitor.get(shareApi(link.token));
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ locked: true, needsPassword: true, document: null, listing: null });
    const content = await visitor.getBytes(shareApi(link.token, '/content'));
    expect(content.status).toBe(401);
    expect(content.problem?.code).toBe('shares.locked');
    const wrong = await visitor.post(shareApi(link.token, '/password'), { password: 'not it at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('shares.wrong_password');
    const right = await visitor.post(shareApi(link.token, '/password'), { password: 'open sesame 42' });
    expect(right.status).toBe(200);
    expect((await visitor.get(shareApi(link.token))).body.document.name).toBe('report.txt');
    const download = await visitor.getBytes(shareApi(link.token, '/content'));
    expect(download.status).toBe(200);
    expect(download.bytes.toString()).toBe('the report');
    // Another browser has proven nothing.
    expect((await server.client().getBytes(shareApi(link.token, '/content'))).status).toBe(401);
  });

  it('the right password is audited as a successful unlock by the link, and the link reaches no other link', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(
      space.contributor,
      { type: 'documents', id: space.inFolder.id },
      { password: 'open sesame 42' },
    );
    const other = await linkCreated(
      space.contributor,
      { type: 'documents', id: space.inFolder.id },
      { password: 'another secret 7' },
    );
    const visitor = server.client();
    expect((await visitor.post(shareApi(link.token, '/password'), { password: 'open sesame 42' })).status).toBe(200);
    const audit = await server.deps.db
      .selectFrom('audit_events')
      .select(['actor_label', 'details'])
      .where('action', '=', 'share_link.unlocked')
      .where('target_id', '=', link.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_label).toBe(`share link ${link.id}`);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ what: 'password', unlocked: true });
    // The unlock is also told to the rest of the server, as a domain event of the link.
    const events = await server.deps.db
      .selectFrom('domain_events')
      .select(['payload', 'actor_id'])
      .where('name', '=', 'share.unlocked')
      .execute();
    const unlocked = events.map((event) => JSON.parse(event.payload)).filter((p) => p.linkId === link.id);
    expect(unlocked).toEqual([
      { linkId: link.id, spaceId: space.spaceId, documentId: space.inFolder.id, folderId: null, email: null },
    ]);
    // The proof given to one link unlocks nothing else, even in the same browser.
    expect((await visitor.getBytes(shareApi(other.token, '/content'))).status).toBe(401);
  });

  it('repeated wrong passwords are throttled with 429, even when the right one finally comes', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(
      space.contributor,
      { type: 'documents', id: space.inFolder.id },
      { password: 'open sesame 42' },
    );
    const visitor = server.client();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await visitor.post(shareApi(link.token, '/password'), { password: `guess ${attempt}` })).status).toBe(
        401,
      );
    }
    const throttled = await visitor.post(shareApi(link.token, '/password'), { password: 'open sesame 42' });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe(`a link that verifies the recipient's e-mail (${testDialect})`, () => {
  async function emailLink() {
    const space = await sharedSpace(server);
    const recipient = `recipient-${Date.now()}@example.test`;
    const link = await linkCreated(
      space.contributor,
      { type: 'folders', id: space.folder.id },
      { requireEmail: true, recipientEmail: recipient, sendToRecipient: true },
    );
    return { space, recipient, link };
  }

  it('the recipient gets the link, asks for a code, and opening the link (GET) never consumes it', async () => {
    const { recipient, link } = await emailLink();
    await server.runJobs();
    const invitation = await mail.waitFor((m) => addressesOf(m.to).includes(recipient));
    expect(invitation.text).toContain(link.url);
    const visitor = server.client();
    expect((await visitor.get(shareApi(link.token))).body).toMatchObject({ locked: true, needsEmail: true });
    expect((await visitor.post(shareApi(link.token, '/email-code'), { email: recipient })).status).toBe(202);
    await server.runJobs();
    const message = await mail.waitFor((m) => addressesOf(m.to).includes(recipient) && /code/i.test(m.subject ?? ''));
    const code = codeIn(message.text);
    expect(code).toMatch(/^\d{6}$/);
    // A mail scanner follows every link of the message: nothing is burnt.
    for (let i = 0; i < 3; i += 1) expect((await server.client().get(shareApi(link.token))).status).toBe(200);
    const verified = await visitor.post(shareApi(link.token, '/verify'), { code });
    expect(verified.status).toBe(200);
    const open = await visitor.get(shareApi(link.token));
    expect(open.body).toMatchObject({ locked: false, verifiedEmail: recipient });
    expect(open.body.listing.documents.map((d: { name: string }) => d.name)).toEqual(['report.txt']);
    // Single use: another browser cannot replay it.
    const replay = await server.client().post(shareApi(link.token, '/verify'), { code });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('shares.invalid_code');
  });

  it('any other address gets the same answer and no code; an expired code is refused', async () => {
    const { recipient, link } = await emailLink();
    mail.clear();
    const stranger = `stranger-${Date.now()}@example.test`;
    expect((await server.client().post(shareApi(link.token, '/email-code'), { email: stranger })).status).toBe(202);
    expect((await server.client().post(shareApi(link.token, '/email-code'), { email: recipient })).status).toBe(202);
    await server.runJobs();
    const message = await mail.waitFor((m) => addressesOf(m.to).includes(recipient) && /code/i.test(m.subject ?? ''));
    expect(mail.messages.some((m) => addressesOf(m.to).includes(stranger))).toBe(false);
    await server.deps.db
      .updateTable('share_email_codes')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('link_id', '=', link.id)
      .execute();
    const late = await server.client().post(shareApi(link.token, '/verify'), { code: codeIn(message.text) });
    expect(late.status).toBe(401);
  });

  it("the link's access log names the verified e-mail address, the file and its version", async () => {
    const { space, recipient, link } = await emailLink();
    const visitor = server.client();
    await visitor.post(shareApi(link.token, '/email-code'), { email: recipient });
    await server.runJobs();
    const message = await mail.waitFor(
      (m) =>
        addressesOf(m.to).includes(recipient) && /code/i.test(m.subject ?? '') && m.text?.includes(link.token) === true,
    );
    expect((await visitor.post(shareApi(link.token, '/verify'), { code: codeIn(message.text) })).status).toBe(200);
    const listing = await visitor.get(shareApi(link.token, `/folders/${space.sub.id}`));
    const draft = listing.body.documents[0];
    expect((await visitor.getBytes(shareApi(link.token, `/documents/${draft.id}/content`))).status).toBe(200);
    const log = await space.contributor.get(`/api/v1/share-links/${link.id}/access-log`);
    expect(log.body.entries[0]).toMatchObject({
      kind: 'download',
      email: recipient,
      what: 'Drafts/draft.txt',
      version: 1,
    });
    expect(log.body.entries[1]).toMatchObject({ kind: 'unlocked', email: recipient });
  });
});
