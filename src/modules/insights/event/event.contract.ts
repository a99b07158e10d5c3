/** What other insights features hand to the event store. */

/** One event row to store; the tenant, source and receive time are the batch's. */
export type NewEventRow = {
  id: string;
  personId: string | null;
  customerId: string | null;
  type: string;
  event: string | null;
  channel: string;
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  groupId: string | null;
  timestamp: Date;
  sentAt: Date | null;
  originalTimestamp: Date | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
};
