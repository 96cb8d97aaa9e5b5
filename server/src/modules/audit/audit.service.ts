import type { AuditEvent } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import type { RequestContext } from '../../core/context';
import { authorize } from '../../core/policy/policy';
import { globalResource } from '../../core/policy/resources';
import { type AuditFilters, listAuditEvents } from './audit.queries';

type Row = Awaited<ReturnType<typeof listAuditEvents>>[number];

const toIso = (value: string) => new Date(value).toISOString();

function normalize(filters: AuditFilters): AuditFilters {
  return { ...filters, from: filters.from && toIso(filters.from), to: filters.to && toIso(filters.to) };
}

function toEvent(row: Row): AuditEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    at: row.at,
    action: row.action,
    outcome: row.outcome,
    actor: { id: row.actor_id, label: row.actor_label },
    target: { type: row.target_type, id: row.target_id, label: row.target_label },
    ip: row.ip,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

/** Reading the trail is itself traced (first page only, so paging through does not flood the log). */
export async function listAudit(ctx: RequestContext, input: AuditFilters & { limit: number; before?: number }) {
  authorize(ctx.actor, 'audit.read', globalResource);
  const filters = normalize(input);
  const rows = await listAuditEvents(ctx.db, { ...input, ...filters });
  if (input.before === undefined) {
    await ctx.db.transaction().execute((trx) => record(trx, ctx, { action: 'audit.viewed', details: { filters } }));
  }
  return {
    events: rows.map(toEvent),
    nextBefore: rows.length === input.limit ? Number(rows[rows.length - 1].seq) : null,
  };
}

const CSV_COLUMNS = [
  'seq',
  'at',
  'action',
  'outcome',
  'actor_id',
  'actor',
  'target_type',
  'target_id',
  'target',
  'ip',
  'details',
];

/** RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula (CSV injection). */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole filtered trail as CSV, read in pages so a long trail never sits in memory twice. */
export async function* exportAuditCsv(ctx: RequestContext, input: AuditFilters): AsyncGenerator<string> {
  authorize(ctx.actor, 'audit.read', globalResource);
  const filters = normalize(input);
  await ctx.db.transaction().execute((trx) => record(trx, ctx, { action: 'audit.exported', details: { filters } }));
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  let before: number | undefined;
  for (;;) {
    const rows = await listAuditEvents(ctx.db, { ...input, ...filters, limit: 1000, before });
    for (const row of rows) {
      const cells = [
        row.seq,
        row.at,
        row.action,
        row.outcome,
        row.actor_id,
        row.actor_label,
        row.target_type,
        row.target_id,
        row.target_label,
        row.ip,
        row.details,
      ];
      yield `${cells.map(csvCell).join(',')}\r\n`;
    }
    if (rows.length < 1000) return;
    before = Number(rows[rows.length - 1].seq);
  }
}
