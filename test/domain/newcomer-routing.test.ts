import { shiftDate } from '../../src/domain/berlin-time.js';
import { routeNewcomer, type RoutingAnswers } from '../../src/domain/newcomer-routing.js';
import { demoPolicy } from '../support/fixtures.js';

const rule = demoPolicy().sofortvermittlung;
const TODAY = '2026-11-24';

/** A plain new customer for the Sofortvermittlung: first application, 30, no training, little experience. */
const base: RoutingAnswers = {
  firstApplicationHere: true,
  age: 30,
  completedTraining: false,
  yearsOfExperience: 1,
  speaksGerman: true,
  placementOfficerAssigned: false,
  reha: false,
  profile: null,
  onlyForSperrzeit: false,
  selfEmployedOrEmployed: false
};
const route = (over: Partial<RoutingAnswers>) => routeNewcomer({ ...base, ...over }, TODAY, rule);

describe('seed 004 Neukundendefinition: first application, or again after at least 182 days', () => {
  it.each([
    ['erster Antrag hier', { firstApplicationHere: true }, 'sofortvermittlung', 'neukunde'],
    ['Leistungsbezug endete vor 182 Tagen', { firstApplicationHere: false, benefitsEndedOn: shiftDate(TODAY, -182) }, 'sofortvermittlung', 'neukunde'],
    ['Leistungsbezug endete vor 181 Tagen', { firstApplicationHere: false, benefitsEndedOn: shiftDate(TODAY, -181) }, 'regulaere-ifk', 'kein-neukunde'],
    ['Leistungsbezug endete vor einem Jahr', { firstApplicationHere: false, benefitsEndedOn: shiftDate(TODAY, -365) }, 'sofortvermittlung', 'neukunde'],
    ['erneuter Antrag ohne Datum', { firstApplicationHere: false }, 'regulaere-ifk', 'kein-neukunde']
  ] as const)('%s → %s (%s)', (_label, over, expectedRoute, reason) => {
    expect(route(over)).toEqual({ route: expectedRoute, reason });
  });

  it('counts calendar days in Berlin across the change to summer time', () => {
    // 01.03.2026 + 182 days crosses 29.03.2026, when Berlin lost an hour: still whole calendar days.
    expect(routeNewcomer({ ...base, firstApplicationHere: false, benefitsEndedOn: '2026-03-01' }, shiftDate('2026-03-01', 182), rule).route).toBe('sofortvermittlung');
    expect(routeNewcomer({ ...base, firstApplicationHere: false, benefitsEndedOn: '2026-03-01' }, shiftDate('2026-03-01', 181), rule).route).toBe('regulaere-ifk');
  });
});

describe('seed 004 Zugangssteuerung: every exclusion routes where the seed says', () => {
  it.each([
    ['ALG I noch 29 Tage (mehr als vier Wochen)', { alg1EndsOn: shiftDate(TODAY, 29) }, 'sgb3', 'sgb3-alg1'],
    ['ALG I noch genau vier Wochen', { alg1EndsOn: shiftDate(TODAY, 28) }, 'sofortvermittlung', 'neukunde'],
    ['ALG II nur für die Sperrzeit', { onlyForSperrzeit: true }, 'sgb3', 'sgb3-sperrzeit'],
    ['Profillage I', { profile: 'I' }, 'regulaere-ifk', 'profil-i'],
    ['Profillage Z (§ 10)', { profile: 'Z' }, 'regulaere-ifk', 'profil-z'],
    ['Reha/SB', { reha: true }, 'reha', 'reha'],
    ['24 Jahre ohne Ausbildung', { age: 24, completedTraining: false }, 'u25', 'u25-ohne-ausbildung'],
    ['24 Jahre mit Ausbildung, AV zugeordnet', { age: 24, completedTraining: true, placementOfficerAssigned: true }, 'sofortvermittlung', 'neukunde'],
    ['25 Jahre, Ausbildung, Deutsch, kein AV', { age: 25, completedTraining: true }, 'amm', 'amm-potential'],
    ['55 Jahre, 3 Jahre Berufserfahrung', { age: 55, yearsOfExperience: 3 }, 'amm', 'amm-potential'],
    ['56 Jahre mit Ausbildung', { age: 56, completedTraining: true }, 'sofortvermittlung', 'neukunde'],
    ['2 Jahre Berufserfahrung, keine Ausbildung', { age: 40, yearsOfExperience: 2 }, 'sofortvermittlung', 'neukunde'],
    ['AMM-Kriterien, aber AV zugeordnet', { age: 40, completedTraining: true, placementOfficerAssigned: true }, 'sofortvermittlung', 'neukunde'],
    ['AMM-Kriterien, aber keine Verständigung auf Deutsch', { age: 40, completedTraining: true, speaksGerman: false }, 'sofortvermittlung', 'neukunde'],
    ['AMM-Kriterien, aber sozialversicherungspflichtig beschäftigt', { age: 40, completedTraining: true, selfEmployedOrEmployed: true }, 'sofortvermittlung', 'neukunde']
  ] as const)('%s → %s (%s)', (_label, over, expectedRoute, reason) => {
    expect(route(over)).toEqual({ route: expectedRoute, reason });
  });

  it('decides responsibility first: SGB III before profile, profile before Reha and U25, Reha before AMM', () => {
    expect(route({ onlyForSperrzeit: true, profile: 'Z', reha: true })).toEqual({ route: 'sgb3', reason: 'sgb3-sperrzeit' });
    expect(route({ profile: 'I', age: 20 })).toEqual({ route: 'regulaere-ifk', reason: 'profil-i' });
    expect(route({ reha: true, age: 20 })).toEqual({ route: 'reha', reason: 'reha' });
    expect(route({ reha: true, age: 40, completedTraining: true })).toEqual({ route: 'reha', reason: 'reha' });
  });

  it('does not route anyone who is no new customer by any exclusion', () => {
    expect(route({ firstApplicationHere: false, benefitsEndedOn: shiftDate(TODAY, -10), reha: true, profile: 'Z' })).toEqual({ route: 'regulaere-ifk', reason: 'kein-neukunde' });
  });
});
