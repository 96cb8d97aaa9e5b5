import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../core/auth/actor';
import { resolveApiToken } from '../../core/auth/api-tokens';
import type { RequestContext } from '../../core/context';
import { AppError } from '../../core/http/errors';
import { parseXml, XML_HEADER, type XmlElement } from './webdav.xml';

/** XML bodies (PROPFIND, PROPPATCH, LOCK) are small; anything bigger is refused before it is buffered. */
const MAX_XML_BYTES = 1024 * 1024;

const REALM = 'Basic realm="Gatehouse", charset="UTF-8"';

export function requestHasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Reads the raw request body (the module's content-type parser leaves it unread) up to `limit` bytes. */
async function readBody(request: FastifyRequest, limit = MAX_XML_BYTES): Promise<string> {
  if (!requestHasBody(request)) return '';
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new AppError('http.payload_too_large', 413, 'Request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('http.payload_too_large', 413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body as XML, or null when there is none; a body that is not XML is a 400. */
export async function readXml(request: FastifyRequest): Promise<XmlElement | null> {
  const body = await readBody(request);
  if (body.trim() === '') return null;
  return parseXml(body);
}

export function sendXml(reply: FastifyReply, status: number, body: string) {
  return reply.code(status).type('application/xml; charset=utf-8').send(`${XML_HEADER}${body}`);
}

export function sendDavError(reply: FastifyReply, status: number, condition: string | null) {
  if (!condition) return reply.code(status).send();
  return sendXml(reply, status, `<D:error xmlns:D="DAV:">${condition}</D:error>`);
}

const unauthorized = () =>
  new AppError('http.unauthorized', 401, 'Sign in required', 'Use your e-mail and an API token (app password).', {
    'WWW-Authenticate': REALM,
  });

/**
 * HTTP Basic with the person's e-mail and an API token as the password — never the account password, so WebDAV
 * cannot bypass two-factor authentication. resolveApiToken checks the token, person, organization and expiry on
 * every request (one SHA-256 lookup), so a revocation or a disabled account takes effect at once.
 */
export async function authenticate(ctx: RequestContext, request: FastifyRequest): Promise<UserActor> {
  const header = request.headers.authorization ?? '';
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  let email: string | null = null;
  let token: string | null = null;
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) throw unauthorized();
    email = decoded.slice(0, colon).trim().toLowerCase();
    token = decoded.slice(colon + 1);
  } else if (bearer) {
    token = bearer[1];
  }
  if (!token) throw unauthorized();
  const actor = await resolveApiToken(ctx, token);
  if (!actor || (email !== null && actor.email.toLowerCase() !== email)) throw unauthorized();
  return actor;
}
