/**
 * The coalition web page: one HTML document with inline CSS and JS, no external assets. It logs in with a
 * token (kept in sessionStorage of this tab only), uploads a CSV by drag-and-drop or with the file input (the
 * keyboard way; the drop zone is not itself a control), lists the
 * validation issues (row, column, value, message, fix) in Dutch or English, the upload history, the evaluation
 * and the report. All data is put in the page with textContent, never as HTML; the report goes into a sandboxed
 * frame without scripts.
 */

const style = `
:root { --fg:#1b1b1b; --muted:#5a5a5a; --accent:#0b5cad; --bad:#a4000f; --good:#1c6b2c; --line:#d0d0d0; --bg:#fafafa; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; margin: 0; }
header { display:flex; justify-content:space-between; align-items:center; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); background: var(--bg); }
header h1 { font-size: 1.15rem; margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
section { margin: 1.25rem 0; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
label { font-weight: 600; margin-right: .5rem; }
input[type=password], select { font: inherit; padding: .35rem .5rem; border: 1px solid #8a8a8a; border-radius: 4px; min-width: 18rem; }
button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
button[aria-pressed=true] { background: var(--fg); border-color: var(--fg); color: #fff; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
#drop { border: 2px dashed #8a8a8a; border-radius: 8px; padding: 1.5rem; text-align: center; background: var(--bg); }
#drop.over { border-color: var(--accent); background: #eaf2fb; }
#status { min-height: 1.5rem; font-weight: 600; }
#status.bad { color: var(--bad); } #status.good { color: var(--good); }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); }
caption { text-align: left; font-weight: 600; padding: .75rem 0 .25rem; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.hidden { display: none; }
iframe { width: 100%; min-height: 30rem; border: 1px solid var(--line); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
`;

const script = `(() => {
'use strict';
const T = {
  nl: {
    title: 'rendement — monitoringgegevens aanleveren', tokenLabel: 'Toegangstoken', login: 'Inloggen', logout: 'Uitloggen',
    loggedInAs: 'Ingelogd als {role} ({id})', initiative: 'Initiatief', uploadTitle: 'Bestand aanleveren',
    drop: 'Sleep een CSV-bestand hierheen, of kies een bestand.', choose: 'Kies een CSV-bestand', dryRun: 'Alleen controleren, niet opslaan',
    uploading: 'Bezig met controleren en opslaan…', issuesTitle: 'Problemen in het bestand', row: 'Rij', column: 'Kolom', value: 'Waarde',
    problem: 'Probleem', fix: 'Oplossing', historyTitle: 'Eerdere uploads', date: 'Datum', file: 'Bestand', rows: 'Rijen',
    current: 'Actueel', by: 'Door', evaluationTitle: 'Evaluatie', reportTitle: 'Rapport',
    saved: 'Opgeslagen: {rows} rijen (upload {id}).', checked: 'Gecontroleerd: {rows} rijen zonder problemen. Er is niets opgeslagen.',
    duplicate: 'Dit bestand is al eerder opgeslagen (upload {id}); er is niets veranderd.', rejected: 'Niet opgeslagen: {count} problemen gevonden. Zie de tabel hieronder.',
    noUploads: 'Nog geen uploads.', noIssues: 'Geen problemen gevonden.', indicator: 'Indicator', count: 'Waarnemingen', latestPeriod: 'Laatste periode',
    latestValue: 'Laatste waarde', sroi: 'SROI-ratio', npv: 'Netto contante waarde', obsCurrent: 'Actuele waarnemingen', uploads: 'Uploads',
    role_coalition: 'coalitie', role_council: 'gemeente', role_evaluator: 'evaluator', readOnly: 'Met dit token kunt u dit initiatief alleen inzien.',
    noInitiatives: 'Dit token geeft toegang tot geen enkel initiatief.', network: 'Geen verbinding met de server.',
    criteriaTitle: 'Succescriteria', observationsTitle: 'Monitoringgegevens per indicator', criterion: 'Criterium', status: 'Stand', target: 'Doel', deadline: 'Uiterlijk',
    status_met: 'gehaald', 'status_partly-met': 'deels gehaald', 'status_not-met': 'niet gehaald', 'status_not-measurable': 'niet meetbaar', 'status_not-due': 'nog niet aan de orde',
    formTitle: 'Of vul een formulier in', formPeriod: 'Periode (bijv. 2025-Q1, 2025-03 of 2025)', formArea: 'Gebied', formSubmit: 'Versturen',
    voiceText: 'Wat zei een deelnemer? (citaat, optioneel)', voiceDate: 'Datum van het citaat', voiceConsent: 'De deelnemer geeft toestemming om dit te citeren',
    state: 'Stand', state_submitted: 'wacht op goedkeuring', state_approved: 'goedgekeurd', state_returned: 'teruggestuurd', approve: 'Goedkeuren', returnIt: 'Terugsturen', reason: 'Reden',
    includeSubmitted: 'Tel ook uploads mee die nog op goedkeuring wachten (voorproefje)',
    view: 'Weergave', viewCouncil: 'Voor de gemeenteraad', viewNeighbourhood: 'Voor de buurt', reportLoading: 'Rapport wordt gemaakt…'
  },
  en: {
    title: 'rendement — submit monitoring data', tokenLabel: 'Access token', login: 'Log in', logout: 'Log out',
    loggedInAs: 'Logged in as {role} ({id})', initiative: 'Initiative', uploadTitle: 'Submit a file',
    drop: 'Drag a CSV file here, or choose a file.', choose: 'Choose a CSV file', dryRun: 'Only check, do not store',
    uploading: 'Checking and storing…', issuesTitle: 'Problems in the file', row: 'Row', column: 'Column', value: 'Value',
    problem: 'Problem', fix: 'Fix', historyTitle: 'Earlier uploads', date: 'Date', file: 'File', rows: 'Rows',
    current: 'Current', by: 'By', evaluationTitle: 'Evaluation', reportTitle: 'Report',
    saved: 'Stored: {rows} rows (upload {id}).', checked: 'Checked: {rows} rows without problems. Nothing was stored.',
    duplicate: 'This file was stored before (upload {id}); nothing changed.', rejected: 'Not stored: {count} problems found. See the table below.',
    noUploads: 'No uploads yet.', noIssues: 'No problems found.', indicator: 'Indicator', count: 'Observations', latestPeriod: 'Latest period',
    latestValue: 'Latest value', sroi: 'SROI ratio', npv: 'Net present value', obsCurrent: 'Current observations', uploads: 'Uploads',
    role_coalition: 'coalition', role_council: 'council', role_evaluator: 'evaluator', readOnly: 'This token can only view this initiative.',
    noInitiatives: 'This token gives access to no initiative.', network: 'No connection to the server.',
    formTitle: 'Or fill in a form', formPeriod: 'Period (e.g. 2025-Q1, 2025-03 or 2025)', formArea: 'Area', formSubmit: 'Send',
    voiceText: 'What did a participant say? (quote, optional)', voiceDate: 'Date of the quote', voiceConsent: 'The participant agrees to be quoted',
    state: 'State', state_submitted: 'waiting for approval', state_approved: 'approved', state_returned: 'returned', approve: 'Approve', returnIt: 'Return', reason: 'Reason',
    includeSubmitted: 'Also count uploads still waiting for approval (a preview)',
    criteriaTitle: 'Success criteria', observationsTitle: 'Monitoring data per indicator', criterion: 'Criterion', status: 'Status', target: 'Target', deadline: 'Deadline',
    status_met: 'met', 'status_partly-met': 'partly met', 'status_not-met': 'not met', 'status_not-measurable': 'not measurable', 'status_not-due': 'not yet due',
    view: 'View', viewCouncil: 'For the council', viewNeighbourhood: 'For the neighbourhood', reportLoading: 'Building the report…'
  }
};
const $ = (id) => document.getElementById(id);
const state = { lang: 'nl', token: null, me: null, initiatives: [], status: null, issues: null, history: null, evaluation: null, report: null };
try { const l = localStorage.getItem('rendement.lang'); if (l === 'en' || l === 'nl') state.lang = l; } catch (e) {}
const t = (key, params) => String(T[state.lang][key] ?? key).replace(/\\{(\\w+)\\}/g, (m, k) => (params && k in params ? String(params[k]) : m));
const nf = () => new Intl.NumberFormat(state.lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; };
const rowOf = (cells) => { const tr = document.createElement('tr'); for (const c of cells) tr.appendChild(c instanceof Node ? c : el('td', c)); return tr; };
const numCell = (v) => el('td', v === null || v === undefined ? '—' : nf().format(v), 'num');

async function api(path, options) {
  const headers = Object.assign({ authorization: 'Bearer ' + state.token }, (options && options.headers) || {});
  let res;
  try { res = await fetch(path, Object.assign({}, options, { headers })); }
  catch (e) { return { status: 0, body: { error: { code: 'network', message: { nl: T.nl.network, en: T.en.network } } } }; }
  const type = res.headers.get('content-type') || '';
  const body = type.includes('application/json') ? await res.json() : await res.text();
  return { status: res.status, body };
}

function setStatus(kind, text) { state.status = { kind, text }; renderStatus(); }
function renderStatus() {
  const s = $('status');
  s.className = state.status ? state.status.kind : '';
  if (!state.status) { s.textContent = ''; return; }
  const x = state.status.text;
  s.textContent = typeof x === 'function' ? x() : typeof x === 'string' ? x : x[state.lang];
}

function renderStatic() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  for (const e of document.querySelectorAll('[data-t]')) e.textContent = t(e.getAttribute('data-t'));
  $('lang-nl').setAttribute('aria-pressed', String(state.lang === 'nl'));
  $('lang-en').setAttribute('aria-pressed', String(state.lang === 'en'));
  if (state.me) $('who').textContent = t('loggedInAs', { role: t('role_' + state.me.role), id: state.me.id });
}

function renderIssues() {
  const box = $('issues-section'); const body = $('issues').querySelector('tbody'); body.textContent = '';
  if (!state.issues) { box.classList.add('hidden'); return; }
  box.classList.remove('hidden');
  $('issues-empty').textContent = state.issues.length === 0 ? t('noIssues') : '';
  for (const i of state.issues)
    body.appendChild(rowOf([el('td', i.row, 'num'), el('td', i.column ?? '—'), el('td', i.value ?? '—'), el('td', i.message[state.lang]), el('td', i.fix[state.lang])]));
}

function renderHistory() {
  const body = $('history').querySelector('tbody'); body.textContent = '';
  const list = state.history || [];
  $('history-empty').textContent = list.length === 0 ? t('noUploads') : '';
  const reviewer = state.me && state.me.role !== 'coalition';
  for (const u of list) {
    const st = el('td', t('state_' + (u.state || 'approved')) + (u.reviewReason ? ' — ' + u.reviewReason : ''));
    st.className = 'state-' + (u.state || 'approved');
    if (reviewer && u.state === 'submitted') {
      const ok = el('button', t('approve')); ok.type = 'button'; ok.className = 'approve';
      ok.addEventListener('click', () => review(u.id, 'approve', null));
      const why = document.createElement('input'); why.type = 'text'; why.maxLength = 500; why.setAttribute('aria-label', t('reason')); why.className = 'reason';
      const back = el('button', t('returnIt')); back.type = 'button'; back.className = 'secondary return';
      back.addEventListener('click', () => { if (why.value.trim()) review(u.id, 'return', why.value.trim()); else why.focus(); });
      st.appendChild(document.createElement('br')); st.appendChild(ok); st.appendChild(why); st.appendChild(back);
    }
    body.appendChild(rowOf([el('td', u.uploadedAt), el('td', u.fileName), numCell(u.rowCount), numCell(u.currentRows), el('td', u.uploadedBy), el('td', u.sha256.slice(0, 12), 'muted'), st]));
  }
}

async function review(uploadId, decision, reason) {
  const i = current(); if (!i) return;
  const r = await api('/api/initiatives/' + encodeURIComponent(i.id) + '/uploads/' + uploadId + '/review', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(reason ? { decision, reason } : { decision }) });
  if (r.status !== 200) setStatus('bad', r.body.error ? r.body.error.message : String(r.status));
  await refresh();
}

async function loadForm(i) {
  const box = $('entry-fields'); box.textContent = '';
  $('form-section').classList.toggle('hidden', !i.canWrite);
  if (!i.canWrite) return;
  const r = await api('/api/initiatives/' + encodeURIComponent(i.id) + '/form');
  if (r.status !== 200) return;
  const area = $('entry-area'); area.textContent = '';
  for (const a of r.body.areas) { const o = el('option', a); o.value = a; area.appendChild(o); }
  for (const ind of r.body.indicators) {
    const p = el('p');
    const input = document.createElement('input'); input.type = 'number'; input.step = 'any'; input.id = 'entry-' + ind.id; input.name = ind.id;
    if (ind.min !== null) input.min = String(ind.min);
    if (ind.max !== null) input.max = String(ind.max);
    const limits = (ind.min !== null || ind.max !== null) ? ', ' + (ind.min !== null ? ind.min : '') + ' – ' + (ind.max !== null ? ind.max : '') : '';
    const label = el('label', ind.name + ' (' + ind.unit + limits + ')'); label.htmlFor = input.id;
    p.appendChild(label); p.appendChild(document.createTextNode(' ')); p.appendChild(input); box.appendChild(p);
  }
}

async function sendEntry() {
  const i = current(); if (!i) return;
  const values = {};
  for (const input of $('entry-fields').querySelectorAll('input')) if (input.value.trim() !== '') values[input.name] = input.value.trim();
  const body = { period: $('entry-period').value.trim(), area: $('entry-area').value, values };
  const text = $('voice-text').value.trim();
  if (text) body.voice = { text, date: $('voice-date').value, consent: $('voice-consent').checked };
  setStatus('', () => t('uploading'));
  const r = await api('/api/initiatives/' + encodeURIComponent(i.id) + '/entries', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const b = r.body;
  if (r.status === 201) { state.issues = []; setStatus('good', () => t('saved', { rows: nf().format(b.rowsWritten), id: b.uploadId })); $('entry-form').reset(); }
  else if (r.status === 200 && b.duplicateOf) { state.issues = null; setStatus('good', () => t('duplicate', { id: b.duplicateOf })); }
  else if (r.status === 422 && b.issues) { state.issues = b.issues; setStatus('bad', () => t('rejected', { count: b.issues.length })); }
  else { state.issues = null; setStatus('bad', b.error ? b.error.message : String(r.status)); }
  renderIssues();
  await refresh();
}

function previewQuery() { return $('include-submitted').checked ? '&includeSubmitted=true' : ''; }

function renderEvaluation() {
  const box = $('evaluation-summary'); box.textContent = '';
  const ev = state.evaluation; const body = $('observations').querySelector('tbody'); body.textContent = '';
  if (!ev) return;
  if (ev.httpError) { box.appendChild(el('p', ev.httpError.message[state.lang])); return; }
  const add = (k, val, id) => { box.appendChild(el('dt', t(k))); const d = el('dd', val); if (id) d.id = id; box.appendChild(d); };
  const crit = $('criteria').querySelector('tbody'); crit.textContent = '';
  if (ev.result) {
    const v = ev.result.valuation;
    add('sroi', v.sroiRatio === null ? '—' : nf().format(v.sroiRatio), 'sroi');
    add('npv', new Intl.NumberFormat(state.lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(v.npv), 'npv');
    for (const c of ev.result.evaluation.criteria)
      crit.appendChild(rowOf([el('td', c.id), el('td', t('status_' + c.status)), numCell(c.value), numCell(c.target), el('td', c.deadline)]));
  } else if (ev.error) add('sroi', ev.error.message[state.lang], 'sroi');
  add('obsCurrent', nf().format(ev.observations.current), 'obs-current');
  add('uploads', nf().format(ev.uploads.count), 'uploads-count');
  for (const o of ev.observations.byIndicator)
    body.appendChild(rowOf([el('td', o.indicator), numCell(o.count), el('td', o.latestPeriod), numCell(o.latestValue)]));
}

function renderReport() {
  const frame = $('report-frame'); const msg = $('report-message');
  if (!state.report) { frame.classList.add('hidden'); msg.textContent = ''; return; }
  if (state.report.html !== undefined) { msg.textContent = ''; frame.classList.remove('hidden'); if (frame.srcdoc !== state.report.html) frame.srcdoc = state.report.html; }
  else { frame.classList.add('hidden'); msg.textContent = state.report.error.message[state.lang]; }
}

function renderAll() { renderStatic(); renderStatus(); renderIssues(); renderHistory(); renderEvaluation(); renderReport(); }

function current() { return state.initiatives.find((i) => i.id === $('initiative').value); }

async function refresh() {
  const i = current(); if (!i) return;
  $('upload-section').classList.toggle('hidden', !i.canWrite);
  $('read-only').textContent = i.canWrite ? '' : t('readOnly');
  const base = '/api/initiatives/' + encodeURIComponent(i.id);
  if (state.formFor !== i.id) { state.formFor = i.id; await loadForm(i); }
  const [h, e] = await Promise.all([api(base + '/uploads'), api(base + '/evaluation?' + previewQuery().slice(1))]);
  state.history = h.status === 200 ? h.body.uploads : [];
  state.evaluation = e.status === 200 ? e.body : { httpError: e.body.error };
  renderAll();
  await refreshReport();
}

async function refreshReport() {
  const i = current(); if (!i) return;
  $('report-message').textContent = t('reportLoading');
  const r = await api('/api/initiatives/' + encodeURIComponent(i.id) + '/report?lang=' + state.lang + '&view=' + $('report-view').value + previewQuery());
  state.report = r.status === 200 && typeof r.body === 'string' ? { html: r.body } : { error: r.body.error };
  renderReport();
}

async function login(token) {
  state.token = token;
  const me = await api('/api/me');
  if (me.status !== 200) { state.token = null; setStatus('bad', me.body.error.message); return; }
  try { sessionStorage.setItem('rendement.token', token); } catch (e) {}
  state.me = me.body.token;
  // A coalition sees its own uploads at once (a preview); a council or evaluator sees what counts, and approves.
  $('include-submitted').checked = state.me.role === 'coalition';
  const list = await api('/api/initiatives');
  state.initiatives = list.status === 200 ? list.body.initiatives : [];
  const sel = $('initiative'); sel.textContent = '';
  for (const i of state.initiatives) { const o = el('option', i.name + ' (' + i.id + ')'); o.value = i.id; sel.appendChild(o); }
  $('login-section').classList.add('hidden'); $('app').classList.remove('hidden');
  state.status = state.initiatives.length === 0 ? { kind: 'bad', text: () => t('noInitiatives') } : null;
  renderAll();
  await refresh();
}

function logout() {
  try { sessionStorage.removeItem('rendement.token'); } catch (e) {}
  Object.assign(state, { token: null, me: null, initiatives: [], status: null, issues: null, history: null, evaluation: null, report: null, formFor: null });
  $('app').classList.add('hidden'); $('login-section').classList.remove('hidden'); $('token').value = ''; renderAll();
}

async function upload(file) {
  const i = current(); if (!i || !file) return;
  setStatus('', () => t('uploading'));
  const dry = $('dry-run').checked;
  const url = '/api/initiatives/' + encodeURIComponent(i.id) + '/uploads?name=' + encodeURIComponent(file.name) + (dry ? '&dryRun=true' : '');
  const r = await api(url, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file });
  const b = r.body;
  if (r.status === 201) { state.issues = []; setStatus('good', () => t('saved', { rows: nf().format(b.rowsWritten), id: b.uploadId })); }
  else if (r.status === 200 && b.duplicateOf) { state.issues = null; setStatus('good', () => t('duplicate', { id: b.duplicateOf })); }
  else if (r.status === 200) { state.issues = []; setStatus('good', () => t('checked', { rows: nf().format(b.rowsRead) })); }
  else if (r.status === 422 && b.issues) { state.issues = b.issues; setStatus('bad', () => t('rejected', { count: b.issues.length })); }
  else { state.issues = null; setStatus('bad', b.error ? b.error.message : String(r.status)); }
  renderIssues();
  $('file').value = '';
  await refresh();
}

$('login-form').addEventListener('submit', (e) => { e.preventDefault(); const v = $('token').value.trim(); if (v) login(v); });
$('logout').addEventListener('click', logout);
function setLang(lang) { state.lang = lang; try { localStorage.setItem('rendement.lang', lang); } catch (e) {} renderAll(); if (state.token) refreshReport(); }
$('lang-nl').addEventListener('click', () => setLang('nl'));
$('lang-en').addEventListener('click', () => setLang('en'));
$('report-view').addEventListener('change', () => refreshReport());
$('include-submitted').addEventListener('change', () => refresh());
$('entry-form').addEventListener('submit', (e) => { e.preventDefault(); sendEntry(); });
$('initiative').addEventListener('change', () => { state.issues = null; state.status = null; refresh(); });
$('file').addEventListener('change', () => upload($('file').files[0]));
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer && e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]); });
renderAll();
let saved = null; try { saved = sessionStorage.getItem('rendement.token'); } catch (e) {}
if (saved) login(saved);
})();`;

const body = `<header>
  <h1 data-t="title"></h1>
  <div role="group" aria-label="Taal / Language">
    <button type="button" id="lang-nl" class="secondary" lang="nl">NL</button>
    <button type="button" id="lang-en" class="secondary" lang="en">EN</button>
  </div>
</header>
<main>
  <p id="status" role="status" aria-live="polite"></p>
  <section id="login-section">
    <form id="login-form">
      <label for="token" data-t="tokenLabel"></label>
      <input type="password" id="token" name="token" autocomplete="off" spellcheck="false" required>
      <button type="submit" id="login" data-t="login"></button>
    </form>
  </section>
  <div id="app" class="hidden">
    <section>
      <p><span id="who"></span> <button type="button" id="logout" class="secondary" data-t="logout"></button></p>
      <label for="initiative" data-t="initiative"></label> <select id="initiative"></select>
      <p id="read-only" class="muted"></p>
    </section>
    <section id="upload-section" aria-labelledby="upload-title">
      <h2 id="upload-title" data-t="uploadTitle"></h2>
      <div id="drop">
        <p id="drop-text" data-t="drop"></p>
        <label for="file" data-t="choose"></label>
        <input type="file" id="file" accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
      </div>
      <p><input type="checkbox" id="dry-run"> <label for="dry-run" data-t="dryRun"></label></p>
    </section>
    <section id="form-section" class="hidden" aria-labelledby="form-title">
      <h2 id="form-title" data-t="formTitle"></h2>
      <form id="entry-form">
        <p><label for="entry-period" data-t="formPeriod"></label> <input id="entry-period" required maxlength="10" autocomplete="off"></p>
        <p><label for="entry-area" data-t="formArea"></label> <select id="entry-area"></select></p>
        <div id="entry-fields"></div>
        <p><label for="voice-text" data-t="voiceText"></label><br><textarea id="voice-text" maxlength="1000" rows="3" cols="60"></textarea></p>
        <p><label for="voice-date" data-t="voiceDate"></label> <input type="date" id="voice-date"></p>
        <p><input type="checkbox" id="voice-consent"> <label for="voice-consent" data-t="voiceConsent"></label></p>
        <p><button type="submit" id="entry-submit" data-t="formSubmit"></button></p>
      </form>
    </section>
    <section id="issues-section" class="hidden" aria-labelledby="issues-title">
      <h2 id="issues-title" data-t="issuesTitle"></h2>
      <p id="issues-empty"></p>
      <table id="issues"><thead><tr><th scope="col" data-t="row"></th><th scope="col" data-t="column"></th><th scope="col" data-t="value"></th><th scope="col" data-t="problem"></th><th scope="col" data-t="fix"></th></tr></thead><tbody></tbody></table>
    </section>
    <section aria-labelledby="history-title">
      <h2 id="history-title" data-t="historyTitle"></h2>
      <p id="history-empty" class="muted"></p>
      <table id="history"><thead><tr><th scope="col" data-t="date"></th><th scope="col" data-t="file"></th><th scope="col" data-t="rows"></th><th scope="col" data-t="current"></th><th scope="col" data-t="by"></th><th scope="col">sha256</th><th scope="col" data-t="state"></th></tr></thead><tbody></tbody></table>
    </section>
    <section aria-labelledby="evaluation-title">
      <h2 id="evaluation-title" data-t="evaluationTitle"></h2>
      <p><input type="checkbox" id="include-submitted"> <label for="include-submitted" data-t="includeSubmitted"></label></p>
      <dl id="evaluation-summary"></dl>
      <table id="criteria"><caption data-t="criteriaTitle"></caption><thead><tr><th scope="col" data-t="criterion"></th><th scope="col" data-t="status"></th><th scope="col" data-t="value"></th><th scope="col" data-t="target"></th><th scope="col" data-t="deadline"></th></tr></thead><tbody></tbody></table>
      <table id="observations"><caption data-t="observationsTitle"></caption><thead><tr><th scope="col" data-t="indicator"></th><th scope="col" data-t="count"></th><th scope="col" data-t="latestPeriod"></th><th scope="col" data-t="latestValue"></th></tr></thead><tbody></tbody></table>
    </section>
    <section aria-labelledby="report-title">
      <h2 id="report-title" data-t="reportTitle"></h2>
      <label for="report-view" data-t="view"></label>
      <select id="report-view"><option value="council" data-t="viewCouncil"></option><option value="neighbourhood" data-t="viewNeighbourhood"></option></select>
      <p id="report-message" class="muted"></p>
      <iframe id="report-frame" class="hidden" sandbox="" title="Rapport / Report"></iframe>
    </section>
  </div>
</main>`;

/** The page's inline script, exactly as served (its hash goes into the CSP). */
export const pageScript = script;

/** The whole page. */
export const pageHtml = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>rendement</title>
<style>${style}</style>
</head>
<body>
${body}
<script>${script}</script>
</body>
</html>
`;
