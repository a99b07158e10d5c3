import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../platform/events/domain-event.js';
import { channelOfDomainEvent, touchpointOfDomainEvent } from './domain-touchpoint.js';

const domainEvent = (overrides: Partial<DomainEvent> = {}): DomainEvent => ({
  tenantId: '0190a000-0000-7000-8000-000000000001',
  id: '0190a000-0000-7000-8000-0000000000e1',
  type: 'crm.deal.won',
  occurredAt: new Date('2026-01-05T08:00:00Z'),
  customerId: '0190a000-0000-7000-8000-0000000000c1',
  crmPersonId: null,
  actorUserId: '0190a000-0000-7000-8000-0000000000a1',
  payload: { from: 'open', to: 'won' },
  key: { createdAt: '2026-01-05 08:00:00.5+00', tenantId: '0190a000-0000-7000-8000-000000000001', id: 'x' },
  ...overrides,
});

describe('channelOfDomainEvent', () => {
  it('maps the publishing context to a channel', () => {
    expect(channelOfDomainEvent('crm.follow_up.recorded')).toBe('sales');
    expect(channelOfDomainEvent('warehouse.order.shipped')).toBe('warehouse');
    expect(channelOfDomainEvent('service.ticket.closed')).toBe('service');
    expect(channelOfDomainEvent('billing.invoice.paid')).toBeUndefined();
    expect(channelOfDomainEvent('crm')).toBe('sales');
    expect(channelOfDomainEvent('toString.x')).toBeUndefined();
    expect(channelOfDomainEvent('')).toBeUndefined();
  });
});

describe('touchpointOfDomainEvent', () => {
  it('makes a track message keyed by the event id', () => {
    expect(touchpointOfDomainEvent(domainEvent())).toEqual({
      type: 'track',
      messageId: '0190a000-0000-7000-8000-0000000000e1',
      userId: null,
      anonymousId: null,
      event: 'crm.deal.won',
      groupId: null,
      previousId: null,
      timestamp: new Date('2026-01-05T08:00:00Z'),
      originalTimestamp: new Date('2026-01-05T08:00:00Z'),
      sentAt: null,
      properties: { from: 'open', to: 'won' },
      traits: null,
      context: { actorUserId: '0190a000-0000-7000-8000-0000000000a1' },
      channel: 'sales',
      customerId: '0190a000-0000-7000-8000-0000000000c1',
    });
  });

  it('names the contact when the event does, and leaves out what it does not', () => {
    const message = touchpointOfDomainEvent(
      domainEvent({
        customerId: null,
        crmPersonId: '0190a000-0000-7000-8000-0000000000p1',
        actorUserId: null,
      }),
    );
    expect(message).toMatchObject({ crmPersonId: '0190a000-0000-7000-8000-0000000000p1', context: null });
    expect(message).not.toHaveProperty('customerId');
  });

  it('is no touchpoint without a channel or without an account or contact', () => {
    expect(touchpointOfDomainEvent(domainEvent({ type: 'billing.invoice.paid' }))).toBeUndefined();
    expect(touchpointOfDomainEvent(domainEvent({ customerId: null, crmPersonId: null }))).toBeUndefined();
  });
});
