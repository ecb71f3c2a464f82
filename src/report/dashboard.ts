/**
 * The history dashboard: one self-contained static HTML page (uPlot inlined, no CDN, no server),
 * one chart per check and metric over commits, change points marked, each point linking to its
 * commit, a filter by check and metric, light and dark themes. Pure: data and assets in, HTML out.
 *
 * Store text (check names, metric ids, versions) reaches the page only as JSON inside a
 * `<script type="application/json">` with `<` escaped, and the page script writes it with
 * `textContent`, never as HTML. Commit links are built only from hex SHAs under an http(s) base URL.
 * A Content-Security-Policy allows nothing but the inline script and style.
 */
import type { MetricHistory } from '../analyze/history-analysis.js';
import { creepLine } from '../analyze/creep.js';
import { describeMetric } from '../metrics.js';
import { escapeHtml, safeUrl } from './escape.js';

export interface DashboardChart {
  check: string;
  metric: string;
  instance: string;
  unit: 'bytes' | 'count';
  commits: string[];
  dates: string[];
  versions: string[];
  values: number[];
  spreads: number[];
  changes: {
    index: number;
    commit: string;
    before: number;
    after: number;
    relative: number;
    probability: number;
  }[];
  creep: string | null;
}

export interface DashboardData {
  title: string;
  generatedAt: string;
  /** `<repo>/commit/` or null when there is no repository URL. */
  commitUrl: string | null;
  /** Permutations behind each change point's p-value. */
  permutations: number;
  charts: DashboardChart[];
}

export interface DashboardAssets {
  uplotJs: string;
  uplotCss: string;
  uplotVersion: string;
}

/** The page data of the analysed histories of several checks. */
export function dashboardData(
  histories: readonly { check: string; metrics: readonly MetricHistory[] }[],
  opts: { title?: string; repoUrl?: string; now: Date; permutations: number },
): DashboardData {
  const repo = safeUrl(opts.repoUrl);
  const charts = histories.flatMap(({ check, metrics }) =>
    metrics.map((m): DashboardChart => ({
      check,
      metric: m.metric,
      instance: m.instance,
      unit: describeMetric(m.metric).unit,
      commits: m.points.map((p) => p.commit),
      dates: m.points.map((p) => p.date),
      versions: m.points.map((p) => p.version),
      values: m.values,
      spreads: m.points.map((p) => p.metrics[m.metric].spread),
      changes: m.changes.map((c) => ({
        index: c.index,
        commit: c.commit,
        before: c.before,
        after: c.after,
        relative: Number.isFinite(c.relative) ? c.relative : 0,
        probability: c.probability,
      })),
      creep: m.creep ? creepLine(m.creep, { format: 'text' }) : null,
    })),
  );
  return {
    title: opts.title ?? 'memgate: memory over time',
    generatedAt: opts.now.toISOString(),
    commitUrl: repo ? `${repo.replace(/\/+$/, '')}/commit/` : null,
    permutations: opts.permutations,
    charts,
  };
}

/** JSON that is safe inside `<script>`: no `</script>`, no `<!--`, no line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLE = `
:root { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --card: #f6f8fa; --border: #d1d9e0;
  --line: #0969da; --fill: rgba(9, 105, 218, 0.08); --cp: #cf222e; --grid: rgba(0, 0, 0, 0.08); color-scheme: light; }
:root[data-theme='dark'] { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --card: #151b23; --border: #3d444d;
  --line: #4493f8; --fill: rgba(68, 147, 248, 0.12); --cp: #ff7b72; --grid: rgba(255, 255, 255, 0.1); color-scheme: dark; }
@media (prefers-color-scheme: dark) { :root:not([data-theme='light']) { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1;
  --card: #151b23; --border: #3d444d; --line: #4493f8; --fill: rgba(68, 147, 248, 0.12); --cp: #ff7b72;
  --grid: rgba(255, 255, 255, 0.1); color-scheme: dark; } }
body { margin: 0; padding: 16px 24px; background: var(--bg); color: var(--fg);
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif; }
header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 12px; }
header h1 { font-size: 20px; margin: 0 16px 0 0; }
select, button { background: var(--card); color: var(--fg); border: 1px solid var(--border); border-radius: 6px; padding: 4px 8px; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 12px; margin: 0 0 16px; }
.card h2 { font-size: 15px; margin: 0 0 4px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.meta, .hover { color: var(--muted); font-size: 12px; min-height: 18px; }
.creep { color: var(--cp); font-weight: 600; }
.changes { margin: 4px 0 0; padding-left: 18px; font-size: 12px; }
a { color: var(--line); }
.uplot, .u-legend { color: var(--fg); }
footer { color: var(--muted); font-size: 12px; }
`;

/* The page script. Plain ES5-style browser code, run once: it reads the JSON, fills the filters,
 * and draws one uPlot chart per visible series; change points are dashed vertical lines. */
const CLIENT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('memgate-data').textContent);
  var root = document.documentElement;
  var list = document.getElementById('charts');
  var checkSel = document.getElementById('filter-check');
  var metricSel = document.getElementById('filter-metric');
  var state = { charts: [] };
  window.memgateDashboard = state;

  function option(sel, value) {
    var o = document.createElement('option'); o.value = value; o.textContent = value === '' ? 'all' : value; sel.appendChild(o);
  }
  function uniq(key) {
    var seen = {}; return data.charts.map(function (c) { return c[key]; }).filter(function (v) { return seen[v] ? false : (seen[v] = true); }).sort();
  }
  option(checkSel, ''); uniq('check').forEach(function (v) { option(checkSel, v); });
  option(metricSel, ''); uniq('metric').forEach(function (v) { option(metricSel, v); });

  function cssVar(name) { return getComputedStyle(root).getPropertyValue(name).trim(); }
  function fmt(unit, v) {
    if (v == null || !isFinite(v)) return '';
    if (unit !== 'bytes') return String(Math.round(v * 100) / 100);
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'], i = 0, a = Math.abs(v);
    while (a >= 1024 && i < units.length - 1) { a /= 1024; i++; }
    return (v < 0 ? '-' : '') + a.toFixed(i === 0 ? 0 : 1) + ' ' + units[i];
  }
  /* Tick labels in one unit, with as many decimals as the tick step needs to tell them apart. */
  function axisLabels(unit, splits) {
    var units = unit === 'bytes' ? ['B', 'KiB', 'MiB', 'GiB', 'TiB'] : [''], i = 0, f = 1;
    var max = Math.max.apply(null, splits.map(Math.abs));
    while (max / f >= 1024 && i < units.length - 1) { f *= 1024; i++; }
    var step = splits.length > 1 ? Math.abs(splits[1] - splits[0]) / f : 1;
    var d = Math.min(4, Math.max(0, Math.ceil(-Math.log10(step || 1))));
    return splits.map(function (v) { return (v / f).toFixed(d) + (units[i] ? ' ' + units[i] : ''); });
  }
  function pValue(p) { return p === 0 ? 'p<' + (1 / (data.permutations + 1)).toFixed(3) : 'p=' + p.toFixed(3); }
  function pct(r) { return (r > 0 ? '+' : '') + (r * 100).toFixed(1) + '%'; }
  function commitLink(sha) {
    if (!data.commitUrl || !/^[0-9a-f]{7,64}$/i.test(sha)) return null;
    return data.commitUrl + sha;
  }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function linkOrText(sha) {
    var href = commitLink(sha), e = el(href ? 'a' : 'code', null, sha.slice(0, 12));
    if (href) { e.href = href; e.rel = 'noopener'; }
    return e;
  }

  function changePlugin(chart) {
    return { hooks: { draw: [function (u) {
      var ctx = u.ctx, top = u.bbox.top, h = u.bbox.height;
      ctx.save(); ctx.strokeStyle = cssVar('--cp'); ctx.lineWidth = 2 * devicePixelRatio; ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
      chart.changes.forEach(function (c) {
        var x = Math.round(u.valToPos(c.index - 0.5, 'x', true));
        ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + h); ctx.stroke();
      });
      ctx.restore();
    }] } };
  }

  function card(chart) {
    var box = el('section', 'card');
    box.dataset.check = chart.check; box.dataset.metric = chart.metric;
    box.appendChild(el('h2', null, chart.check + (chart.instance ? ' #' + chart.instance : '') + ' \u00b7 ' + chart.metric));
    var last = chart.values.length - 1;
    box.appendChild(el('div', 'meta', chart.values.length + ' commits, latest ' + fmt(chart.unit, chart.values[last]) +
      ' (v' + chart.versions[last] + '), ' + chart.changes.length + ' change point' + (chart.changes.length === 1 ? '' : 's')));
    if (chart.creep) box.appendChild(el('div', 'creep', chart.creep));
    var plot = el('div', 'plot'); box.appendChild(plot);
    var hover = el('div', 'hover', 'Hover a point to see its commit; click it to open the commit.'); box.appendChild(hover);
    if (chart.changes.length) {
      var ul = el('ul', 'changes');
      chart.changes.forEach(function (c) {
        var li = el('li', null, 'change point at '); li.appendChild(linkOrText(c.commit));
        li.appendChild(document.createTextNode(': ' + fmt(chart.unit, c.before) + ' \u2192 ' + fmt(chart.unit, c.after) + ' (' + pct(c.relative) + ', ' + pValue(c.probability) + ')'));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    return { box: box, plot: plot, hover: hover };
  }

  function draw(chart, parts) {
    var xs = chart.values.map(function (_, i) { return i; });
    var width = Math.max(320, Math.min(list.clientWidth - 26, 1200));
    var opts = {
      width: width, height: 240, legend: { show: false },
      scales: { x: { time: false } },
      axes: [
        { stroke: cssVar('--muted'), grid: { stroke: cssVar('--grid') }, values: function (u, splits) {
          return splits.map(function (i) { var s = chart.commits[i]; return s && i === Math.round(i) ? s.slice(0, 7) : ''; }); } },
        { stroke: cssVar('--muted'), grid: { stroke: cssVar('--grid') }, size: 80, values: function (u, splits) {
          return axisLabels(chart.unit, splits); } }
      ],
      series: [{}, { label: chart.metric, stroke: cssVar('--line'), fill: cssVar('--fill'), width: 2, points: { show: true, size: 6, fill: cssVar('--line') } }],
      cursor: { points: { size: 10 } },
      plugins: [changePlugin(chart)],
      hooks: { setCursor: [function (u) {
        var i = u.cursor.idx; if (i == null) return;
        parts.hover.textContent = '';
        parts.hover.appendChild(linkOrText(chart.commits[i]));
        parts.hover.appendChild(document.createTextNode('  ' + chart.dates[i].slice(0, 10) + '  v' + chart.versions[i] + '  ' + fmt(chart.unit, chart.values[i]) + ' \u00b1 ' + fmt(chart.unit, chart.spreads[i])));
      }] }
    };
    var u = new uPlot(opts, [xs, chart.values], parts.plot);
    u.over.addEventListener('click', function () {
      var i = u.cursor.idx, href = i == null ? null : commitLink(chart.commits[i]);
      if (href) window.open(href, '_blank', 'noopener');
    });
    return u;
  }

  function render() {
    state.charts.forEach(function (c) { c.plot.destroy(); });
    state.charts = [];
    list.textContent = '';
    data.charts.forEach(function (chart) {
      if (checkSel.value && chart.check !== checkSel.value) return;
      if (metricSel.value && chart.metric !== metricSel.value) return;
      var parts = card(chart); list.appendChild(parts.box);
      state.charts.push({ check: chart.check, metric: chart.metric, points: chart.values.length, plot: draw(chart, parts) });
    });
    if (!state.charts.length) list.appendChild(el('p', 'meta', 'No history matches the filter.'));
  }

  var params = new URLSearchParams(location.search);
  if (params.get('check')) checkSel.value = params.get('check');
  if (params.get('metric')) metricSel.value = params.get('metric');
  if (params.get('theme') === 'dark' || params.get('theme') === 'light') root.dataset.theme = params.get('theme');
  checkSel.addEventListener('change', render);
  metricSel.addEventListener('change', render);
  document.getElementById('theme').addEventListener('click', function () {
    var dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    root.dataset.theme = dark ? 'light' : 'dark';
    render();
  });
  render();
}());
`;

/** The whole page. */
export function renderDashboard(data: DashboardData, assets: DashboardAssets): string {
  const title = escapeHtml(data.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="memgate">
<title>${title}</title>
<style>${assets.uplotCss}</style>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<label>check <select id="filter-check"></select></label>
<label>metric <select id="filter-metric"></select></label>
<button id="theme" type="button">light / dark</button>
</header>
<main id="charts"></main>
<footer>Generated ${escapeHtml(data.generatedAt)} by memgate from the history files of the baseline store. Charts: uPlot ${escapeHtml(assets.uplotVersion)} (MIT).</footer>
<script type="application/json" id="memgate-data">${scriptJson(data)}</script>
<script>${assets.uplotJs}</script>
<script>${CLIENT}</script>
</body>
</html>
`;
}
