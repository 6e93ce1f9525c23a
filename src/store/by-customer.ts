/** The ids of one collection's records by Kundennummer, so that a read for one customer does not scan every record. */
export class ByCustomer {
  private readonly ids = new Map<string, Set<string>>();

  add(kdnr: string, id: string): void {
    let set = this.ids.get(kdnr);
    if (!set) this.ids.set(kdnr, (set = new Set()));
    set.add(id);
  }

  remove(kdnr: string, id: string): void {
    this.ids.get(kdnr)?.delete(id);
  }

  /** The records of one customer, in the order they were added. */
  of<T>(kdnr: string, all: Record<string, T>): T[] {
    return [...(this.ids.get(kdnr) ?? [])].flatMap((id) => (all[id] ? [all[id]] : []));
  }
}
