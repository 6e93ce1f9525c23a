import type { BeforeWrite, Changes, CommitResult } from '../ports.js';
import type { AuditEntry } from '../audit/audit-log.js';
import type { Deps } from './deps.js';
import type { RefusalCode } from './outcome.js';

/** A refusal because the record changed since the card was shown (a double click, a colleague faster) is a conflict. */
const outcomeOfRefusal = (reason: RefusalCode): AuditEntry['outcome'] => (reason === 'veraltet' ? 'konflikt' : 'abgelehnt');

/**
 * One decision of one person and its single audit line (SDM logging): `ok`, `abgelehnt` with the reason code, or
 * `konflikt` when the record changed under it. The line is durable before the change it records (the store runs it
 * once the change is known to fit, before writing) and before the answer is sent.
 */
export class Decision {
  private kdnr: string | undefined;
  private logged = false;
  /** A commit lost to another (the use case may retry, or refuse). */
  private lostRace = false;

  constructor(
    private readonly deps: Deps,
    private readonly actorId: string,
    private readonly action: string
  ) {}

  /** The Kundennummer the decision concerns, once the use case knows it. */
  concerns(kdnr: string | undefined): void {
    this.kdnr = kdnr;
  }

  /** A write without versions (one's own absence, a channel registration): the line first, then the write. */
  async apply(write: () => Promise<void>): Promise<void> {
    if (!this.logged) await this.log('ok');
    await write();
  }

  /** A read, or a refusal before any write, gets its line when the use case ends. */
  async close<T extends { ok: boolean; reason?: RefusalCode }>(result: T): Promise<T> {
    if (!this.logged) await (result.ok ? this.log('ok') : this.log(this.lostRace ? 'konflikt' : outcomeOfRefusal(result.reason!), result.reason));
    return result;
  }

  /** Everything the decision changes, in one write; its audit line is made durable inside it, before the data. */
  async commit(changes: Changes): Promise<CommitResult> {
    // A use case that retries after a lost race is still one decision: the write that succeeds carries the line.
    const okBeforeWrite: BeforeWrite = async () => {
      if (!this.logged) await this.log('ok');
    };
    let result: CommitResult;
    try {
      result = await this.deps.store.commit(changes, okBeforeWrite);
    } catch (err) {
      // The line already says ok, but the write did not happen: say so, then fail the turn.
      if (this.logged) await this.log('abgelehnt', 'schreibfehler');
      throw err;
    }
    // Lost before its line was written: the use case retries or refuses, and `close` says konflikt. Lost after (a purge
    // removed the record meanwhile): the ok line is already there and is corrected at once.
    if (!result.ok && this.logged) await this.log('konflikt', 'veraltet');
    if (!result.ok) this.lostRace = true;
    return result;
  }

  private log(outcome: AuditEntry['outcome'], reason?: string): Promise<void> {
    this.logged = true;
    return this.deps.audit.record({ actor: this.actorId, action: this.action, kdnr: this.kdnr, outcome, ...(reason ? { reason } : {}) });
  }
}

/** Run one use case as one audited decision. */
export async function audited<T extends { ok: boolean; reason?: RefusalCode }>(deps: Deps, actorId: string, action: string, decide: (decision: Decision) => Promise<T>): Promise<T> {
  const decision = new Decision(deps, actorId, action);
  return decision.close(await decide(decision));
}
