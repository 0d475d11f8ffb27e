// The map page: a municipality's neighbourhoods coloured by livability class, resilience quadrant or tenant colour, from
// the platform's own APIs with the caller's bearer token (kept in sessionStorage, as Swagger UI does): the page shows
// what that token may see and nothing else. The base layer is the boundaries alone: no tiles from elsewhere.
'use strict';

const LIVABILITY = [
  [1, 'zeer onvoldoende', '#a50026'], [2, 'ruim onvoldoende', '#d73027'], [3, 'onvoldoende', '#f46d43'],
  [4, 'zwak', '#fdae61'], [5, 'voldoende', '#fee08b'], [6, 'ruim voldoende', '#d9ef8b'],
  [7, 'goed', '#a6d96a'], [8, 'zeer goed', '#66bd63'], [9, 'uitstekend', '#1a9850']];
const QUADRANTS = [['resilient', 'veerkrachtig', '#1a9850'], ['stable', 'stabiel', '#91bfdb'],
  ['nuisance-rising', 'overlast neemt toe', '#fdae61'], ['under-pressure', 'veerkracht onder druk', '#d73027'],
  ['unknown', 'onbekend', '#cccccc']];
const TENANT = [['green', 'groen (hoger dan 7)', '#1a9850'], ['orange', 'oranje (6,5 tot 7)', '#fd8d3c'],
  ['red', 'rood (lager dan 6,5)', '#d73027'], [null, 'geen of niet zichtbaar', '#cccccc']];
const DIMENSIONS = { won: 'woningvoorraad', fys: 'fysieke omgeving', vrz: 'voorzieningen', soc: 'sociale samenhang',
  onv: 'overlast en onveiligheid' };
const NO_DATA = '#cccccc';
const WEAK_CLASS = 4; // zwak or worse

const $ = (id) => document.getElementById(id);
const store = window.sessionStorage;
const map = L.map('map', { attributionControl: false, zoomSnap: 0.25 }).setView([52.1, 5.3], 8);
let areas = null;       // the GeoJSON layer of the neighbourhoods
const byCode = {};      // code -> its layer
let pins = L.layerGroup().addTo(map);
let legend = null;

function serviceUrl(name, offset) {
  const saved = store.getItem('leefbaarheid.' + name);
  if (saved) return saved;
  // the local run's ports (deploy/local/env.sh): catalog-service one below this service, partner-service two above
  const port = Number(location.port || 80) + offset;
  return `${location.protocol}//${location.hostname}:${port}`;
}

async function api(base, path) {
  const token = store.getItem('leefbaarheid.token');
  const response = await fetch(base + path, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not problem details */ }
    throw new Error(`${response.status} ${detail}`);
  }
  return response.json();
}

const neighbourhood = (path) => api(location.origin, path);
const catalog = (path) => api($('catalog-url').value, path);
const partner = (path) => api($('partner-url').value, path);

function say(text) { $('message').textContent = text || ''; }

function colourOf(properties, by) {
  if (by === 'resilience') return (QUADRANTS.find((q) => q[0] === properties.quadrant) || QUADRANTS[4])[2];
  if (by === 'tenant') return (TENANT.find((t) => t[0] === (properties.tenantColour || null)) || TENANT[3])[2];
  const c = LIVABILITY.find((l) => l[0] === properties.class);
  return c ? c[2] : NO_DATA;
}

function showLegend(by) {
  if (legend) legend.remove();
  const rows = by === 'resilience' ? QUADRANTS.map((q) => [q[2], q[1]]) : by === 'tenant' ? TENANT.map((t) => [t[2], t[1]])
    : LIVABILITY.map((l) => [l[2], `${l[0]} ${l[1]}`]).concat([[NO_DATA, 'geen score']]);
  legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    div.id = 'legend';
    div.innerHTML = rows.map(([colour, label]) => `<div><i style="background:${colour}"></i>${label}</div>`).join('');
    return div;
  };
  legend.addTo(map);
}

async function loadMap() {
  const municipality = $('municipality').value;
  if (!municipality) return;
  const by = $('colour-by').value;
  document.body.dataset.state = 'loading';
  const collection = await neighbourhood(`/api/v1/maps/${by === 'resilience' ? 'resilience' : 'livability'}?municipality=${municipality}`);
  if (areas) areas.remove();
  Object.keys(byCode).forEach((k) => delete byCode[k]);
  const drawn = collection.features.filter((f) => f.geometry);
  areas = L.geoJSON(drawn, {
    style: (f) => ({ color: '#333', weight: 1, fillOpacity: 0.85, fillColor: colourOf(f.properties, by),
      className: `area area-${f.properties.code}` }),
    onEachFeature: (f, layer) => {
      byCode[f.properties.code] = layer;
      const label = by === 'resilience' ? f.properties.quadrant : by === 'tenant' ? (f.properties.tenantColour || 'geen')
        : (f.properties.label || 'geen score');
      layer.bindTooltip(`${f.properties.name} (${f.properties.code}): ${label}`);
      layer.on('click', () => showArea(f.properties.code, f.properties.name));
    },
  }).addTo(map);
  if (drawn.length) map.fitBounds(areas.getBounds(), { padding: [10, 10] });
  showLegend(by);
  say(drawn.length < collection.features.length
    ? `${collection.features.length - drawn.length} buurten hebben nog geen grenzen (POST /api/v1/areas/boundaries).` : '');
  await loadPins();
  document.body.dataset.state = 'drawn';
}

function trendText(trend) {
  return { improving: 'verbetert', stable: 'stabiel', worsening: 'verslechtert' }[trend] || '';
}

async function showArea(code, name) {
  document.body.dataset.state = 'selecting';
  $('area').hidden = false;
  $('area-name').textContent = `${name} (${code})`;
  $('area-status').textContent = 'laden...';
  $('area-history').innerHTML = '';
  $('area-recommendations').innerHTML = '';
  try {
    const view = await neighbourhood(`/api/v1/areas/${code}/status`);
    const s = view.status;
    const rows = [];
    const deviation = s.livability && s.livability.deviation;
    if (deviation) rows.push(['Leefbaarheid', `klasse ${deviation.class} ${deviation.label} (afwijking ${deviation.score})`]);
    const dimensions = (s.livability && s.livability.dimensions) || {};
    Object.entries(dimensions).forEach(([d, score]) => rows.push([DIMENSIONS[d] || d,
      `${score.class} ${score.label} ${trendText(score.trend)}`]));
    if (s.resilience) rows.push(['Veerkracht', (QUADRANTS.find((q) => q[0] === s.resilience.quadrant) || QUADRANTS[4])[1]]);
    const tenant = s.tenantExperience;
    rows.push(['Huurders', tenant ? (tenant.suppressed ? `te weinig respondenten (${tenant.respondents})`
      : `${tenant.colour}, cijfer ${tenant.mean} (${tenant.respondents} respondenten)`) : view.restricted ? 'niet zichtbaar voor u' : 'geen cijfers']);
    if (s.signals && s.signals.length) rows.push(['Signalen', s.signals.join(', ')]);
    if (s.priority != null) rows.push(['Prioriteit', s.priority]);
    $('area-status').innerHTML = '<table>' + rows.map(([k, v]) => `<tr><td>${k}</td><td data-field="${k}">${v}</td></tr>`).join('') + '</table>';
    const history = await neighbourhood(`/api/v1/areas/${code}/status/history?size=10`);
    $('area-history').innerHTML = history.items.map((v) => {
      const d = v.status.livability && v.status.livability.deviation;
      return `<li>v${v.version} ${String(v.changedAt).slice(0, 10)}: ${d ? d.class + ' ' + d.label : 'geen score'}`
        + `${v.status.tenantExperience && v.status.tenantExperience.colour ? ', huurders ' + v.status.tenantExperience.colour : ''}</li>`;
    }).join('');
    const weak = Object.entries(dimensions).filter(([, score]) => score.class <= WEAK_CLASS).map(([d]) => d);
    if (!weak.length) {
      $('area-recommendations').innerHTML = '<li>geen zwakke dimensies</li>';
    } else {
      try {
        const query = weak.map((d) => 'weakDimension=' + d).join('&');
        const recommendations = await catalog(`/api/v1/recommendations?${query}&limit=5`);
        $('area-recommendations').innerHTML = recommendations.map((r) =>
          `<li><strong>${r.title}</strong> (${r.matchedDimensions.map((d) => DIMENSIONS[d] || d).join(', ')})</li>`).join('')
          || '<li>geen interventies gevonden</li>';
      } catch (e) {
        $('area-recommendations').innerHTML = `<li>catalog-service: ${e.message}</li>`;
      }
    }
  } catch (e) {
    $('area-status').textContent = e.message;
  }
  document.body.dataset.state = 'selected';
}

async function loadCollaborations() {
  const select = $('collaboration');
  select.innerHTML = '<option value="">(geen)</option>';
  try {
    const page = await partner('/api/v1/collaborations?size=100');
    page.items.filter((c) => c.municipalityCode === $('municipality').value).forEach((c) => {
      select.add(new Option(c.name, c.id));
    });
    // the pins of the municipality's first collaboration show at once; choose (geen) to hide them
    if (select.options.length > 1) select.selectedIndex = 1;
  } catch (e) {
    say(`partner-service: ${e.message}`);
  }
}

async function loadPins() {
  pins.clearLayers();
  const collaboration = $('collaboration').value;
  if (!collaboration) return;
  const workshops = await partner(`/api/v1/collaborations/${collaboration}/workshops?size=50`);
  let n = 0;
  for (const item of workshops.items) {
    const workshop = await partner(`/api/v1/collaborations/${collaboration}/workshops/${item.id}`);
    (workshop.pins || []).forEach((pin) => {
      const layer = byCode[pin.areaCode];
      if (!layer) return;
      // pins carry no coordinates: around their neighbourhood's centre, spread so they do not hide each other
      const centre = layer.getBounds().getCenter();
      const angle = n++ * 2.4;
      const at = [centre.lat + 0.0012 * Math.sin(angle) * Math.min(n, 3), centre.lng + 0.002 * Math.cos(angle) * Math.min(n, 3)];
      L.circleMarker(at, { radius: 4 + pin.severity * 1.5, color: '#000', weight: 1, fillColor: '#4b2991', fillOpacity: 0.9,
        className: 'pin' })
        .bindPopup(`<strong>${pin.location || pin.areaCode}</strong><br>${pin.description}<br>`
          + `${DIMENSIONS[pin.dimension] || pin.dimension}, ernst ${pin.severity}<br><em>${workshop.title}</em>`)
        .addTo(pins);
    });
  }
}

async function loadMunicipalities() {
  const page = await neighbourhood('/api/v1/areas?level=municipality&size=100');
  const select = $('municipality');
  const wanted = select.value || store.getItem('leefbaarheid.municipality') || 'GM0999';
  select.innerHTML = '';
  const seen = new Set();
  page.items.forEach((a) => {
    if (!seen.has(a.code)) { seen.add(a.code); select.add(new Option(`${a.name} (${a.code})`, a.code)); }
  });
  if (seen.has(wanted)) select.value = wanted;
}

async function start() {
  if (!store.getItem('leefbaarheid.token')) {
    say('Meld u aan met een bearer token.');
    document.body.dataset.state = 'signed-out';
    return;
  }
  try {
    await loadMunicipalities();
    await loadCollaborations();
    await loadMap();
  } catch (e) {
    say(e.message);
    document.body.dataset.state = 'failed';
  }
}

$('catalog-url').value = serviceUrl('catalog', -1);
$('partner-url').value = serviceUrl('partner', 2);
['catalog', 'partner'].forEach((name) => $(name + '-url').addEventListener('change', (e) => store.setItem('leefbaarheid.' + name, e.target.value)));
$('signin').addEventListener('submit', (e) => {
  e.preventDefault();
  store.setItem('leefbaarheid.token', $('token').value.trim().replace(/^Bearer\s+/i, ''));
  $('token').value = '';
  start();
});
$('signout').addEventListener('click', () => {
  store.removeItem('leefbaarheid.token');
  if (areas) areas.remove();
  pins.clearLayers();
  $('area').hidden = true;
  start();
});
$('municipality').addEventListener('change', async () => {
  store.setItem('leefbaarheid.municipality', $('municipality').value);
  await loadCollaborations();
  loadMap().catch((e) => say(e.message));
});
$('colour-by').addEventListener('change', () => loadMap().catch((e) => say(e.message)));
$('collaboration').addEventListener('change', () => loadPins().catch((e) => say(`partner-service: ${e.message}`)));
start();
