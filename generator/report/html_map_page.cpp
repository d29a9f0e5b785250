// The fixed text of the map page. Data never goes through innerHTML: the
// script builds elements and sets textContent, since names and notes come
// from many hands.
#include "report/html_map_page.hpp"

namespace sheetgen::html_page {

const char* const kHeadStart = R"HTML(<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>取扱注意 要配慮世帯マップ (sheetgen)</title>
)HTML";

const char* const kStyle = R"CSS(
* { box-sizing: border-box; }
/* The scroll bar is always there: the table must not narrow the map once it is built (a resize redraws every layer). */
html { overflow-y: scroll; }
body { margin: 0; font-family: "IPAexGothic", "Noto Sans CJK JP", "Hiragino Sans", "Meiryo", sans-serif; font-size: 14px; color: #222; }
#handle { background: #b00020; color: #fff; font-weight: bold; padding: 6px 12px; font-size: 15px; }
header { padding: 6px 12px; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: baseline; border-bottom: 1px solid #ccc; }
header h1 { font-size: 18px; margin: 0; }
#meta, #tilesource { color: #555; font-size: 12px; }
#lang { margin-left: auto; }
#main { display: flex; height: 62vh; min-height: 360px; }
#map { flex: 1; background: #f4f4f0; }
#legend { width: 230px; overflow-y: auto; padding: 6px 10px; font-size: 12px; border-left: 1px solid #ccc; }
#legend h3 { font-size: 13px; margin: 8px 0 4px; }
#legend .credit { color: #555; font-size: 11px; margin: 2px 0; }
.lg { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.sw { display: inline-block; width: 16px; height: 12px; border: 1px solid #999; flex: none; }
.dot { display: inline-block; width: 14px; height: 14px; border-radius: 50%; border: 2px solid #222; flex: none; }
#filters { padding: 6px 12px; display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; border-top: 1px solid #ccc; }
#filters label { font-size: 12px; }
#filters select { max-width: 240px; }
td.codes { font-size: 11px; color: #444; max-width: 420px; }
#count { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { border: 1px solid #ccc; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; cursor: pointer; user-select: none; position: sticky; top: 0; }
th.sorted-asc::after { content: " \25B2"; }
th.sorted-desc::after { content: " \25BC"; }
tbody tr:hover { background: #fff7d6; }
tbody tr.sel { background: #ffe08a; }
td.lv { font-weight: bold; text-align: center; }
.lvA { color: #fff; background: #d62828; } .lvB { background: #f77f00; color: #fff; }
.lvC { background: #fcbf49; } .lvD { background: #bdbdbd; }
.pop h4 { margin: 0 0 4px; font-size: 14px; }
.pop table { font-size: 12px; width: 100%; }
.pop th { position: static; cursor: default; background: #f3f3f3; white-space: nowrap; }
.pop td { overflow-wrap: anywhere; }
.pop ul { margin: 4px 0 0 16px; padding: 0; }
.pop h5 { margin: 4px 0 2px; font-size: 13px; color: #1565c0; }
.pop ul.changes { margin-bottom: 6px; color: #0d3c78; }
.warn { color: #b00020; font-weight: bold; }
#errors { display: none; white-space: pre-wrap; color: #b00020; }
.leaflet-container { font: inherit; }
@media print {
  @page { size: A4 portrait; margin: 10mm; }
  body { font-size: 9pt; }
  #main, #filters, #lang, #errors, #more { display: none !important; }
  #handle { background: none; color: #000; border: 2px solid #000; }
  header { border: none; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  th { position: static; background: #ddd; }
  th.sorted-asc::after, th.sorted-desc::after { content: ""; }
  tbody tr.sel { background: none; }
  .lvA, .lvB, .lvC, .lvD { background: none !important; color: #000 !important; }
  td.codes { font-size: 6.5pt; max-width: none; width: 34%; }
  td:nth-child(2) { white-space: nowrap; }
}
)CSS";

const char* const kErrorRecorder = R"HTML(<script>
// Errors are recorded into the page (data-errors, #errors) so a headless test sees them.
(function () {
  var errs = [];
  function record(msg) {
    errs.push(String(msg));
    document.documentElement.setAttribute('data-errors', String(errs.length));
    var el = document.getElementById('errors');
    if (el) el.textContent = errs.join('\n');
  }
  window.sheetgenRecordError = record;
  window.addEventListener('error', function (e) { record(e.message || 'error'); });
  window.addEventListener('unhandledrejection', function (e) { record('unhandled rejection: ' + e.reason); });
  var ce = console.error;
  console.error = function () { record(Array.prototype.join.call(arguments, ' ')); if (ce) ce.apply(console, arguments); };
  document.documentElement.setAttribute('data-errors', '0');
})();
</script>
)HTML";

const char* const kBody = R"HTML(<body>
<div id="handle" data-i18n="handle">取扱注意：要配慮個人情報を含みます。目的外の利用・持ち出し・共有をしないでください。</div>
<header>
<h1 data-i18n="title">要配慮世帯マップ</h1>
<span id="meta"></span>
<span id="tilesource"></span>
<button id="lang" type="button">English</button>
</header>
<div id="main">
<div id="map" role="application" aria-label="map"></div>
<div id="legend"></div>
</div>
<div id="filters">
<label><span data-i18n="f_level">優先度</span> <select id="f-level"></select></label>
<label><span data-i18n="f_action">行動</span> <select id="f-action"></select></label>
<label><span data-i18n="f_district">地区</span> <select id="f-district"></select></label>
<label><span data-i18n="f_device">機器</span> <select id="f-device"></select></label>
<label><span data-i18n="f_reason">理由コード</span> <select id="f-reason"></select></label>
<label id="f-change-label" style="display:none"><span data-i18n="f_change">変化</span> <select id="f-change"></select></label>
<span id="count"></span>
</div>
<div id="errors"></div>
<table id="list"><thead><tr id="head"></tr></thead><tbody id="rows"></tbody></table>
<button id="more" type="button" style="display:none"></button>
)HTML";

const char* const kApp = R"JS(
(function () {
  'use strict';
  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  var C = json('config'), Z = json('zones'), S = json('shelters'), SENT = json('sentences'), FIELDS = json('fields');
  // Each household is a row of values named by the field list; a text value
  // and every sentence is a number into the sentence table (each is stored
  // once in the page). A value missing at the end of a row is null.
  function sentences(list) { return list ? list.map(function (i) { return SENT[i]; }) : list; }
  var NAMES = FIELDS.names, TEXT = {};
  FIELDS.text.forEach(function (i) { TEXT[i] = true; });
  var H = json('households').map(function (row) {
    var h = {};
    for (var i = 0; i < NAMES.length; i++) {
      var v = i < row.length ? row[i] : null;
      h[NAMES[i]] = TEXT[i] ? SENT[v] : v;
    }
    h.rj = sentences(h.rj); h.re = sentences(h.re);
    h.al = sentences(h.al);  // action, [ja, en], worded as in the CSV
    h.sl = sentences(h.sl);  // when to set out, [ja, en]
    h.cj = sentences(h.cj); h.ce = sentences(h.ce);  // diff --html: what changed
    return h;
  });
  var hash = {};
  location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
    if (!kv) return;
    var i = kv.indexOf('=');
    hash[decodeURIComponent(i < 0 ? kv : kv.slice(0, i))] = i < 0 ? '1' : decodeURIComponent(kv.slice(i + 1));
  });
  var lang = hash.lang === 'en' ? 'en' : 'ja';
  var T = {
    ja: {
      handle: '取扱注意：要配慮個人情報を含みます。目的外の利用・持ち出し・共有をしないでください。',
      title: '要配慮世帯マップ', f_level: '優先度', f_action: '行動', f_district: '地区', f_device: '機器',
      f_reason: '理由コード', all: 'すべて', shown: '表示', of: '件中', households: '世帯',
      asof: '基準日', hazards: 'ハザード', tiles: '背景地図の出典: ', notiles: '背景地図なし（オフライン）',
      id: 'ID', name: '氏名', district: '地区', level: '優先度', action: '行動', start: '避難開始',
      safe_floor: '安全な階', power: '停電時の電源', dest: '避難先', distance: '距離', reasons: '理由',
      codes: '理由コード', flee: '逃げ遅れたとき', floor: '階', hours: '時間',
      sheet: '支援シート (PDF)', plan: '避難計画 (PDF)', approx: '位置は概略です', blackout: '停電リスク',
      lg_levels: '世帯（優先度）', lg_marks: '印', lg_blackout: '停電で機器の電源が72時間もたない',
      lg_approx: '位置が概略（点線）', lg_zones: '浸水想定区域（深さ）', lg_collapse: '家屋倒壊等氾濫想定区域（赤い枠）',
      lg_landslide: '土砂災害警戒区域（茶色の斜線）', lg_shelters: '避難先（白抜きの丸）', none: 'なし',
      lg_kind: '（破線・色は浸水深）',
      depth: '想定浸水深', devices: '機器', depth_l1: '浸水深（計画規模）', depth_l2: '浸水深（想定最大規模）',
      title_changes: 'ハザードマップ改訂による変化', changes: '前回からの変更', f_change: '変化',
      removed: '前回のデータにだけある世帯（CSVを参照）', lg_changed: '変化のある世帯（青い輪）',
      lg_credits: '出典'
    },
    en: {
      handle: 'CONFIDENTIAL: sensitive personal (medical) data. Do not use, copy or share it beyond its purpose.',
      title: 'Households at risk: map', f_level: 'Priority', f_action: 'Action', f_district: 'District', f_device: 'Device',
      f_reason: 'Reason code', all: 'all', shown: 'shown', of: 'of', households: 'households',
      asof: 'as of', hazards: 'hazards', tiles: 'Base map from: ', notiles: 'no base map (offline)',
      id: 'ID', name: 'Name', district: 'District', level: 'Priority', action: 'Action', start: 'Leave at',
      safe_floor: 'Safe floor', power: 'Blackout power', dest: 'Destination', distance: 'Distance', reasons: 'Reasons',
      codes: 'Reason codes', flee: 'When late', floor: 'F', hours: 'h',
      sheet: 'Support sheet (PDF)', plan: 'Evacuation plan (PDF)', approx: 'Approximate location', blackout: 'Blackout risk',
      lg_levels: 'Households (priority)', lg_marks: 'Marks', lg_blackout: 'device power lasts under 72 h in a blackout',
      lg_approx: 'approximate location (dotted)', lg_zones: 'Flood zones (depth)', lg_collapse: 'House-collapse zone (red outline)',
      lg_landslide: 'Landslide zone (brown hatching)', lg_shelters: 'Shelters (rings)', none: 'none',
      lg_kind: ' (dashed outline, colour = depth)',
      depth: 'Flood depth', devices: 'Devices', depth_l1: 'Depth (planned scale)', depth_l2: 'Depth (maximum scale)',
      title_changes: 'Changes after the hazard-map revision', changes: 'Changes since the last plan', f_change: 'Change',
      removed: 'households only in the earlier data (see the CSV)', lg_changed: 'household with changes (blue ring)',
      lg_credits: 'Data sources'
    }
  };
  var LEVEL_COLOUR = { A: '#d62828', B: '#f77f00', C: '#fcbf49', D: '#9e9e9e' };
  var SHELTER_COLOUR = { welfare_shelter: '#2e9e44', evacuation_shelter: '#1f5fbf', emergency_site: '#7b3fa0' };
  var DEPTH_EN = { 1: 'under 0.5 m', 2: '0.5-3 m', 3: '3-5 m', 4: '5-10 m', 5: '10-20 m', 6: '20 m or more', 0: 'depth unknown' };
  function t(k) { return T[lang][k] || k; }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var a in attrs) e.setAttribute(a, attrs[a]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function blackout(h) { return (',' + h.reason_codes + ',').indexOf(',blackout_runtime_short,') >= 0; }
  function actionLabel(a) { return C.actions[a] ? C.actions[a][lang] : a; }
  // The household's own wording (a tsunami zone: leave at once on the warning).
  function actionText(h) { return h.al[lang === 'ja' ? 0 : 1]; }
  function startText(h) { return h.sl[lang === 'ja' ? 0 : 1]; }
  function levelLabel(l) { return C.levels[l] ? C.levels[l][lang] : l; }
  function deviceLabel(d) { return lang === 'ja' && C.devices[d] ? C.devices[d] : d.replace(/_/g, ' '); }
  function num(v, unit) { return v === null || v === undefined ? '' : String(v) + unit; }
  function metres(v) { return v === null || v === undefined ? '' : (v >= 1000 ? (v / 1000).toFixed(1) + ' km' : Math.round(v) + ' m'); }
  function destination(h) { return h.suggested_shelter || ''; }
  function uniqueCodes(h) {
    return h.reason_codes.split(',').filter(function (c, i, a) { return c && a.indexOf(c) === i; }).join(', ');
  }
  function reasonList(h) { return lang === 'ja' ? h.rj : h.re; }
  function changed(h) { return !!h.cc && !(h.cc.length === 1 && h.cc[0] === 'unchanged'); }

  // --- map ---------------------------------------------------------------
  var canvas = hash.renderer !== 'svg';  // #renderer=svg: the benchmark's peer
  var map = L.map('map', { preferCanvas: canvas, zoomControl: true, attributionControl: !!C.tiles });
  if (map.attributionControl) map.attributionControl.setPrefix(false);
  // Leaflet sets the attribution as HTML: escape the operator's URL.
  function esc(x) { return String(x).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }
  if (C.tiles) L.tileLayer(C.tiles, { maxZoom: 18, attribution: esc(t('tiles') + C.tiles) }).addTo(map);
  var renderer = canvas ? L.canvas({ padding: 0.5 }) : L.svg({ padding: 0.5 });
  // The view comes before any layer. Leaflet makes a layer added to a map
  // without a view wait for the map's 'load' event, one listener per layer,
  // and checks each new listener against all earlier ones: with 10,000
  // households that alone took over half of the page's start-up.
  var bounds = H.map(function (h) { return [h.lat, h.lon]; });
  function fit() {
    if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16, animate: false });
    else if (Z.length) map.fitBounds(L.polygon(Z[0].r).getBounds(), { animate: false });
    else map.setView([35.68, 139.76], 11, { animate: false });
  }
  fit();
  // Hatching for landslide zones: the canvas takes a pattern as fill style;
  // the SVG renderer (benchmark peer only) gets a light brown fill instead.
  var hatch = '#8b5a2b';
  if (canvas) {
    var pc = document.createElement('canvas'); pc.width = pc.height = 8;
    var px = pc.getContext('2d'); px.strokeStyle = 'rgba(139,90,43,0.8)'; px.lineWidth = 1.5;
    px.beginPath(); px.moveTo(0, 8); px.lineTo(8, 0); px.moveTo(-2, 2); px.lineTo(2, -2); px.moveTo(6, 10); px.lineTo(10, 6); px.stroke();
    hatch = px.createPattern(pc, 'repeat');
  }
  // Storm surge, tsunami: depth colours, and a dashed outline of the kind's
  // colour drawn after every fill (as on the sheets), so no deeper class covers it.
  var kindsShown = {}, outlined = [];
  Z.forEach(function (z) {
    var style;
    if (z.k === 'f' && z.kd && C.kinds[z.kd]) { kindsShown[z.kd] = true; outlined.push(z); }
    if (z.k === 'f') style = { renderer: renderer, stroke: false, fillColor: z.col, fillOpacity: 0.65, interactive: false };
    else if (z.k === 'h') style = { renderer: renderer, color: '#d00000', weight: 2, fill: false, dashArray: '6 4', interactive: false };
    else style = { renderer: renderer, color: '#8b5a2b', weight: 1.5, fillColor: hatch, fillOpacity: canvas ? 1 : 0.2, interactive: false };
    L.polygon(z.r, style).addTo(map);
  });
  outlined.forEach(function (z) {
    L.polygon(z.r, { renderer: renderer, color: C.kinds[z.kd].col, weight: 2, dashArray: '6 4', fill: false, interactive: false }).addTo(map);
  });
  S.forEach(function (s) {
    L.circleMarker([s.lat, s.lon], {
      renderer: renderer, radius: 5, color: SHELTER_COLOUR[s.t] || '#555', weight: 3, fillColor: '#fff', fillOpacity: 1
    }).bindTooltip(function () { return el('span', null, s.n + ' (' + (lang === 'ja' ? C.shelter_types[s.t] : s.t.replace(/_/g, ' ')) + ')'); })
      .addTo(map);
  });

  var markers = {}, halos = {}, rings = {};
  var details = L.popup({ maxWidth: 360, maxHeight: 300 });
  function openDetails(h, m) {
    details.setLatLng(m.getLatLng()).setContent(popupContent(h)).openOn(map);
    document.documentElement.setAttribute('data-open', h.id);
  }
  function popupContent(h) {
    var d = el('div', { 'class': 'pop', 'data-id': h.id });
    d.appendChild(el('h4', null, h.id + (h.name ? ' ' + h.name : '') + ' — ' + h.level));
    if (changed(h)) {  // diff --html: what the page is about comes first
      d.appendChild(el('h5', null, t('changes')));
      var cl = el('ul', { 'class': 'changes' });
      (lang === 'ja' ? h.cj : h.ce).forEach(function (c) { cl.appendChild(el('li', null, c)); });
      d.appendChild(cl);
    }
    var tb = el('table');
    function row(k, v) { if (v === '' || v === null || v === undefined) return; var tr = el('tr'); tr.appendChild(el('th', null, t(k))); tr.appendChild(el('td', null, v)); tb.appendChild(tr); }
    row('level', levelLabel(h.level));
    row('action', actionText(h));
    row('start', startText(h));
    row('safe_floor', h.safe_floor === null ? '' : h.safe_floor + t('floor'));
    row('power', num(h.power_hours, ' ' + t('hours')));
    row('dest', h.suggested_shelter ? h.suggested_shelter + (h.suggested_distance_m !== null ? ' (' + metres(h.suggested_distance_m) + ')' : '') : '');
    row('flee', h.flee_site ? h.flee_site + (h.flee_distance_m !== null ? ' (' + metres(h.flee_distance_m) + ')' : '') : '');
    row('depth', h.depth);
    row('depth_l1', h.depth_planned);  // only with both flood scenarios loaded
    row('depth_l2', h.depth_maximum);
    row('devices', h.devices.map(deviceLabel).join(', '));
    row('codes', uniqueCodes(h));
    d.appendChild(tb);
    if (blackout(h)) d.appendChild(el('div', { 'class': 'warn' }, t('blackout')));
    if (h.approximate) d.appendChild(el('div', { 'class': 'warn' }, t('approx')));
    var ul = el('ul', { 'class': 'reasons' });
    reasonList(h).forEach(function (r) { ul.appendChild(el('li', null, r)); });
    d.appendChild(ul);
    if (h.pdf) d.appendChild(el('div')).appendChild(el('a', { href: h.pdf, 'class': 'pdf' }, t('sheet')));
    if (h.plan_pdf) d.appendChild(el('div')).appendChild(el('a', { href: h.plan_pdf, 'class': 'pdf' }, t('plan')));
    return d;
  }
  // H runs from the most urgent (the CSV's order); the canvas draws in the
  // order layers come, so they are added the other way round: A on top.
  H.slice().reverse().forEach(function (h) {
    var ll = [h.lat, h.lon];
    if (changed(h))  // diff --html: a blue ring marks a household whose plan the revision touches
      rings[h.id] = L.circleMarker(ll, { renderer: renderer, radius: 15, color: '#1565c0', weight: 3, fill: false, interactive: false }).addTo(map);
    if (blackout(h))  // a dark ring around the dot
      halos[h.id] = L.circleMarker(ll, { renderer: renderer, radius: 11, color: '#111', weight: 2.5, fill: false, interactive: false }).addTo(map);
    var m = L.circleMarker(ll, {
      renderer: renderer, radius: 7, color: '#222', weight: 1.5, fillColor: LEVEL_COLOUR[h.level] || '#999', fillOpacity: 0.95,
      dashArray: h.approximate ? '2 3' : null
    });
    // One popup for the whole map, filled on click: no popup or tooltip object per household.
    m.on('click', function () { openDetails(h, m); });
    m.addTo(map);
    markers[h.id] = m;
  });
  // The browser may size the window after the script ran (headless screenshots, restored tabs): fit again.
  // Until someone moves the map, keep the whole area in view.
  var touched = !!hash.open;
  ['mousedown', 'wheel', 'touchstart', 'keydown'].forEach(function (ev) {
    document.getElementById('map').addEventListener(ev, function () { touched = true; }, { passive: true });
  });
  // Only when the size did change: invalidateSize redraws every layer and a
  // fit re-projects them (1.5 s of main-thread time for 10,000 households).
  var fittedSize = map.getSize();
  function refit() {
    var box = map.getContainer();
    if (box.clientWidth === fittedSize.x && box.clientHeight === fittedSize.y) return;
    map.invalidateSize({ pan: false });
    fittedSize = map.getSize();
    if (!touched) fit();
  }
  window.addEventListener('load', refit);
  window.addEventListener('resize', refit);
  // Markers the renderer holds once the map has its view (Leaflet adds layers when the map is ready).
  function drawnMarkers() {
    var n = 0;
    for (var id in markers) {
      var m = markers[id];
      if (m._map && (canvas ? renderer._layers && renderer._layers[L.stamp(m)] : m._path && m._path.parentNode)) n++;
    }
    return n;
  }

  // --- legend --------------------------------------------------------------
  function legend() {
    var g = document.getElementById('legend');
    g.textContent = '';
    g.appendChild(el('h3', null, t('lg_levels')));
    ['A', 'B', 'C', 'D'].forEach(function (l) {
      var r = el('div', { 'class': 'lg' }); var dot = el('span', { 'class': 'dot' }); dot.style.background = LEVEL_COLOUR[l];
      r.appendChild(dot); r.appendChild(el('span', null, levelLabel(l))); g.appendChild(r);
    });
    g.appendChild(el('h3', null, t('lg_marks')));
    var r1 = el('div', { 'class': 'lg' }); var d1 = el('span', { 'class': 'dot' }); d1.style.boxShadow = '0 0 0 3px #fff, 0 0 0 5px #111';
    r1.appendChild(d1); r1.appendChild(el('span', null, t('lg_blackout'))); g.appendChild(r1);
    var r2 = el('div', { 'class': 'lg' }); var d2 = el('span', { 'class': 'dot' }); d2.style.borderStyle = 'dotted';
    r2.appendChild(d2); r2.appendChild(el('span', null, t('lg_approx'))); g.appendChild(r2);
    if (C.changes) {
      var rc = el('div', { 'class': 'lg' }); var dc = el('span', { 'class': 'dot' }); dc.style.boxShadow = '0 0 0 3px #fff, 0 0 0 6px #1565c0';
      rc.appendChild(dc); rc.appendChild(el('span', null, t('lg_changed'))); g.appendChild(rc);
    }
    g.appendChild(el('h3', null, t('lg_zones')));
    C.depth_legend.forEach(function (c) {
      var r = el('div', { 'class': 'lg' }); var sw = el('span', { 'class': 'sw' }); sw.style.background = c.col;
      r.appendChild(sw); r.appendChild(el('span', null, lang === 'ja' ? c.ja : DEPTH_EN[c.c])); g.appendChild(r);
    });
    Object.keys(C.kinds).forEach(function (k) {  // only the kinds this page draws
      if (!kindsShown[k]) return;
      var r = el('div', { 'class': 'lg', 'data-kind': k }); var sw = el('span', { 'class': 'sw' }); sw.style.border = '2px dashed ' + C.kinds[k].col;
      r.appendChild(sw); r.appendChild(el('span', null, C.kinds[k][lang] + t('lg_kind'))); g.appendChild(r);
    });
    var r3 = el('div', { 'class': 'lg' }); var s3 = el('span', { 'class': 'sw' }); s3.style.border = '2px dashed #d00000';
    r3.appendChild(s3); r3.appendChild(el('span', null, t('lg_collapse'))); g.appendChild(r3);
    var r4 = el('div', { 'class': 'lg' }); var s4 = el('span', { 'class': 'sw' }); s4.style.border = '2px solid #8b5a2b'; s4.style.background = 'repeating-linear-gradient(-45deg, #8b5a2b 0 1.5px, #fff 1.5px 5px)';
    r4.appendChild(s4); r4.appendChild(el('span', null, t('lg_landslide'))); g.appendChild(r4);
    g.appendChild(el('h3', null, t('lg_shelters')));
    Object.keys(SHELTER_COLOUR).forEach(function (k) {
      var r = el('div', { 'class': 'lg' }); var dot = el('span', { 'class': 'dot' }); dot.style.borderColor = SHELTER_COLOUR[k]; dot.style.borderWidth = '3px'; dot.style.background = '#fff';
      r.appendChild(dot); r.appendChild(el('span', null, lang === 'ja' ? C.shelter_types[k] : k.replace(/_/g, ' '))); g.appendChild(r);
    });
    if (C.credits.length) {  // the layers' `attribution:` lines, as written (the data's own credit wording)
      g.appendChild(el('h3', null, t('lg_credits')));
      C.credits.forEach(function (c) { g.appendChild(el('div', { 'class': 'credit' }, c)); });
    }
  }

  // --- table -------------------------------------------------------------
  var COLS = [
    { k: 'level', v: function (h) { return h.level; } },
    { k: 'id', v: function (h) { return h.id; } },
    { k: 'name', v: function (h) { return h.name || ''; }, names: true },
    { k: 'district', v: function (h) { return h.district; } },
    { k: 'action', v: actionText },
    { k: 'start', v: startText },
    { k: 'safe_floor', v: function (h) { return h.safe_floor; }, n: true },
    { k: 'power', v: function (h) { return h.power_hours; }, n: true },
    { k: 'dest', v: destination },
    { k: 'distance', v: function (h) { return h.suggested_distance_m; }, n: true, f: metres },
    // The codes (the sentences are in the details and the CSV); the sentences as a tooltip.
    { k: 'codes', v: uniqueCodes },
    { k: 'changes', v: function (h) { return (h.cc || []).join(', '); }, changes: true }
  ].filter(function (c) { return !(c.names && C.no_names) && !(c.changes && !C.changes); });
  var order = H.map(function (h, i) { return i; }), sortCol = -1, sortDir = 1, selected = null;
  // Rows are built a page at a time (all of them for printing): 10,000 rows
  // of DOM would cost seconds; the filters and the sort work on the data.
  var PAGE = 200, limit = PAGE, printing = false, shownFlags = H.map(function () { return true; }), rowById = {};
  var tbody = document.getElementById('rows');
  tbody.addEventListener('click', function (e) {
    var tr = e.target.closest ? e.target.closest('tr') : null;
    if (tr && tr.getAttribute('data-id')) select(tr.getAttribute('data-id'), true);
  });
  function rowFor(h) {
    var tr = el('tr', { 'data-id': h.id });
    COLS.forEach(function (c) {
      var v = c.v(h), td = el('td', null, v === null || v === undefined ? '' : (c.f ? c.f(v) : v));
      if (c.k === 'level') td.className = 'lv lv' + h.level;
      if (c.k === 'codes') { td.className = 'codes'; td.title = reasonList(h).join('\n'); }
      if (c.k === 'changes') { td.className = 'codes'; td.title = (lang === 'ja' ? h.cj : h.ce).join('\n'); }
      if (c.k === 'id' && blackout(h)) td.appendChild(el('span', { title: t('blackout') }, ' \u26A1'));
      tr.appendChild(td);
    });
    if (selected === h.id) tr.className = 'sel';
    return tr;
  }
  function buildRows() {
    tbody.textContent = ''; rowById = {};
    var frag = document.createDocumentFragment(), n = 0, shown = 0;
    order.forEach(function (i) {
      if (!shownFlags[i]) return;
      n++;
      if (!printing && shown >= limit) return;
      shown++;
      var tr = rowFor(H[i]);
      rowById[H[i].id] = tr; frag.appendChild(tr);
    });
    tbody.appendChild(frag);
    var more = document.getElementById('more');
    more.style.display = n > shown ? '' : 'none';
    more.textContent = lang === 'ja' ? 'さらに表示（残り ' + (n - shown) + ' 件）' : 'show more (' + (n - shown) + ' left)';
    document.getElementById('count').textContent = lang === 'ja'
      ? H.length + t('of') + ' ' + n + ' ' + t('households') + t('shown')
      : n + ' ' + t('of') + ' ' + H.length + ' ' + t('households') + ' ' + t('shown');
  }
  document.getElementById('more').addEventListener('click', function () { limit += PAGE * 5; buildRows(); });
  window.addEventListener('beforeprint', function () { printing = true; buildRows(); });
  window.addEventListener('afterprint', function () { printing = false; buildRows(); });
  function buildHead() {
    var tr = document.getElementById('head'); tr.textContent = '';
    COLS.forEach(function (c, ci) {
      var th = el('th', null, t(c.k));
      if (ci === sortCol) th.className = sortDir > 0 ? 'sorted-asc' : 'sorted-desc';
      th.addEventListener('click', function () { sortBy(ci); });
      tr.appendChild(th);
    });
  }
  function sortBy(ci) {
    sortDir = ci === sortCol ? -sortDir : 1; sortCol = ci;
    var c = COLS[ci];
    order.sort(function (a, b) {
      var x = c.v(H[a]), y = c.v(H[b]);
      var xe = x === null || x === undefined || x === '', ye = y === null || y === undefined || y === '';
      if (xe || ye) return xe === ye ? a - b : (xe ? 1 : -1);  // blanks last either way
      var r = c.n ? x - y : String(x).localeCompare(String(y), 'ja');
      return r ? r * sortDir : a - b;
    });
    limit = PAGE; buildHead(); buildRows();
  }
  var F = [
    { id: 'f-level', get: function (h) { return [h.level]; }, label: levelLabel },
    { id: 'f-action', get: function (h) { return [h.action]; }, label: actionLabel },
    { id: 'f-district', get: function (h) { return [h.district]; }, label: function (x) { return x; } },
    { id: 'f-device', get: function (h) { return h.devices; }, label: deviceLabel },
    { id: 'f-reason', get: function (h) { return h.reason_codes ? h.reason_codes.split(',') : []; }, label: function (x) { return x; } },
    { id: 'f-change', get: function (h) { return h.cc || []; }, label: function (x) { return x; }, changes: true }
  ].filter(function (f) { return !(f.changes && !C.changes); });
  if (C.changes) document.getElementById('f-change-label').style.display = '';
  function buildFilters() {
    F.forEach(function (f) {
      var sel = document.getElementById(f.id), keep = sel.value, seen = {}, vals = [];
      H.forEach(function (h) { f.get(h).forEach(function (v) { if (v !== '' && !seen[v]) { seen[v] = 1; vals.push(v); } }); });
      vals.sort();
      sel.textContent = '';
      sel.appendChild(el('option', { value: '' }, t('all')));
      vals.forEach(function (v) { sel.appendChild(el('option', { value: v }, f.label(v))); });
      sel.value = keep || '';
      sel.onchange = applyFilters;
    });
  }
  function visible(h, want) {
    return F.every(function (f, k) { return !want[k] || f.get(h).indexOf(want[k]) >= 0; });
  }
  function applyFilters() {
    var want = F.map(function (f) { return document.getElementById(f.id).value; });
    H.forEach(function (h, i) {
      var on = visible(h, want);
      shownFlags[i] = on;
      [markers[h.id], halos[h.id], rings[h.id]].forEach(function (m) {
        if (m) { if (on && !m._map) m.addTo(map); else if (!on && m._map) m.remove(); }
      });
    });
    limit = PAGE;
    buildRows();
  }
  function select(id, fromTable) {
    var m = markers[id]; if (!m) return;
    if (selected && rowById[selected]) rowById[selected].classList.remove('sel');
    selected = id; if (rowById[id]) rowById[id].classList.add('sel');
    if (!m._map) m.addTo(map);
    // Centre a little above the household: its details open above the marker.
    // From the table: zoom in to the street; from #open=ID: keep the whole area in view.
    var z = fromTable ? Math.max(map.getZoom(), 15) : map.getZoom();
    map.setView(map.unproject(map.project(m.getLatLng(), z).subtract([0, 140]), z), z, { animate: false });
    var i = H.findIndex(function (h) { return h.id === id; });
    openDetails(H[i], m);
    if (fromTable) document.getElementById('map').scrollIntoView({ block: 'nearest' });
  }

  function texts() {
    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    document.title = (lang === 'ja' ? '取扱注意 ' : 'CONFIDENTIAL ') + t(C.changes ? 'title_changes' : 'title') + ' (sheetgen)';
    document.getElementById('lang').textContent = lang === 'ja' ? 'English' : '日本語';
    if (C.changes) document.querySelector('h1').textContent = t('title_changes');
    document.getElementById('meta').textContent = t('asof') + ' ' + C.as_of + ' · ' + t('hazards') + ': ' + C.hazards + ' · ' + H.length + ' ' + t('households') +
      (C.changes && C.removed ? ' · ' + t('removed') + ': ' + C.removed : '');
    document.getElementById('tilesource').textContent = C.tiles ? t('tiles') + C.tiles : t('notiles');
    legend(); buildFilters(); buildHead(); applyFilters();
  }
  document.getElementById('lang').addEventListener('click', function () {
    lang = lang === 'ja' ? 'en' : 'ja'; map.closePopup(); texts();
  });
  texts();
  document.documentElement.setAttribute('data-markers', String(drawnMarkers()));
  document.documentElement.setAttribute('data-households', String(H.length));
  if (hash.open) select(hash.open, false);
  // Time from navigation start to a drawn, usable page (read by bench/html_page_bench.sh).
  document.documentElement.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  document.documentElement.setAttribute('data-ready', '1');
})();
)JS";

}  // namespace sheetgen::html_page
