export type AuditEventsTable = {
  seq: number;
  id: string;
  at: string;
  action: string;
  outcome: 'success' | 'failure';
  actor_id: string | null;
  actor_label: string | null;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};
