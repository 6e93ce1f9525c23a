import type { CardActionEntry, CommandEntry } from '../turn.js';
import { AB_FLAGGING_ACTIONS } from './ab-flagging/actions.js';
import { AB_FLAGGING_COMMANDS } from './ab-flagging/commands.js';
import { ADMINISTRATION_COMMANDS, HELP_COMMAND } from './administration/commands.js';
import { CONTACT_DENSITY_ACTIONS } from './contact-density/actions.js';
import { CONTACT_DENSITY_COMMANDS } from './contact-density/commands.js';
import { CORRECTION_ACTIONS } from './correction/actions.js';
import { CORRECTION_COMMANDS } from './correction/commands.js';
import { MISSED_APPOINTMENT_ACTIONS } from './missed-appointment/actions.js';
import { MISSED_APPOINTMENT_COMMANDS } from './missed-appointment/commands.js';
import { SOFORTVERMITTLUNG_ACTIONS } from './sofortvermittlung/actions.js';
import { SOFORTVERMITTLUNG_COMMANDS } from './sofortvermittlung/commands.js';
import { TASKS_PRESENCE_ACTIONS } from './tasks-presence/actions.js';
import { TASKS_PRESENCE_COMMANDS } from './tasks-presence/commands.js';
import { U25_OUTREACH_ACTIONS } from './u25-outreach/actions.js';
import { U25_OUTREACH_COMMANDS } from './u25-outreach/commands.js';
import { VOLUNTARY_OUTREACH_ACTIONS } from './voluntary-outreach/actions.js';
import { VOLUNTARY_OUTREACH_COMMANDS } from './voluntary-outreach/commands.js';

/** A process's commands under the heading `/hilfe` shows them with. */
export interface CommandGroup {
  readonly title: string;
  readonly commands: readonly CommandEntry[];
}

/** Every process's commands, grouped and in the order `/hilfe` lists them; a new process adds its folder and one line here. */
export const COMMAND_GROUPS: readonly CommandGroup[] = [
  { title: 'Kunden und Aufsuchende Beratung', commands: AB_FLAGGING_COMMANDS },
  { title: 'Meldeversäumnis und Rückruf', commands: MISSED_APPOINTMENT_COMMANDS },
  { title: 'Kontaktdichte', commands: CONTACT_DENSITY_COMMANDS },
  { title: 'Aufgaben, Wochenplan und Anwesenheit', commands: TASKS_PRESENCE_COMMANDS },
  { title: 'Aufsuchende Beratung U25', commands: U25_OUTREACH_COMMANDS },
  { title: 'Sofortvermittlung', commands: SOFORTVERMITTLUNG_COMMANDS },
  { title: 'Freiwillige aufsuchende Beratung', commands: VOLUNTARY_OUTREACH_COMMANDS },
  { title: 'Korrekturen', commands: CORRECTION_COMMANDS },
  { title: 'Team und Verwaltung', commands: [HELP_COMMAND, ...ADMINISTRATION_COMMANDS] }
];

export const COMMANDS: readonly CommandEntry[] = COMMAND_GROUPS.flatMap((g) => g.commands);

/** Every process's card actions (Action.Execute verbs). */
export const CARD_ACTIONS: readonly CardActionEntry[] = [
  ...AB_FLAGGING_ACTIONS,
  ...MISSED_APPOINTMENT_ACTIONS,
  ...CONTACT_DENSITY_ACTIONS,
  ...TASKS_PRESENCE_ACTIONS,
  ...U25_OUTREACH_ACTIONS,
  ...SOFORTVERMITTLUNG_ACTIONS,
  ...VOLUNTARY_OUTREACH_ACTIONS,
  ...CORRECTION_ACTIONS
];
