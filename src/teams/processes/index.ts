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

/** Every process's commands, in the order `/hilfe` lists them; a new process adds its folder and one line here. */
export const COMMANDS: readonly CommandEntry[] = [
  HELP_COMMAND,
  ...AB_FLAGGING_COMMANDS,
  ...MISSED_APPOINTMENT_COMMANDS,
  ...CONTACT_DENSITY_COMMANDS,
  ...TASKS_PRESENCE_COMMANDS,
  ...U25_OUTREACH_COMMANDS,
  ...ADMINISTRATION_COMMANDS,
  ...SOFORTVERMITTLUNG_COMMANDS,
  ...CORRECTION_COMMANDS
];

/** Every process's card actions (Action.Execute verbs). */
export const CARD_ACTIONS: readonly CardActionEntry[] = [
  ...AB_FLAGGING_ACTIONS,
  ...MISSED_APPOINTMENT_ACTIONS,
  ...CONTACT_DENSITY_ACTIONS,
  ...TASKS_PRESENCE_ACTIONS,
  ...U25_OUTREACH_ACTIONS,
  ...SOFORTVERMITTLUNG_ACTIONS,
  ...CORRECTION_ACTIONS
];
