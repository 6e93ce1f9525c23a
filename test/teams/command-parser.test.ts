import { parseCommand } from '../../src/teams/command-parser.js';
import { COMMANDS } from '../../src/teams/processes/index.js';

describe('command grammar', () => {
  it('parses /versuch with kind, date and time', () => {
    expect(parseCommand('/versuch 123D456789 anruf 19.11.2026 9:05')).toEqual({
      ok: true,
      command: { name: 'versuch', kdnr: '123D456789', kind: 'anruf', date: '2026-11-19', time: '09:05' }
    });
  });

  it('parses /versuch without date (now) and is case-insensitive for command and kind', () => {
    expect(parseCommand('/Versuch 123D456789 Einladung-RFB')).toEqual({ ok: true, command: { name: 'versuch', kdnr: '123D456789', kind: 'einladung-rfb', date: undefined, time: undefined } });
  });

  it('rejects impossible dates and times', () => {
    expect(parseCommand('/versuch 123D456789 anruf 31.02.2026 10:00')).toEqual({ ok: false, error: 'datum', usage: 'versuch', mistyped: { kind: 'datum', typed: '31.02.2026' } });
    expect(parseCommand('/versuch 123D456789 anruf 19.11.2026 25:00')).toEqual({ ok: false, error: 'datum', usage: 'versuch', mistyped: { kind: 'uhrzeit', typed: '25:00' } });
    expect(parseCommand('/kontakt 123D456789 telefonisch 2026-11-19')).toEqual({ ok: false, error: 'datum', usage: 'kontakt', mistyped: { kind: 'datum', typed: '2026-11-19', meant: '19.11.2026' } });
  });

  it('answers with the usage for an unknown kind or extra words', () => {
    expect(parseCommand('/versuch 123D456789 brief')).toEqual({ ok: false, error: 'syntax', usage: 'versuch' });
    expect(parseCommand('/versuch 123D456789 anruf heute')).toEqual({ ok: false, error: 'syntax', usage: 'versuch' });
    expect(parseCommand('/versuch')).toEqual({ ok: false, error: 'syntax', usage: 'versuch' });
  });

  it('accepts the bare word Teams\' command menu inserts', () => {
    expect(parseCommand('hilfe')).toEqual({ ok: true, command: { name: 'hilfe' } });
    expect(parseCommand('kanal hier')).toEqual({ ok: true, command: { name: 'kanal-hier' } });
    expect(parseCommand('Guten Morgen')).toEqual({ ok: false, error: 'unbekannt', word: 'Guten' });
  });

  it('is anchored: a longer word or text before the slash is no command', () => {
    expect(parseCommand('/vormerkenX 123D456789')).toEqual({ ok: false, error: 'unbekannt', word: 'vormerkenX' });
    expect(parseCommand('bitte /hilfe')).toEqual({ ok: false, error: 'unbekannt', word: 'bitte' });
  });

  it('parses /vormerken as a card request, or as a direct flag with postfach and reason', () => {
    expect(parseCommand('/vormerken 123D456789')).toEqual({ ok: true, command: { name: 'vormerken', kdnr: '123D456789' } });
    expect(parseCommand('/vormerken 123D456789 postfach Kunde reagiert seit Monaten nicht')).toEqual({
      ok: true,
      command: { name: 'vormerken', kdnr: '123D456789', submit: { reason: 'Kunde reagiert seit Monaten nicht', invitationInMailbox: true } }
    });
    expect(parseCommand('/vormerken 123D456789 Grund ohne Postfach')).toMatchObject({ command: { submit: { invitationInMailbox: false } } });
  });

  it('parses /ab-plan with and without a week', () => {
    expect(parseCommand('/ab-plan')).toEqual({ ok: true, command: { name: 'ab-plan' } });
    expect(parseCommand('/ab-plan 48')).toEqual({ ok: true, command: { name: 'ab-plan', week: { week: 48, year: undefined } } });
    expect(parseCommand('/ab-plan KW 53/2026')).toEqual({ ok: true, command: { name: 'ab-plan', week: { week: 53, year: 2026 } } });
    expect(parseCommand('/ab-plan KW 53/2027')).toEqual({ ok: false, error: 'syntax', usage: 'abPlan' });
  });

  it('parses /ergebnis as a card request or with the result in words', () => {
    expect(parseCommand('/ergebnis 123D456789')).toEqual({ ok: true, command: { name: 'ergebnis', kdnr: '123D456789' } });
    expect(parseCommand('/ergebnis 123D456789 nicht-angetroffen 03.12.2026 vermerk hinweis')).toEqual({
      ok: true,
      command: {
        name: 'ergebnis',
        kdnr: '123D456789',
        input: { outcome: 'nicht-angetroffen', appointmentDate: '2026-12-03', verbisNoteWritten: true, meetAndWalk: false, lowThresholdInfo: false, complex: false, hintForBenefits: true }
      }
    });
    expect(parseCommand('/ergebnis 123D456789 vielleicht 03.12.2026')).toEqual({ ok: false, error: 'syntax', usage: 'ergebnis' });
  });

  it('parses /kunde and /kunde neu', () => {
    expect(parseCommand('/kunde 123D456789')).toEqual({ ok: true, command: { name: 'kunde', kdnr: '123D456789' } });
    expect(parseCommand('/kunde neu 123D456789 U25 Nord lza')).toEqual({
      ok: true,
      command: { name: 'kunde-neu', kdnr: '123D456789', group: 'u25', district: 'Nord', longTermUnemployed: true, profile: null }
    });
    expect(parseCommand('/kunde neu 123D456789 senior Nord')).toEqual({ ok: false, error: 'syntax', usage: 'kundeNeu' });
  });

  it('writes every usage line with placeholders that survive Teams (no angle brackets, which Teams may drop as HTML)', () => {
    for (const c of COMMANDS) expect([c.name, /[<>]/.test(c.usage.syntax + c.usage.text)]).toEqual([c.name, false]);
  });
});
