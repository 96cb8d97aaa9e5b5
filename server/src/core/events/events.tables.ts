/** The outbox: one row per domain event, written in the transaction of the change it describes. */
export type DomainEventsTable = {
  id: string;
  name: string;
  /** JSON of the payload, checked against the emitting module's schema when delivered. */
  payload: string;
  /** Who caused the event: a person's id, or null for a link visitor or the system. */
  actor_id: string | null;
  /** How the cause is named to people: a person's name, a link visitor's e-mail, or null. */
  actor_name: string | null;
  occurred_at: string;
};

/**
 * One row per (event, subscriber) pair whose effect committed, written in the subscriber's own transaction: a
 * redelivered event finds its row and is skipped.
 */
export type EventDeliveriesTable = {
  event_id: string;
  subscriber: string;
  delivered_at: string;
};
