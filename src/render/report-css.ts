import { fontStack } from './fonts.js';

/**
 * The one stylesheet of every report, inlined in each page: readable type, AA contrast (body text #1a1a1a on
 * white, links #005a9c), tables with header cells, and print rules so the browser's print to PDF gives clean
 * A4 pages (no navigation, sections start on a new page, figures and table rows not split).
 */
export const reportCss = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --soft: #f3f5f7; --link: #005a9c; --accent: #0072b2; }
* { box-sizing: border-box; }
html { font-family: ${fontStack}; color: var(--ink); background: #fff; line-height: 1.5; font-size: 16px; }
body { margin: 0; }
.page { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
a { color: var(--link); }
a:focus, summary:focus { outline: 3px solid #e69f00; outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip-link:focus { left: .5rem; }
header.report-header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; padding-bottom: .75rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .25rem 0 .5rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
.meta, .generated { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
.banner { background: #fff4d6; border-left: 6px solid #e69f00; padding: .6rem .9rem; margin: 1rem 0; }
.note { background: var(--soft); border-left: 6px solid #767676; padding: .6rem .9rem; margin: 1rem 0; }
.horizon { font-size: 1.1rem; font-style: italic; border-left: 4px solid var(--accent); padding-left: .9rem; margin: 1rem 0; }
nav.toc ol { columns: 2; padding-left: 1.2rem; margin: .5rem 0; }
nav.toc { background: var(--soft); padding: .5rem 1rem; margin: 1rem 0; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .75rem; margin: 1rem 0; padding: 0; list-style: none; }
.key-figures li { border: 1px solid var(--line); border-top: 5px solid var(--accent); padding: .6rem .8rem; }
.key-figures .label { display: block; font-size: .85rem; color: var(--muted); }
.key-figures .value { display: block; font-size: 1.45rem; font-weight: bold; font-variant-numeric: tabular-nums; }
.key-figures .context { display: block; font-size: .85rem; color: var(--muted); }
.figure { margin: 1.5rem 0; page-break-inside: avoid; break-inside: avoid; }
svg.chart { display: block; width: 100%; max-width: 50rem; height: auto; }
figcaption { color: var(--muted); font-size: .95rem; margin: .4rem 0; }
.table-wrap { overflow-x: auto; margin: .75rem 0 1.25rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); background: var(--soft); }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.num { white-space: normal; }
td.formula { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: .8rem; white-space: nowrap; }
details.chart-data summary { cursor: pointer; color: var(--link); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.lights { list-style: none; padding: 0; margin: 1rem 0; }
.lights .criterion { display: block; }
.lights .target { display: block; color: var(--muted); }
.lights li { display: flex; gap: .8rem; align-items: flex-start; padding: .6rem 0; border-bottom: 1px solid var(--line); }
.light { flex: none; width: 2rem; height: 2rem; border-radius: 50%; display: inline-flex; align-items: center; justify-content: center; color: var(--ink); font-weight: bold; font-size: 1.1rem; border: 2px solid var(--ink); }
.light.met { background: #009e73; } .light.partly-met { background: #e69f00; } .light.not-met { background: #d55e00; }
.light.not-due { background: #56b4e9; color: var(--ink); } .light.not-measurable, .light.not-available { background: #ffffff; color: var(--ink); }
.status-text { font-weight: bold; }
.plain-big { font-size: 1.2rem; }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid var(--accent); background: var(--soft); }
footer.report-footer { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: .75rem; color: var(--muted); font-size: .9rem; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  html { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  nav.toc, .skip-link { display: none; }
  h2 { break-before: page; page-break-before: always; }
  section.summary h2, h2.no-break { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .key-figures li, .lights li { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  details.chart-data > *:not(summary) { display: block; }
  a { color: var(--ink); text-decoration: none; }
  .banner, .note, thead th, .light { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
