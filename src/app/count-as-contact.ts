import type { Contact } from '../domain/contact.js';
import type { CustomerNumber } from '../domain/customer-number.js';
import type { Changes, CommitResult } from '../ports.js';
import type { Decision } from './audited.js';
import type { Deps } from './deps.js';

/**
 * seed 003: a talk or visit that took place is a contact (personal or by phone), so the next one falls due one interval
 * later. The contact is committed with the case, in one write. Should the customer have changed meanwhile (an attempt
 * recorded at the same moment), the commit is made again on the fresh record, as long as the case itself did not change.
 */
export async function commitCountingContact(deps: Deps, decision: Decision, kdnr: CustomerNumber, contact: Contact | undefined, changes: Changes): Promise<CommitResult> {
  for (let attempt = 1; ; attempt++) {
    const customer = contact ? await deps.store.getCustomer(kdnr) : undefined;
    const customers = customer && contact ? [{ ...customer, contacts: [...customer.contacts, contact], version: customer.version + 1 }] : [];
    const committed = await decision.commit({ ...changes, customers });
    if (committed.ok || !customer || attempt === 3) return committed;
    if ((await deps.store.getCustomer(kdnr))?.version === customer.version) return committed; // the case changed: a real conflict
  }
}
