import type { MkbaResult } from '../core/mkba.js';
import type { Lang } from '../core/messages.js';
import { formatEuro, currencyWord } from '../core/format.js';
import type { Chart } from './chart.js';
import { axisFormat, chartConfig } from './chart-config.js';
import { palette } from './palette.js';
import { actorLabel } from './actor-label.js';
import { say, type RenderTextKey } from './render-text.js';

const parts = [
  { key: 'benefits', text: 'distribution.benefits', sign: 1, colour: palette.blue },
  { key: 'avoidedCosts', text: 'distribution.avoided-costs', sign: 1, colour: palette.skyBlue },
  { key: 'transfersIn', text: 'distribution.transfers-in', sign: 1, colour: palette.green },
  { key: 'costs', text: 'distribution.costs', sign: -1, colour: palette.vermillion },
  { key: 'transfersOut', text: 'distribution.transfers-out', sign: -1, colour: palette.orange },
  { key: 'negativeEffects', text: 'distribution.negative-effects', sign: -1, colour: palette.purple },
] as const satisfies readonly { key: string; text: RenderTextKey; sign: number; colour: string }[];

const signedEuro = (v: number, lang: Lang, cur = 'EUR'): string => (v < 0 ? `−${formatEuro(-v, lang, 0, cur)}` : formatEuro(v, lang, 0, cur));

/**
 * "Who pays, who benefits" (EffectenArena, BZK 2011; CPB/PBL 2013): per actor, costs and transfers paid to the
 * left, benefits, avoided costs and transfers received to the right, the net as a black tick. `names` overrides
 * the display names of actors.
 */
export function distributionChart(mkba: MkbaResult, lang: Lang, priceYear: number, names: Readonly<Record<string, string>> = {}, cur = 'EUR'): Chart {
  const actors = [...mkba.distribution].sort((a, b) => b.net - a.net || a.actor.localeCompare(b.actor));
  const name = (actor: string): string => names[actor] ?? actorLabel(actor, lang);
  const axisLabel = (r: (typeof actors)[number]): string => `${name(r.actor)} (${say(lang, 'distribution.net').toLowerCase()} ${signedEuro(r.net, lang, cur)})`;
  const segments = actors.flatMap((r) =>
    parts
      .filter((p) => Math.abs(r[p.key]) > 0.005)
      .map((p) => ({ actor: axisLabel(r), part: say(lang, p.text), partOrder: parts.indexOf(p), amount: p.sign * r[p.key] })),
  );
  const nets = actors.map((r) => ({ actor: axisLabel(r), net: r.net }));
  const extent = Math.max(1, ...actors.map((r) => Math.max(r.benefits + r.avoidedCosts + r.transfersIn, r.costs + r.transfersOut + (r.negativeEffects ?? 0))));
  // The negative-effects column only where an actor bears a negative outcome (older results lack the field).
  const columns = parts.filter((p) => p.key !== 'negativeEffects' || actors.some((r) => (r.negativeEffects ?? 0) > 0));
  const title = say(lang, 'distribution.title');
  const winners = actors.filter((r) => r.net > 0.5).map((r) => name(r.actor));
  const losers = actors.filter((r) => r.net < -0.5).map((r) => name(r.actor));
  const description = say(lang, 'distribution.description', {
    winners: winners.length ? say(lang, 'distribution.winners', { list: winners.join(', ') }) : '',
    losers: losers.length ? say(lang, 'distribution.losers', { list: losers.join(', ') }) : '',
    net: signedEuro(mkba.society.net, lang, cur),
  }).replace(/ {2,}/g, ' ');
  const y = { field: 'actor', type: 'nominal' as const, sort: nets.map((r) => r.actor), title: null };
  const x = {
    field: 'amount',
    type: 'quantitative' as const,
    title: say(lang, 'distribution.axis', { priceYear, currency: currencyWord(cur) }),
    axis: { format: axisFormat.euro, tickCount: 4 },
    scale: { domain: [-extent * 1.1, extent * 1.1] },
  };
  const present = parts.filter((p) => segments.some((s) => s.part === say(lang, p.text)));
  return {
    id: 'who-pays-who-benefits',
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 460,
      height: { step: 40 },
      config: chartConfig(lang, cur),
      layer: [
        {
          data: { values: segments },
          mark: { type: 'bar', height: { band: 0.6 } },
          encoding: {
            y,
            x,
            color: {
              field: 'part',
              type: 'nominal',
              title: null,
              scale: { domain: present.map((p) => say(lang, p.text)), range: present.map((p) => p.colour) },
              legend: { columns: 3, direction: 'horizontal' },
            },
            order: { field: 'partOrder', type: 'quantitative' },
          },
        },
        {
          data: { values: nets },
          layer: [
            { mark: { type: 'tick', color: palette.ink, thickness: 3, bandSize: 30 }, encoding: { y, x: { field: 'net', type: 'quantitative' } } },
            { mark: { type: 'rule', color: palette.grey }, encoding: { x: { datum: 0, type: 'quantitative' } } },
          ],
        },
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'distribution.actor'), numeric: false },
        ...columns.map((p) => ({ label: say(lang, p.text), numeric: true })),
        { label: say(lang, 'distribution.net'), numeric: true },
      ],
      rows: [
        ...actors.map((r) => [name(r.actor), ...columns.map((p) => signedEuro(p.sign * r[p.key], lang, cur)), signedEuro(r.net, lang, cur)]),
        [say(lang, 'distribution.society'), ...columns.map((p) => signedEuro(p.sign * mkba.society[p.key], lang, cur)), signedEuro(mkba.society.net, lang, cur)],
      ],
    },
  };
}
