import { decideMeasure, followUpWindow, missingItems, proposedStart } from '../../src/domain/first-talk.js';
import { workingCalendar } from '../../src/domain/working-days.js';
import { demoPolicy } from '../support/fixtures.js';

const rule = demoPolicy().sofortvermittlung;
const BW = workingCalendar('BW');
const TODAY = '2026-11-24'; // Tuesday
const decide = (input: Parameters<typeof decideMeasure>[0]) => decideMeasure(input, TODAY, BW, rule.measures, rule.reasonMaxLength);

describe('seed 004 Anlage 2: the minimum contents of the first talk', () => {
  it('names every item not yet covered', () => {
    expect(missingItems(['rechte-pflichten', 'antragsunterlagen'])).toEqual(['eingliederungsvereinbarung', 'beratungsvermerk', 'jobboerse-login']);
    expect(missingItems(['rechte-pflichten', 'eingliederungsvereinbarung', 'beratungsvermerk', 'jobboerse-login', 'antragsunterlagen'])).toEqual([]);
  });
});

describe('seed 004 Sofortmaßnahmen', () => {
  it('starts the S+K Check on a Monday and lets it run two weeks', () => {
    expect(decide({ kind: 'sk-check', start: '2026-12-01' })).toEqual({ ok: false, reason: 'sk-check-nicht-montag' });
    expect(decide({ kind: 'sk-check', start: '2026-11-30' })).toEqual({ ok: true, measure: { kind: 'sk-check', start: '2026-11-30', end: '2026-12-13' } });
    expect(proposedStart('sk-check', TODAY, BW, rule.measures)).toBe('2026-11-30');
  });

  it('lets the Orientierungscenter run one week from a fixed working day', () => {
    expect(decide({ kind: 'orientierungscenter', start: '2026-11-25' })).toEqual({ ok: true, measure: { kind: 'orientierungscenter', start: '2026-11-25', end: '2026-12-01' } });
    expect(decide({ kind: 'orientierungscenter', start: '2026-11-28' })).toEqual({ ok: false, reason: 'massnahme-kein-arbeitstag' });
    expect(decide({ kind: 'orientierungscenter', start: '2026-11-23' })).toEqual({ ok: false, reason: 'massnahme-beginn-vergangen' });
    expect(decide({ kind: 'orientierungscenter' })).toEqual({ ok: false, reason: 'massnahme-beginn-fehlt' });
    expect(proposedStart('orientierungscenter', '2026-11-27', BW, rule.measures)).toBe('2026-11-30');
  });

  it('accepts no measure only with a short reason', () => {
    expect(decide({ kind: 'keine', reason: '  ' })).toEqual({ ok: false, reason: 'massnahme-begruendung-fehlt' });
    expect(decide({ kind: 'keine', reason: 'x'.repeat(301) })).toEqual({ ok: false, reason: 'massnahme-begruendung-zu-lang' });
    expect(decide({ kind: 'keine', reason: ' Arbeitsaufnahme zum 01.12. ' })).toEqual({ ok: true, measure: { kind: 'keine', reason: 'Arbeitsaufnahme zum 01.12.' } });
  });

  it("dates the IFK's follow-up 2–4 weeks after the measure ends", () => {
    expect(followUpWindow('2026-12-13', rule.followUpWeeks)).toEqual({ from: '2026-12-27', to: '2027-01-10' });
  });
});
