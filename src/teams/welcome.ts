import { mayUseAction } from '../domain/authorization.js';
import type { Role, StaffMember } from '../domain/staff.js';
import { COMMANDS } from './processes/index.js';
import { TEXT, usageLine } from './texts.js';

/** What each role uses most, by the command table's usage keys: the three things a welcome names first. */
const FIRST_STEPS: Record<Role, readonly string[]> = {
  IFK: ['kunde', 'vormerken', 'faellig'],
  AB: ['abPlan', 'ergebnis', 'ab'],
  EZ: ['meldeversaeumnis', 'rueckruf', 'neukunde'],
  TL: ['digest', 'aufgaben', 'kanal'],
  LSB: ['aufgaben', 'meldeversaeumnis', 'rueckruf'],
  ADMIN: ['zustellung', 'kanal', 'hilfe'],
  ABU25: ['u25', 'u25-besuch', 'auslage'],
  SOFO: ['warteschlange', 'erstgespraech', 'aufgaben'],
  AMM: ['aufgaben', 'kunde', 'abwesend']
};

/** On install in the personal chat: a greeting by role, with the commands that person will use most (at most six). */
export function personalWelcome(actor: StaffMember): string {
  const keys = [...new Set(actor.roles.flatMap((role) => FIRST_STEPS[role]))];
  const lines = keys
    .map((key) => COMMANDS.find((c) => c.usageKey === key))
    .filter((c) => c !== undefined && c.action !== 'demo' && mayUseAction(actor, c.action))
    .slice(0, 6)
    .map((c) => `- ${usageLine(c!.usage)}`);
  return TEXT.welcomePersonal(actor.name, actor.roles.join(', '), lines);
}

/** On install in a team: what the channel will receive, who registers it, and how the bot is addressed there. */
export const channelWelcome = (): string => TEXT.welcomeChannel;
