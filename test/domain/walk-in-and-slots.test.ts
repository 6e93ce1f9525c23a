import { admitWalkIn, emptyQueue, finishTalk, takeNext, type WalkInQueue } from '../../src/domain/walk-in-queue.js';
import { nextFreeSlot, slotId, slotTimes } from '../../src/domain/sofo-slots.js';
import { workingCalendar } from '../../src/domain/working-days.js';
import { at, demoPolicy } from '../support/fixtures.js';

const rule = demoPolicy().sofortvermittlung;
const BW = workingCalendar('BW');
const TODAY = '2026-11-24'; // a Tuesday

function queueOf(n: number, now = '2026-11-24 08:30', officers = 10): WalkInQueue {
  let q = emptyQueue(TODAY);
  for (let i = 1; i <= n; i++) {
    const a = admitWalkIn(q, { kdnr: `100A00000${i}`, caseId: `c${i}` }, new Date(at(now)), officers, rule.walkIn);
    if (!a.ok) throw new Error(a.reason);
    q = a.queue;
  }
  return q;
}

describe('seed 004 Ohne Termin: 10 numbered places, 9:00–11:45, 45 minutes per talk', () => {
  it('numbers walk-ins 1 to 10 and refuses the 11th', () => {
    const q = queueOf(10);
    expect(q.entries.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(admitWalkIn(q, { kdnr: '100A000011', caseId: 'c11' }, new Date(at('2026-11-24 08:30')), 10, rule.walkIn)).toEqual({ ok: false, reason: 'voll' });
  });

  it('keeps counting numbers after talks are over: the 11th of the day is still the 11th', () => {
    let q = queueOf(10);
    for (let n = 1; n <= 10; n++) {
      const taken = takeNext(q, 'sofo');
      if (!taken.ok) throw new Error(taken.reason);
      const done = finishTalk(taken.queue, taken.entry.number, 'sofo');
      if (!done.ok) throw new Error(done.reason);
      q = done.queue;
    }
    expect([q.entries, q.served]).toEqual([[], 10]);
    expect(admitWalkIn(q, { kdnr: '100A000011', caseId: 'c11' }, new Date(at('2026-11-24 10:00')), 2, rule.walkIn)).toEqual({ ok: false, reason: 'voll' });
  });

  it('estimates the start from those ahead and two officers, and refuses a walk-in who cannot start by 11:45', () => {
    const q = queueOf(6, '2026-11-24 09:00', 2);
    // 6 ahead, 2 officers: three rounds of 45 minutes → 11:15
    const seventh = admitWalkIn(q, { kdnr: '100A000007', caseId: 'c7' }, new Date(at('2026-11-24 09:00')), 2, rule.walkIn);
    expect(seventh.ok && seventh.expectedStart).toBe('11:15');
    expect(admitWalkIn(q, { kdnr: '100A000007', caseId: 'c7' }, new Date(at('2026-11-24 09:31')), 2, rule.walkIn)).toEqual({ ok: false, reason: 'zu-spaet' });
    expect(admitWalkIn(emptyQueue(TODAY), { kdnr: '100A000001', caseId: 'c1' }, new Date(at('2026-11-24 11:46')), 2, rule.walkIn)).toEqual({ ok: false, reason: 'zu-spaet' });
    const early = admitWalkIn(emptyQueue(TODAY), { kdnr: '100A000001', caseId: 'c1' }, new Date(at('2026-11-24 08:10')), 2, rule.walkIn);
    expect(early.ok && early.expectedStart).toBe('09:00');
  });

  it('serves in order: "Nächster Kunde" takes the lowest waiting number, one talk per officer at a time', () => {
    const q = queueOf(3);
    const a = takeNext(q, 'clara');
    if (!a.ok) throw new Error(a.reason);
    expect(a.entry).toMatchObject({ number: 1, status: 'in-bearbeitung', officerId: 'clara' });
    expect(takeNext(a.queue, 'clara')).toEqual({ ok: false, reason: 'bereits-in-beratung' });
    const b = takeNext(a.queue, 'david');
    expect(b.ok && b.entry.number).toBe(2);
  });

  it('deletes the customer from the queue after the talk, keeps only the count, and lets only the officer end it', () => {
    const a = takeNext(queueOf(2), 'clara');
    if (!a.ok) throw new Error(a.reason);
    expect(finishTalk(a.queue, 1, 'david')).toEqual({ ok: false, reason: 'nicht-ihre-beratung' });
    expect(finishTalk(a.queue, 2, 'clara')).toEqual({ ok: false, reason: 'nicht-ihre-beratung' });
    const done = finishTalk(a.queue, 1, 'clara');
    if (!done.ok) throw new Error(done.reason);
    expect(JSON.stringify(done.queue)).not.toContain('100A000001');
    expect([done.queue.served, done.queue.issued]).toEqual([1, 2]);
    expect(takeNext(emptyQueue(TODAY), 'clara')).toEqual({ ok: false, reason: 'niemand-wartet' });
  });
});

describe('seed 004 Mit Termin: per officer 3 afternoon slots (13:30–15:45) and 1 morning slot (8:00–9:00)', () => {
  const free = (now: string, taken: string[] = [], officers = ['clara'], absent: (id: string, d: string) => boolean = () => false) =>
    nextFreeSlot(new Date(at(now)), now.slice(0, 10), officers, new Set(taken), absent, BW, rule.slots);

  it('splits the windows evenly: 13:30, 14:15, 15:00 and 8:00', () => {
    expect(slotTimes(rule.slots.afternoon)).toEqual([{ from: '13:30', to: '14:15' }, { from: '14:15', to: '15:00' }, { from: '15:00', to: '15:45' }]);
    expect(slotTimes(rule.slots.morning)).toEqual([{ from: '08:00', to: '09:00' }]);
  });

  it("offers today's afternoon first, and an officer's 4th slot is the next working day's 8:00", () => {
    const first = free('2026-11-24 10:00');
    expect(first).toMatchObject({ date: TODAY, from: '13:30', officerId: 'clara' });
    const taken = [slotId(TODAY, '13:30', 'clara'), slotId(TODAY, '14:15', 'clara'), slotId(TODAY, '15:00', 'clara')];
    expect(free('2026-11-24 10:00', taken)).toMatchObject({ date: '2026-11-25', from: '08:00', to: '09:00', officerId: 'clara' });
  });

  it('offers the officers side by side at the same time, in directory order', () => {
    expect(free('2026-11-24 10:00', [slotId(TODAY, '13:30', 'clara')], ['clara', 'david'])).toMatchObject({ from: '13:30', officerId: 'david' });
  });

  it('skips slots that have begun, weekends, holidays and absent officers', () => {
    expect(free('2026-11-24 13:30')).toMatchObject({ date: TODAY, from: '14:15' });
    // Friday after the last slot → Monday 8:00
    expect(free('2026-11-27 15:30')).toMatchObject({ date: '2026-11-30', from: '08:00' });
    // 24.12.2026 (Thursday) is no holiday in BW, 25./26.12. are: after Thursday's slots comes Monday 28.12.
    expect(free('2026-12-24 15:30')).toMatchObject({ date: '2026-12-28', from: '08:00' });
    expect(free('2026-11-24 10:00', [], ['clara', 'david'], (id, d) => id === 'clara' && d === TODAY)).toMatchObject({ date: TODAY, from: '13:30', officerId: 'david' });
  });

  it('finds nothing when every slot in the search horizon is taken', () => {
    expect(free('2026-11-24 10:00', [], [])).toBeUndefined();
  });
});
