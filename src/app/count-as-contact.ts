import type { Contact } from '../domain/contact.js';
import type { CustomerNumber } from '../domain/customer-number.js';
import type { Deps } from './deps.js';

/**
 * seed 003: a talk or visit that took place is a contact (personal or by phone), so the next one falls due one interval
 * later. It is added once the case is committed (the decision's audit line covers it); a customer changed meanwhile (an
 * attempt recorded at the same moment) is read again and the contact added to the fresh record.
 */
export async function countAsContact(deps: Deps, kdnr: CustomerNumber, contact: Contact): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const customer = await deps.store.getCustomer(kdnr);
    if (!customer) return;
    const saved = await deps.store.saveCustomer({ ...customer, contacts: [...customer.contacts, contact], version: customer.version + 1 });
    if (saved.ok) return;
  }
}
