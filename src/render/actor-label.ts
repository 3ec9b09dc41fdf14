import type { Lang } from '../core/messages.js';

const actors: Readonly<Record<string, { readonly nl: string; readonly en: string }>> = {
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  residents: { nl: 'Bewoners', en: 'Residents' },
  volunteers: { nl: 'Vrijwilligers', en: 'Volunteers' },
  'health insurer': { nl: 'Zorgverzekeraar', en: 'Health insurer' },
  'housing corporation': { nl: 'Woningcorporatie', en: 'Housing corporation' },
  uwv: { nl: 'UWV', en: 'UWV (employee insurance agency)' },
  police: { nl: 'Politie', en: 'Police' },
  society: { nl: 'Samenleving', en: 'Society' },
  state: { nl: 'Rijk', en: 'Central government' },
  province: { nl: 'Provincie', en: 'Province' },
  coalition: { nl: 'Coalitie', en: 'Coalition' },
  businesses: { nl: 'Bedrijven', en: 'Businesses' },
  'local firms': { nl: 'Lokale ondernemers', en: 'Local firms' },
  'local businesses': { nl: 'Lokale ondernemers', en: 'Local businesses' },
  schools: { nl: 'Scholen', en: 'Schools' },
  'care providers': { nl: 'Zorgaanbieders', en: 'Care providers' },
  visitors: { nl: 'Bezoekers', en: 'Visitors' },
  members: { nl: 'Leden', en: 'Members' },
};

/**
 * Display name of an MKBA actor (the actors of the EffectenArena, BZK 2011, in the reader's language); other
 * actors are shown as written in the model, with a capital.
 * @example actorLabel('health insurer', 'nl') // "Zorgverzekeraar"
 */
export function actorLabel(actor: string, lang: Lang): string {
  const known = actors[actor.toLowerCase()];
  if (known) return known[lang];
  return actor.charAt(0).toUpperCase() + actor.slice(1);
}
