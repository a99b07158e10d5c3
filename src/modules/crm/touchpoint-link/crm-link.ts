/**
 * The CRM's side of touchpoint identity resolution (the insights `CrmLink` port, matched by shape):
 * map Segment group ids to customers, find contacts by key, join contacts to buying committees.
 */
import { emailKey } from '../matching/email-key.js';
import { phoneKey } from '../matching/phone-key.js';

/** The CRM functions insights reaches through the composition root. */
export const crmLink = {
  async findCustomerByGroupId(): Promise<string | undefined> {
    throw new Error('not written yet');
  },
  async findContact(): Promise<undefined> {
    throw new Error('not written yet');
  },
  async joinCommittee(): Promise<string> {
    throw new Error('not written yet');
  },
  async assertCustomerVisible(): Promise<void> {
    throw new Error('not written yet');
  },
  async assertContactExists(): Promise<void> {
    throw new Error('not written yet');
  },
  phoneKey: (raw: string): string | undefined => phoneKey(raw),
  emailKey: (raw: string): string | undefined => emailKey(raw),
};
