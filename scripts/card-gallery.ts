import { join } from 'node:path';
import { loadDirectory } from '../src/config/directory.js';
import { loadPolicy } from '../src/config/policy.js';
import { findStaff } from '../src/domain/staff.js';
import { workingCalendar } from '../src/domain/working-days.js';
import type { CardName } from '../src/ports.js';
import { projectRoot } from '../src/project-root.js';
import type { AdaptiveCardJson } from '../src/teams/cards.js';
import { helpCard } from '../src/teams/help.js';
import { abFlaggingCards } from './gallery/ab-flagging.js';
import { careCards } from './gallery/care.js';
import { ANNA, type Gallery, PETRA } from './gallery/fixtures.js';
import { missedAppointmentCards } from './gallery/missed-appointment.js';
import { sofortvermittlungCards } from './gallery/sofortvermittlung.js';
import { u25Cards } from './gallery/u25.js';
import { voluntaryCards } from './gallery/voluntary.js';

export interface GalleryCard {
  readonly name: CardName;
  readonly variant: string;
  readonly card: AdaptiveCardJson;
}

/**
 * Every card template, rendered by the real (pure) view code from synthetic read models: no store, no use case, so a
 * view can be checked in every state without walking a process to it. The records are what the use cases would hand
 * over (see scripts/gallery/), with the longest texts, umlauts, empty lists, open and done states and errors.
 */
export async function cardGallery(): Promise<GalleryCard[]> {
  const root = projectRoot();
  const policy = loadPolicy(join(root, 'demo', 'policy.json'));
  const directory = loadDirectory(join(root, 'demo', 'directory.json'), policy.districts.map((d) => d.id));
  const out: GalleryCard[] = [];
  const gallery: Gallery = {
    ctx: (today) => ({ directory, policy, today }),
    calendar: workingCalendar(policy.bundesland),
    add: (name, variant, card) => out.push({ name, variant, card })
  };
  abFlaggingCards(gallery);
  missedAppointmentCards(gallery);
  careCards(gallery);
  await u25Cards(gallery);
  sofortvermittlungCards(gallery);
  voluntaryCards(gallery);
  // Help: what an IFK may use, and in local mode the demo command too.
  gallery.add('help', 'IFK', helpCard(findStaff(directory, ANNA)!, false, policy.customerNumberExample));
  gallery.add('help', 'Teamleitung, Demo', helpCard(findStaff(directory, PETRA)!, true, policy.customerNumberExample));
  return out;
}
