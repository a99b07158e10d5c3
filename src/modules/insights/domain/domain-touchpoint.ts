/**
 * Which domain events are touchpoints, and the message each becomes: a `track` whose event name is
 * the domain event's type, under the channel of the context that published it.
 */
import type { DomainEvent } from '../../../platform/events/domain-event.js';
import type { Channel, TouchpointMessage } from '../message/message.contract.js';

/** The channel of each publishing context (the type's first segment); others are not touchpoints. */
export const DOMAIN_CHANNELS: Readonly<Record<string, Channel>> = {
  crm: 'sales',
  service: 'service',
  warehouse: 'warehouse',
  marketing: 'marketing',
};

/** The channel a domain event type is shown under, e.g. `crm.deal.won` -> `sales`. */
export function channelOfDomainEvent(type: string): Channel | undefined {
  const context = type.split('.', 1)[0] ?? '';
  return Object.hasOwn(DOMAIN_CHANNELS, context) ? DOMAIN_CHANNELS[context] : undefined;
}

/**
 * The touchpoint a domain event records, or undefined when it is none: its context has no channel,
 * or it concerns neither an account nor a contact. The event id is the message id, so rereading an
 * event stores nothing new.
 */
export function touchpointOfDomainEvent(event: DomainEvent): TouchpointMessage | undefined {
  const channel = channelOfDomainEvent(event.type);
  if (!channel || (!event.customerId && !event.crmPersonId)) return undefined;
  return {
    type: 'track',
    messageId: event.id,
    userId: null,
    anonymousId: null,
    event: event.type,
    groupId: null,
    previousId: null,
    timestamp: event.occurredAt,
    originalTimestamp: event.occurredAt,
    sentAt: null,
    properties: event.payload,
    traits: null,
    context: event.actorUserId ? { actorUserId: event.actorUserId } : null,
    channel,
    ...(event.customerId ? { customerId: event.customerId } : {}),
    ...(event.crmPersonId ? { crmPersonId: event.crmPersonId } : {}),
  };
}
