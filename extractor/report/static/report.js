/* extractor report: renders the run data embedded in #report-data.
 * Every piece of text from the run goes into the page through textContent or an
 * attribute, never through HTML parsing, so article text cannot become markup. */
(function () {
  'use strict';

  const DATA = JSON.parse(document.getElementById('report-data').textContent);
  const T = DATA.totals;
  const number = new Intl.NumberFormat('en');
  const compact = new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

  // ------------------------------------------------------------------ helpers

  function el(tag, props, ...kids) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value == null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const kid of kids.flat(Infinity)) {
      if (kid == null || kid === false) continue;
      node.append(kid instanceof Node ? kid : String(kid));
    }
    return node;
  }

  /** Replace a node's children, skipping the absent ones (null: a note that does not apply). */
  function fill(node, ...kids) {
    node.replaceChildren(...kids.flat(Infinity).filter((k) => k != null && k !== false));
  }

  function svg(tag, attrs) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    return node;
  }

  /** Only web links become links: a javascript: or data: URL from an article stays text. */
  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }

  function fmtValue(v) {
    if (v == null) return '';
    return Math.abs(v) >= 1e6 ? compact.format(v) : plain.format(v);
  }

  const HEDGES = { '=': 'exactly', '~': 'about', '>': 'more than', '<': 'less than', '>=': 'at least', '<=': 'at most' };

  function direction(d) {
    if (d === 'up') return el('span', { class: 'up', title: 'rising' }, '▲ up');
    if (d === 'down') return el('span', { class: 'down', title: 'falling' }, '▼ down');
    return '';
  }

  function chips(values, cls) {
    return (values || []).map((v) => el('span', { class: 'chip' + (cls ? ' ' + cls : ''), title: v }, v));
  }

  /** A sentence with the figure between [start, end) marked. */
  // A sentence with its figure marked; `field` 'title' when it is the article's headline.
  function marked(text, start, end, field) {
    return el('p', { class: 'sentence' }, field === 'title' ? el('span', { class: 'muted small' }, 'headline: ') : null,
      text.slice(0, start), el('mark', {}, text.slice(start, end)), text.slice(end));
  }

  function provenanceList(record, withSentences) {
    const entries = record.provenance;
    const more = record.n_articles - entries.length;
    return el('ul', { class: 'prov' }, more > 0 ? el('li', { class: 'muted small' },
      `${number.format(record.n_articles)} articles; the first ${entries.length} are listed, one per outlet first.`) : null, entries.map((p) => {
      const url = safeUrl(p.url);
      const title = p.title || p.url || `article ${p.article}`;
      const where = el('div', { class: 'where' },
        el('span', { class: 'outlet' }, p.outlet || '(no outlet)'),
        p.published ? el('span', {}, p.published) : null,
        url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, title) : el('span', {}, title));
      const body = [];
      if (withSentences) {
        for (const s of p.sentences || []) body.push(marked(s[0], s[1], s[2], s[3]));
        if (!(p.sentences || []).length) body.push(el('p', { class: 'sentence muted' }, '(sentence not available)'));
      }
      return el('li', {}, where, body);
    }));
  }

  function kv(pairs) {
    return el('dl', { class: 'kv' }, pairs.filter((p) => p[1] != null && p[1] !== '' && !(Array.isArray(p[1]) && !p[1].length))
      .map(([k, v]) => [el('dt', {}, k), el('dd', {}, Array.isArray(v) ? v.join(', ') : v)]));
  }

  function capped(kind, shown, total, by) {
    if (shown >= total) return null;
    return el('div', { class: 'note' }, `This report embeds the ${number.format(shown)} ${kind} ${by} of ` +
      `${number.format(total)} in the run; use \`extractor query\` for the rest.`);
  }

  // Provenance entries name their article by position in DATA.sources (each article once).
  const SOURCES = DATA.sources.map(([article, outlet, title, url, published]) => ({ article, outlet, title, url, published }));
  for (const record of DATA.facts.concat(DATA.conflict_facts, DATA.quotes)) {
    record.provenance = record.provenance.map((p) => ({ ...SOURCES[p.a], sentences: p.sentences }));
  }

  const FACTS = new Map();
  for (const f of DATA.facts.concat(DATA.conflict_facts)) FACTS.set(f.id, f);
  const QUOTES = new Map(DATA.quotes.map((q) => [q.id, q]));
  const ENTITIES = new Map(DATA.entities.map((e) => [e.id, e]));

  function factLabel(f) {
    return [f.subject || '(no subject)', f.text, f.metric ? `(${f.metric})` : null, f.date].filter(Boolean).join(' · ');
  }

  // ------------------------------------------------------------------ table

  /** A filterable, sortable, paged table that renders only the rows of the visible page. */
  function table(opts) {
    const state = { words: [], sort: opts.sort, dir: opts.dir || -1, page: 0, grouped: !!opts.group, open: new Set() };
    const size = opts.pageSize || 50;
    const input = el('input', { type: 'search', placeholder: opts.placeholder, 'aria-label': opts.placeholder });
    const groupBox = opts.group ? el('input', { type: 'checkbox', checked: true }) : null;
    const count = el('span', { class: 'muted' });
    const tbody = el('tbody');
    const heads = opts.columns.map((c) => el('th', { class: c.num ? 'num' : null, scope: 'col', 'data-key': c.key,
      onclick: () => {
        if (state.sort === c.key) state.dir = -state.dir; else { state.sort = c.key; state.dir = c.num ? -1 : 1; }
        state.page = 0; sorted = null; render();
      } }, c.label));
    const prev = el('button', { type: 'button', onclick: () => { state.page--; render(); } }, '‹ Previous');
    const next = el('button', { type: 'button', onclick: () => { state.page++; render(); } }, 'Next ›');
    const where = el('span');
    let filtered = opts.rows;
    let sorted = null;
    const hay = new Map();

    function haystack(row) {
      let text = hay.get(row);
      if (text === undefined) { text = opts.text(row).join(' ').toLowerCase(); hay.set(row, text); }
      return text;
    }

    let timer = 0;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        state.words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
        filtered = state.words.length ? opts.rows.filter((r) => { const h = haystack(r); return state.words.every((w) => h.includes(w)); }) : opts.rows;
        state.page = 0; sorted = null; render();
      }, 120);
    });
    if (groupBox) groupBox.addEventListener('change', () => { state.grouped = groupBox.checked; sorted = null; render(); });

    function order() {
      const column = opts.columns.find((c) => c.key === state.sort);
      const rows = filtered.slice();
      rows.sort((a, b) => {
        const x = column.value(a), y = column.value(b);
        if (x == null && y == null) return 0;
        if (x == null) return 1;
        if (y == null) return -1;
        return (typeof x === 'string' ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0) * state.dir;
      });
      if (!state.grouped) return rows;
      // Groups in the order of their first row under the current sort; rows keep that sort inside.
      const groups = new Map();
      for (const row of rows) {
        const key = opts.group.key(row);
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(row);
      }
      return [].concat(...groups.values());
    }

    function render() {
      if (!sorted) sorted = order();
      const pages = Math.max(1, Math.ceil(sorted.length / size));
      state.page = Math.min(Math.max(state.page, 0), pages - 1);
      const first = state.page * size;
      const rows = sorted.slice(first, first + size);
      for (const th of heads) {
        if (th.dataset.key === state.sort) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
        else th.removeAttribute('aria-sort');
      }
      const out = [];
      let lastGroup;
      const groupSizes = state.grouped ? countGroups() : null;
      for (const row of rows) {
        if (state.grouped) {
          const key = opts.group.key(row);
          if (key !== lastGroup) {
            out.push(el('tr', { class: 'group' }, el('td', { colspan: opts.columns.length },
              opts.group.label(row), el('span', { class: 'count' }, opts.group.count(groupSizes.get(key))))));
            lastGroup = key;
          }
        }
        const open = state.open.has(row);
        const tr = el('tr', { class: 'row' + (open ? ' open' : ''), 'aria-expanded': opts.detail ? String(open) : null },
          opts.columns.map((c) => el('td', { class: c.num ? 'num' : null }, c.cell(row))));
        if (opts.detail) {
          const toggle = () => {
            if (state.open.has(row)) state.open.delete(row); else state.open.add(row);
            render();
          };
          tr.tabIndex = 0;
          tr.addEventListener('click', (event) => { if (!event.target.closest('a')) toggle(); });
          tr.addEventListener('keydown', (event) => {
            if (event.target === tr && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); toggle(); }
          });
        }
        out.push(tr);
        if (open) out.push(el('tr', { class: 'detail' }, el('td', { colspan: opts.columns.length }, opts.detail(row))));
      }
      if (!rows.length) out.push(el('tr', {}, el('td', { class: 'empty', colspan: opts.columns.length },
        opts.rows.length ? 'Nothing matches the filter.' : opts.empty)));
      tbody.replaceChildren(...out);
      count.textContent = `${number.format(sorted.length)} of ${number.format(opts.rows.length)} ${opts.noun}`;
      where.textContent = sorted.length ? `Rows ${number.format(first + 1)}–${number.format(first + rows.length)} · page ${state.page + 1} of ${pages}` : '';
      prev.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
    }

    function countGroups() {
      const sizes = new Map();
      for (const row of sorted) { const k = opts.group.key(row); sizes.set(k, (sizes.get(k) || 0) + 1); }
      return sizes;
    }

    const tools = el('div', { class: 'toolbar' }, input,
      groupBox ? el('label', {}, groupBox, opts.group.name) : null, count);
    const wrap = el('div', { class: 'table-wrap' }, el('table', { class: opts.className || null },
      el('thead', {}, el('tr', {}, heads)), tbody));
    render();
    return el('div', {}, tools, wrap, el('div', { class: 'pager' }, where, el('span', {}, prev, ' ', next)));
  }

  // ------------------------------------------------------------------ overview

  function stat(label, key, value, note) {
    return el('div', { class: 'card stat' }, el('div', { class: 'label' }, label),
      el('div', { class: 'value', 'data-count': key }, number.format(value)), note ? el('div', { class: 'sub' }, note) : null);
  }

  function overview() {
    const A = DATA.articles;
    const range = A.first ? (A.first === A.last ? A.first : `${A.first} → ${A.last}`) : 'no dates';
    document.getElementById('stats').replaceChildren(
      stat('Articles', 'articles', T.articles, A.undated ? `${number.format(A.undated)} without a date` : null),
      stat('Outlets', 'outlets', A.outlets, A.no_outlet ? (A.no_outlet === T.articles ? 'no article names one'
        : `${number.format(A.no_outlet)} article${A.no_outlet === 1 ? '' : 's'} without one`) : null),
      el('div', { class: 'card stat' }, el('div', { class: 'label' }, 'Date range'),
        el('div', { class: 'value range', 'data-range': '' }, range)),
      stat('Entities', 'entities', T.entities),
      stat('Facts', 'claims', T.claims, `merged from ${number.format(T.claim_mentions)} claims`),
      stat('Quotes', 'quotes', T.quotes, `merged from ${number.format(T.quote_mentions)} quotes`),
      stat('Conflicts', 'conflicts', T.conflicts, 'pairs of facts that disagree'),
      stat('Errors', 'errors', T.errors, 'inputs not used, or used with a warning'));

    const outlets = A.per_outlet.slice();
    if (A.other_outlets.articles) outlets.push({ outlet: `${number.format(A.other_outlets.outlets)} other outlets`, articles: A.other_outlets.articles });
    const max = Math.max(1, ...outlets.map((o) => o.articles));
    document.getElementById('chart-outlets').replaceChildren(outlets.length
      ? el('div', { class: 'bars' }, outlets.map((o) => [
        el('div', { class: 'name', title: o.outlet }, o.outlet),
        el('div', { class: 'track' }, el('div', { class: 'fill', style: `width:${(100 * o.articles / max).toFixed(2)}%` })),
        el('div', { class: 'n' }, number.format(o.articles))]))
      : el('p', { class: 'muted' }, 'No articles.'));
    dayChart(A);

    const R = DATA.run;
    document.getElementById('run-meta').textContent =
      `${R.folder} · ${R.started ? R.started.replace('T', ' ').replace('+00:00', ' UTC') : 'start time unknown'}`;
    document.title = `Extractor report · ${R.folder}`;
    fill(document.getElementById('run-info'), ...kv([
      ['Folder', R.folder], ['Started', R.started], ['Inputs', number.format(R.inputs)],
      ['Seconds', R.seconds != null ? number.format(R.seconds) : null],
      ['Model', R.model ? `${R.model} ${R.model_version || ''}` : null], ['extractor', R.package_version],
      ['Speakers', number.format(T.speakers)], ['Facts in conflict', number.format(T.conflicting_claims)]]).childNodes);
    const codes = Object.entries(R.error_counts || {}).sort((a, b) => b[1] - a[1]);
    document.getElementById('error-codes').replaceChildren(codes.length
      ? el('div', { class: 'bars' }, codes.map(([code, n]) => [el('div', { class: 'name' }, code),
        el('div', { class: 'track' }, el('div', { class: 'fill', style: `width:${(100 * n / codes[0][1]).toFixed(2)}%;background:var(--down)` })),
        el('div', { class: 'n' }, number.format(n))]))
      : el('p', { class: 'muted' }, 'No errors: every input was used.'));
    document.getElementById('footer').textContent =
      `Generated by extractor ${R.report_version} from ${R.folder}. A self-contained file: nothing is loaded from the network.`;
  }

  function dayChart(A) {
    let points = A.per_day.map((d) => ({ label: d.day, n: d.articles }));
    let unit = 'day';
    if (points.length > 120) {  // years of articles: months read better than thousands of slivers
      const months = new Map();
      for (const p of points) months.set(p.label.slice(0, 7), (months.get(p.label.slice(0, 7)) || 0) + p.n);
      points = [...months].map(([label, n]) => ({ label, n }));
      unit = 'month';
    }
    document.getElementById('chart-days-title').textContent = `Articles per ${unit}`;
    const box = document.getElementById('chart-days');
    if (!points.length) { box.replaceChildren(el('p', { class: 'muted' }, 'No article has a publication date.')); return; }
    const W = 600, H = 170, left = 36, bottom = 22, top = 8;
    const max = Math.max(...points.map((p) => p.n));
    const chart = svg('svg', { class: 'days', viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img' });
    const step = (W - left) / points.length;
    const bar = Math.max(1, Math.min(40, step * 0.8));
    chart.append(svg('line', { x1: left, x2: W, y1: H - bottom, y2: H - bottom }));
    for (const [value, y] of [[max, top], [0, H - bottom]]) {
      const t = svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }); t.textContent = number.format(value); chart.append(t);
    }
    points.forEach((p, i) => {
      const h = (H - bottom - top) * p.n / max;
      const r = svg('rect', { class: 'bar', x: left + i * step + (step - bar) / 2, y: H - bottom - h, width: bar, height: Math.max(h, 1), rx: 2 });
      const tip = svg('title'); tip.textContent = `${p.label}: ${number.format(p.n)} articles`; r.append(tip);
      chart.append(r);
    });
    const ends = points.length > 1 ? [[0, 'start'], [points.length - 1, 'end']] : [[0, 'middle']];
    for (const [i, anchor] of ends) {
      const x = anchor === 'middle' ? left + step / 2 : anchor === 'start' ? left : W;
      const t = svg('text', { x, y: H - 6, 'text-anchor': anchor }); t.textContent = points[i].label; chart.append(t);
    }
    box.replaceChildren(chart);
  }

  // ------------------------------------------------------------------ facts

  function factDetail(f) {
    const related = [];
    const conflicts = f.conflicts.map((id) => FACTS.get(id)).filter(Boolean);
    if (conflicts.length) related.push(el('div', { class: 'small' }, el('strong', { class: 'down' }, 'Disagrees with: '),
      conflicts.map(factLabel).join('; ')));
    const quotes = f.quotes.map((id) => QUOTES.get(id)).filter(Boolean);
    if (quotes.length) related.push(el('div', { class: 'small' }, el('strong', {}, 'Stated in quotes by: '),
      quotes.map((q) => q.speaker || '(unknown speaker)').join(', ')));
    return el('div', {},
      kv([['Metric', f.metric], ['Bounds', f.bounds ? `${f.bounds.low ?? '−∞'} … ${f.bounds.high ?? '∞'}` : null],
        ['Outlets', f.outlets], ['Articles', number.format(f.n_articles)], ['Id', f.id]]),
      related, el('h2', { style: 'margin-top:12px' }, 'Where it was reported'), provenanceList(f, true));
  }

  function facts() {
    const section = document.getElementById('tab-facts');
    const cols = [
      { key: 'subject', label: 'Subject', value: (f) => (f.subject || '').toLowerCase() || null, cell: (f) => f.subject || '—' },
      { key: 'figure', label: 'Figure', value: (f) => f.text.toLowerCase(),
        cell: (f) => [el('span', { class: 'figure' }, f.text), f.conflicts.length ? el('span', { class: 'conflict-flag', title: 'another fact disagrees' }, '≠ conflict') : null,
          f.metric ? el('span', { class: 'metric' }, f.metric) : null] },
      { key: 'value', label: 'Value', num: true, value: (f) => f.value, cell: (f) => fmtValue(f.value) },
      { key: 'unit', label: 'Unit', value: (f) => f.unit, cell: (f) => f.unit || '' },
      { key: 'hedge', label: 'Hedge', value: (f) => f.hedge, cell: (f) => el('span', { title: HEDGES[f.hedge] || '' }, f.hedge === '=' ? '' : `${f.hedge} ${HEDGES[f.hedge] || ''}`) },
      { key: 'direction', label: 'Change', value: (f) => f.direction, cell: (f) => direction(f.direction) },
      { key: 'date', label: 'Date', value: (f) => f.date, cell: (f) => f.date || '' },
      { key: 'sources', label: 'Sources', num: true, value: (f) => f.n_sources * 1e6 + f.n_articles, cell: (f) => el('span', { class: 'pill', title: (f.outlets || []).join(', ') }, f.n_sources) },
    ];
    fill(section,
      el('p', { class: 'muted' }, 'Numeric facts merged across articles: the same figure for the same subject reported by several outlets is one fact. Click a row for every outlet’s sentence, the figure highlighted.'),
      capped('facts', DATA.facts.length, T.claims, 'reported by the most sources'),
      table({ rows: DATA.facts, columns: cols, sort: 'sources', dir: -1, noun: 'facts', className: 'facts',
        placeholder: 'Filter by subject, outlet or words…', empty: 'The run found no numeric facts.',
        group: { name: 'Group by subject', key: (f) => f.subject_id || '', label: (f) => f.subject || '(no subject)',
          count: (n) => `${number.format(n)} fact${n === 1 ? '' : 's'}` },
        text: (f) => [f.subject, f.text, f.metric, f.unit, f.date, ...(f.outlets || []),
          ...f.provenance.flatMap((p) => [p.outlet, p.title, ...(p.sentences || []).map((s) => s[0])])],
        detail: factDetail }));
  }

  // ------------------------------------------------------------------ conflicts

  function side(f) {
    if (!f) return el('div', { class: 'card side muted' }, 'Not embedded in this report.');
    return el('div', { class: 'card side' },
      el('div', { class: 'subject' }, f.subject || '(no subject)'),
      el('div', { class: 'big' }, f.text, ' ', direction(f.direction)),
      kv([['Value', `${f.hedge !== '=' ? (HEDGES[f.hedge] || f.hedge) + ' ' : ''}${fmtValue(f.value)} ${f.unit || ''}`],
        ['Metric', f.metric], ['Date', f.date], ['Sources', number.format(f.n_sources)]]),
      provenanceList(f, true));
  }

  function conflicts() {
    const section = document.getElementById('tab-conflicts');
    const pairs = DATA.conflicts.map(([a, b]) => ({ a: FACTS.get(a), b: FACTS.get(b) }));
    const size = 10;
    let page = 0, shown = pairs;
    const input = el('input', { type: 'search', placeholder: 'Filter by subject, outlet or words…', 'aria-label': 'Filter conflicts' });
    const list = el('div', { class: 'pairs' });
    const info = el('span', { class: 'muted' });
    const where = el('span');
    const prev = el('button', { type: 'button', onclick: () => { page--; render(); } }, '‹ Previous');
    const next = el('button', { type: 'button', onclick: () => { page++; render(); } }, 'Next ›');
    const text = (f) => f ? [f.subject, f.text, f.metric, ...(f.outlets || []), ...f.provenance.flatMap((p) => (p.sentences || []).map((s) => s[0]))].join(' ').toLowerCase() : '';
    input.addEventListener('input', () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      shown = pairs.filter((p) => { const h = text(p.a) + ' ' + text(p.b); return words.every((w) => h.includes(w)); });
      page = 0; render();
    });
    function render() {
      const pages = Math.max(1, Math.ceil(shown.length / size));
      page = Math.min(Math.max(page, 0), pages - 1);
      const rows = shown.slice(page * size, page * size + size);
      list.replaceChildren(...(rows.length ? rows.map((p) => el('div', { class: 'pair' }, side(p.a), el('div', { class: 'vs' }, 'VS'), side(p.b)))
        : [el('div', { class: 'card muted' }, pairs.length ? 'Nothing matches the filter.' : 'No conflicts: no two facts about the same subject disagree.')]));
      info.textContent = `${number.format(shown.length)} of ${number.format(pairs.length)} pairs`;
      where.textContent = shown.length ? `page ${page + 1} of ${pages}` : '';
      prev.disabled = page === 0; next.disabled = page >= pages - 1;
    }
    render();
    fill(section,
      el('p', { class: 'muted' }, 'Facts about the same subject, metric and date whose figures disagree, side by side.'),
      capped('conflicting pairs', pairs.length, T.conflicts, 'between the most reported facts'),
      el('div', { class: 'toolbar' }, input, info), list, el('div', { class: 'pager' }, where, el('span', {}, prev, ' ', next)));
  }

  // ------------------------------------------------------------------ quotes, entities, errors

  /** One chip per outlet (linked to its first article with a web address), at most six. */
  function outletChips(record) {
    const outlets = new Map();
    for (const p of record.provenance) {
      const name = p.outlet || '(no outlet)';
      const seen = outlets.get(name) || { n: 0, url: null, title: null };
      seen.n += 1; seen.url = seen.url || safeUrl(p.url); seen.title = seen.title || p.title;
      outlets.set(name, seen);
    }
    const unlisted = record.n_articles - record.provenance.length;
    const chipsOut = [...outlets].slice(0, 6).map(([name, o]) => {
      const label = o.n > 1 ? `${name} ×${o.n}` : name;
      return o.url ? el('a', { class: 'chip', href: o.url, target: '_blank', rel: 'noopener noreferrer', title: o.title || o.url }, label)
        : el('span', { class: 'chip', title: o.title || '' }, label);
    });
    const hidden = [...outlets.values()].slice(6).reduce((sum, o) => sum + o.n, 0) + Math.max(0, unlisted);
    if (hidden) chipsOut.push(el('span', { class: 'muted small' }, `+${number.format(hidden)} more article${hidden === 1 ? '' : 's'}`));
    return chipsOut;
  }

  function quotes() {
    const spoken = new Map();
    for (const q of DATA.quotes) spoken.set(q.speaker_id, (spoken.get(q.speaker_id) || 0) + 1);
    const cols = [
      { key: 'speaker', label: 'Speaker', value: (q) => (q.speaker || '').toLowerCase() || null, cell: (q) => q.speaker || '—' },
      { key: 'text', label: 'Quote', value: (q) => q.text.toLowerCase(), cell: (q) => el('span', { class: 'quote-text' }, q.text) },
      { key: 'kind', label: 'Kind', value: (q) => q.kind, cell: (q) => el('span', { class: 'chip ' + q.kind }, q.kind) },
      { key: 'outlets', label: 'Outlets', value: (q) => (q.outlets[0] || '').toLowerCase() || null,
        cell: outletChips },
      { key: 'sources', label: 'Sources', num: true, value: (q) => q.n_sources * 1e6 + q.n_articles, cell: (q) => el('span', { class: 'pill' }, q.n_sources) },
    ];
    fill(document.getElementById('tab-quotes'),
      el('p', { class: 'muted' }, 'Quotes merged across articles (same speaker, same words), grouped by speaker, with the outlets that carry them.'),
      capped('quotes', DATA.quotes.length, T.quotes, 'carried by the most sources'),
      table({ rows: DATA.quotes, columns: cols, sort: 'sources', dir: -1, noun: 'quotes', placeholder: 'Filter by speaker, outlet or words…',
        empty: 'The run found no quotes.',
        group: { name: 'Group by speaker', key: (q) => q.speaker_id || '', label: (q) => q.speaker || '(unknown speaker)',
          count: (n) => `${number.format(n)} quote${n === 1 ? '' : 's'}` },
        text: (q) => [q.speaker, q.text, q.kind, ...q.outlets, ...q.provenance.map((p) => p.title)],
        detail: (q) => el('div', {}, kv([['Speaker', q.speaker], ['Kind', q.kind], ['Articles', number.format(q.n_articles)], ['Id', q.id]]),
          q.claims.length ? el('div', { class: 'small' }, el('strong', {}, 'States: '), q.claims.map((c) => FACTS.get(c)).filter(Boolean).map(factLabel).join('; ')) : null,
          el('h2', { style: 'margin-top:12px' }, 'Where it was reported'), provenanceList(q, false)) }));
  }

  function entities() {
    const cols = [
      { key: 'name', label: 'Name', value: (e) => e.name.toLowerCase(), cell: (e) => el('strong', {}, e.name) },
      { key: 'type', label: 'Type', value: (e) => e.type, cell: (e) => el('span', { class: 'chip type' }, e.type) },
      { key: 'aliases', label: 'Aliases', value: (e) => e.aliases.length, cell: (e) => chips(e.aliases) },
      { key: 'roles', label: 'Roles', value: (e) => (e.roles[0] || '').toLowerCase() || null, cell: (e) => e.roles.join('; ') },
      { key: 'mentions', label: 'Mentions', num: true, value: (e) => e.mentions, cell: (e) => number.format(e.mentions) },
      { key: 'articles', label: 'Articles', num: true, value: (e) => e.n_articles, cell: (e) => number.format(e.n_articles) },
      { key: 'claims', label: 'Facts', num: true, value: (e) => e.claims, cell: (e) => number.format(e.claims) },
      { key: 'quotes', label: 'Quotes', num: true, value: (e) => e.quotes, cell: (e) => number.format(e.quotes) },
    ];
    fill(document.getElementById('tab-entities'),
      el('p', { class: 'muted' }, 'People, organisations, places and other names, each merged across the corpus with the other forms it appears under.'),
      capped('entities', DATA.entities.length, T.entities, 'mentioned most'),
      table({ rows: DATA.entities, columns: cols, sort: 'mentions', dir: -1, noun: 'entities', placeholder: 'Filter by name, alias, type or role…',
        empty: 'The run found no entities.', text: (e) => [e.name, e.type, ...e.aliases, ...e.roles] }));
  }

  function errors() {
    const cols = [
      { key: 'path', label: 'Input', value: (e) => e.path, cell: (e) => e.path + (e.line ? `:${e.line}` : '') },
      { key: 'stage', label: 'Stage', value: (e) => e.stage, cell: (e) => e.stage },
      { key: 'error', label: 'Code', value: (e) => e.error, cell: (e) => el('span', { class: 'chip ' + (e.fatal ? 'fatal' : 'warning') }, e.error) },
      { key: 'fatal', label: 'Effect', value: (e) => (e.fatal ? 1 : 0), cell: (e) => (e.fatal ? 'not used' : 'used, with a warning') },
      { key: 'message', label: 'Why', value: (e) => e.message, cell: (e) => e.message },
    ];
    fill(document.getElementById('tab-errors'),
      el('p', { class: 'muted' }, 'Inputs that could not be used (or were used with a warning), and why.'),
      capped('errors', DATA.errors.length, T.errors, 'listed first'),
      table({ rows: DATA.errors, columns: cols, sort: 'path', dir: 1, noun: 'errors', placeholder: 'Filter by path, code or message…',
        empty: 'No errors: every input was used.', text: (e) => [e.path, e.stage, e.error, e.message] }));
  }

  // ------------------------------------------------------------------ graph

  const COLORS = { entity: '#4f46e5', claim: '#d97706', quote: '#0f9d76' };
  const EDGE_COLORS = { conflicts_with: '#b91c1c', works_for: '#6366f1', states: '#10b981' };
  let graphView = null;

  function graph() {
    const G = DATA.graph;
    const note = document.getElementById('graph-note');
    if (G.limited) {
      note.hidden = false;
      note.textContent = `Showing ${number.format(G.nodes.length)} of ${number.format(G.total_nodes)} nodes: the ` +
        `${number.format(G.nodes.filter((n) => n.kind === 'entity').length)} most connected entities, each with its most reported facts and quotes.`;
    }
    const canvas = document.getElementById('graph-canvas');
    const panel = document.getElementById('graph-panel');
    const ctx = canvas.getContext('2d');
    const nodes = G.nodes.map((n, i) => {
      const a = i * 2.399963, r = 12 * Math.sqrt(i + 1);  // a sunflower spiral: deterministic and evenly spread
      return { ...n, x: r * Math.cos(a), y: r * Math.sin(a), vx: 0, vy: 0, r: n.kind === 'entity' ? 6 + Math.min(10, 2 * Math.sqrt(n.degree || 1)) : 3 + Math.min(5, Math.sqrt(n.degree || 1)) };
    });
    const index = new Map(nodes.map((n) => [n.id, n]));
    const edges = G.edges.filter((e) => index.has(e.source) && index.has(e.target)).map((e) => ({ ...e, s: index.get(e.source), t: index.get(e.target) }));
    const view = { x: 0, y: 0, k: 1 };
    let selected = null, alpha = 1, frame = 0, width = 0, height = 0;
    const neighbours = new Map(nodes.map((n) => [n, new Set()]));
    for (const e of edges) { neighbours.get(e.s).add(e.t); neighbours.get(e.t).add(e.s); }

    // A force layout in the manner of d3-force: many-body repulsion, springy links whose
    // pull is shared by how connected each end is, a weak pull to the centre, and
    // velocity decay, all scaled by a cooling alpha.
    const degreeOf = new Map(nodes.map((n) => [n, 0]));
    for (const e of edges) { degreeOf.set(e.s, degreeOf.get(e.s) + 1); degreeOf.set(e.t, degreeOf.get(e.t) + 1); }
    const DECAY = 1 - Math.pow(0.001, 1 / 300);
    function tick() {
      const n = nodes.length;
      for (const e of edges) {
        let dx = e.t.x + e.t.vx - e.s.x - e.s.vx, dy = e.t.y + e.t.vy - e.s.y - e.s.vy;
        const d = Math.sqrt(dx * dx + dy * dy) || 1;
        const ds = degreeOf.get(e.s), dt = degreeOf.get(e.t);
        const l = (d - (e.kind === 'conflicts_with' ? 40 : 55)) / d * alpha / Math.min(ds, dt);
        dx *= l; dy *= l;
        const b = ds / (ds + dt);
        e.t.vx -= dx * b; e.t.vy -= dy * b; e.s.vx += dx * (1 - b); e.s.vy += dy * (1 - b);
      }
      for (let i = 0; i < n; i++) {
        const a = nodes[i];
        for (let j = i + 1; j < n; j++) {
          const b = nodes[j];
          let dx = b.x - a.x, dy = b.y - a.y, d2 = dx * dx + dy * dy;
          if (d2 > 160000) continue;
          if (d2 < 1) { dx = (i % 7) - 3 || 1; dy = (j % 5) - 2 || 1; d2 = dx * dx + dy * dy; }
          const w = alpha / d2;
          a.vx += dx * b.charge * w; a.vy += dy * b.charge * w;
          b.vx -= dx * a.charge * w; b.vy -= dy * a.charge * w;
        }
      }
      for (const a of nodes) {
        a.vx -= a.x * 0.04 * alpha; a.vy -= a.y * 0.04 * alpha;
        if (a.fixed) { a.vx = a.vy = 0; continue; }
        a.vx *= 0.6; a.vy *= 0.6;
        a.x += a.vx; a.y += a.vy;
      }
      alpha -= alpha * DECAY;
    }
    for (const a of nodes) a.charge = a.kind === 'entity' ? -140 : -50;

    function resize() {
      const box = canvas.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      width = box.width; height = box.height;
      canvas.width = Math.round(width * ratio); canvas.height = Math.round(height * ratio);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    }

    function fit() {
      if (!nodes.length) return;
      const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
      const w = Math.max(...xs) - Math.min(...xs) + 80, h = Math.max(...ys) - Math.min(...ys) + 80;
      view.k = Math.min(2, width / w, height / h);
      view.x = width / 2 - view.k * (Math.max(...xs) + Math.min(...xs)) / 2;
      view.y = height / 2 - view.k * (Math.max(...ys) + Math.min(...ys)) / 2;
    }

    function draw() {
      ctx.clearRect(0, 0, width, height);
      ctx.save();
      ctx.translate(view.x, view.y); ctx.scale(view.k, view.k);
      const near = selected ? neighbours.get(selected) : null;
      for (const e of edges) {
        const lit = selected && (e.s === selected || e.t === selected);
        ctx.globalAlpha = selected && !lit ? 0.12 : 0.55;
        ctx.strokeStyle = EDGE_COLORS[e.kind] || '#9ca3af';
        ctx.lineWidth = (e.kind === 'conflicts_with' ? 2 : 1) / view.k * (lit ? 2 : 1);
        ctx.setLineDash(e.kind === 'conflicts_with' ? [4 / view.k, 3 / view.k] : []);
        ctx.beginPath(); ctx.moveTo(e.s.x, e.s.y); ctx.lineTo(e.t.x, e.t.y); ctx.stroke();
      }
      ctx.setLineDash([]);
      for (const n of nodes) {
        const dim = selected && n !== selected && !near.has(n);
        ctx.globalAlpha = dim ? 0.2 : 1;
        ctx.fillStyle = COLORS[n.kind];
        ctx.beginPath(); ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI); ctx.fill();
        ctx.lineWidth = (n === selected ? 3 : 1.5) / view.k;
        ctx.strokeStyle = n === selected ? '#111827' : '#fff';
        ctx.stroke();
      }
      ctx.font = `${12 / view.k}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      for (const n of nodes) {
        const show = n === selected || (near && near.has(n)) || (n.kind === 'entity' && (view.k > 0.6 || n.degree > 3));
        if (!show) continue;
        const dim = selected && n !== selected && !near.has(n);
        ctx.globalAlpha = dim ? 0.25 : 1;
        const max = n === selected ? 48 : 24;
        const label = n.label.length > max ? n.label.slice(0, max - 1) + '…' : n.label;
        ctx.lineWidth = 3 / view.k; ctx.strokeStyle = 'rgba(255,255,255,0.9)'; ctx.fillStyle = '#1f2430';
        ctx.strokeText(label, n.x, n.y - n.r - 4 / view.k); ctx.fillText(label, n.x, n.y - n.r - 4 / view.k);
      }
      ctx.restore();
    }

    function loop() {
      if (alpha > 0.005) { tick(); frame = requestAnimationFrame(loop); }
      else frame = 0;
      draw();
    }

    function wake(level) { alpha = Math.max(alpha, level); if (!frame) frame = requestAnimationFrame(loop); }

    function at(clientX, clientY) {
      const box = canvas.getBoundingClientRect();
      const x = (clientX - box.left - view.x) / view.k, y = (clientY - box.top - view.y) / view.k;
      let best = null, bestD = Infinity;
      for (const n of nodes) {
        const d = Math.hypot(n.x - x, n.y - y);
        if (d <= n.r + 3 / view.k && d < bestD) { best = n; bestD = d; }
      }
      return best;
    }

    function show(n) {
      selected = n;
      if (!n) { panel.replaceChildren(el('p', { class: 'muted' }, 'Click a node to see its record.')); draw(); return; }
      const head = [el('div', { class: 'kind', style: `color:${COLORS[n.kind]}` }, n.kind)];
      let body;
      if (n.kind === 'entity') {
        const e = ENTITIES.get(n.id) || n.record || { name: n.label };
        head.push(el('h3', {}, e.name));
        body = kv([['Type', e.type], ['Aliases', e.aliases], ['Roles', (e.roles || []).join('; ')], ['Mentions', e.mentions != null ? number.format(e.mentions) : null],
          ['Articles', e.n_articles != null ? number.format(e.n_articles) : null], ['Facts', e.claims != null ? number.format(e.claims) : null],
          ['Quotes', e.quotes != null ? number.format(e.quotes) : null], ['Id', n.id]]);
      } else if (n.kind === 'claim') {
        const f = FACTS.get(n.id);
        head.push(el('h3', {}, f.text));
        body = el('div', {}, kv([['Subject', f.subject], ['Value', fmtValue(f.value)], ['Unit', f.unit], ['Hedge', HEDGES[f.hedge]],
          ['Change', f.direction], ['Metric', f.metric], ['Date', f.date], ['Sources', number.format(f.n_sources)], ['Id', f.id]]),
          provenanceList(f, true));
      } else {
        const q = QUOTES.get(n.id);
        head.push(el('h3', { class: 'quote-text' }, q.text));
        body = el('div', {}, kv([['Speaker', q.speaker], ['Kind', q.kind], ['Sources', number.format(q.n_sources)], ['Id', q.id]]),
          provenanceList(q, false));
      }
      const links = [...neighbours.get(n)].map((m) => el('li', {}, el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); show(m); } },
        `${m.kind}: ${m.label.length > 70 ? m.label.slice(0, 69) + '…' : m.label}`)));
      panel.replaceChildren(el('div', { 'data-node': n.id }, head, body,
        links.length ? [el('h2', { style: 'margin-top:14px' }, 'Connected'), el('ul', { class: 'small' }, links)] : null));
      draw();
    }

    let drag = null;
    canvas.addEventListener('pointerdown', (ev) => {
      const n = at(ev.clientX, ev.clientY);
      drag = { n, x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false };
      canvas.setPointerCapture(ev.pointerId);
      canvas.classList.add('dragging');
    });
    canvas.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      if (!drag.moved) return;
      if (drag.n) {
        const box = canvas.getBoundingClientRect();
        drag.n.x = (ev.clientX - box.left - view.x) / view.k; drag.n.y = (ev.clientY - box.top - view.y) / view.k;
        drag.n.fixed = true; wake(0.1);
      } else { view.x = drag.vx + dx; view.y = drag.vy + dy; }
      draw();
    });
    canvas.addEventListener('pointerup', (ev) => {
      if (drag && !drag.moved) show(at(ev.clientX, ev.clientY));
      drag = null; canvas.classList.remove('dragging');
    });
    canvas.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const box = canvas.getBoundingClientRect();
      const mx = ev.clientX - box.left, my = ev.clientY - box.top;
      const k = Math.min(8, Math.max(0.1, view.k * Math.exp(-ev.deltaY * 0.0015)));
      view.x = mx - (mx - view.x) * k / view.k; view.y = my - (my - view.y) * k / view.k; view.k = k;
      draw();
    }, { passive: false });
    document.getElementById('graph-reset').addEventListener('click', () => { fit(); draw(); });
    window.addEventListener('resize', () => { if (!canvas.offsetParent) return; resize(); draw(); });

    resize();
    for (let i = 0; i < 300 && alpha > 0.02; i++) tick();  // settle before the first paint
    alpha = Math.min(alpha, 0.05);
    fit();
    if (!nodes.length) panel.replaceChildren(el('p', { class: 'muted' }, 'The run has no entities, facts or quotes to draw.'));
    loop();
    return {
      /** Where a node is on screen (client coordinates), for automation and tests. */
      point(id) {
        const n = index.get(id); if (!n) return null;
        const box = canvas.getBoundingClientRect();
        return { x: box.left + view.x + n.x * view.k, y: box.top + view.y + n.y * view.k };
      },
      ids: () => nodes.map((n) => n.id),
    };
  }

  // ------------------------------------------------------------------ tabs

  const RENDER = { facts, conflicts, quotes, entities, errors };
  const done = new Set();
  const buttons = [...document.querySelectorAll('#tabs button')];

  function open(name) {
    if (!buttons.some((b) => b.dataset.tab === name)) name = 'overview';
    for (const b of buttons) b.setAttribute('aria-selected', String(b.dataset.tab === name));
    for (const s of document.querySelectorAll('section.tab')) s.hidden = s.id !== 'tab-' + name;
    if (!done.has(name)) {
      done.add(name);
      if (RENDER[name]) RENDER[name]();
      if (name === 'graph') graphView = graph();
    }
    if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
  }

  for (const b of buttons) b.addEventListener('click', () => open(b.dataset.tab));
  for (const badge of document.querySelectorAll('[data-badge]')) badge.textContent = compact.format(T[badge.dataset.badge]).replace(' thousand', 'k').replace(' million', 'M');
  overview();
  open(location.hash.slice(1) || 'overview');
  window.addEventListener('hashchange', () => open(location.hash.slice(1)));

  window.extractorReport = {
    open,
    graphNodePoint: (id) => (graphView ? graphView.point(id) : null),
    graphNodeIds: () => (graphView ? graphView.ids() : []),
  };
})();
