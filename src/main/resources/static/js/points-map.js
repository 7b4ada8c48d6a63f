// The support-point map. Everything it shows comes from this server. It asks only for the points
// in view (the GeoJSON export with a bbox), and none while the whole country is in view, so a
// phone on a weak connection sees its own area at once instead of downloading every point.
// Background tiles only when a tile server was configured (weerbaar.map.tile-url).
(function () {
  'use strict';
  var element = document.getElementById('points-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var data = element.dataset;
  var MIN_ZOOM = 11;
  var centred = data.lat !== undefined && data.lat !== '';
  var map = L.map(element, { preferCanvas: true })
    .setView(centred ? [parseFloat(data.lat), parseFloat(data.lon)] : [52.2, 5.3], centred ? 14 : 8);
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 19, attribution: data.tileAttribution || '' }).addTo(map);
  }
  var colours = { open: '#276e0a', full: '#b35c00', closed: '#d52b1e', standby: '#154273', inactive: '#6b6b6b' };
  var labels = JSON.parse(data.statusLabels || '{}');
  var hint = document.getElementById('points-map-hint');
  var layer = L.layerGroup().addTo(map);
  var pending = null;

  function text(value) {
    var span = document.createElement('span');
    span.textContent = value == null ? '' : String(value);
    return span.innerHTML;
  }

  function popup(p) {
    return '<strong><a href="' + text(p.url) + '">' + text(p.name) + '</a></strong>'
      + (p.demo ? ' <span class="utrecht-badge-status weerbaar-badge--demo">DEMO</span>' : '')
      + '<br>' + text(labels[p.status] || p.status)
      + (p.recentlyConfirmed || p.status === 'inactive' || p.status === 'standby' ? '' : ' (' + text(labels.uncertain) + ')')
      + (p.message ? '<br>' + text(p.message) : '');
  }

  function load() {
    if (pending) {
      pending.abort();
    }
    if (map.getZoom() < MIN_ZOOM) {
      layer.clearLayers();
      hint.hidden = false;
      return;
    }
    hint.hidden = true;
    var b = map.getBounds();
    var box = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (n) { return n.toFixed(4); }).join(',');
    pending = new AbortController();
    fetch(data.points + '?bbox=' + box, { signal: pending.signal, headers: { Accept: 'application/geo+json, application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the points answered ' + response.status);
        }
        return response.json();
      })
      .then(function (points) {
        layer.clearLayers();
        L.geoJSON(points, {
          pointToLayer: function (feature, latlng) {
            var p = feature.properties;
            return L.circleMarker(latlng, {
              radius: p.tier === 'hub' ? 9 : 7, weight: 1, color: '#000',
              fillColor: colours[p.status] || '#6b6b6b', fillOpacity: 0.9
            });
          },
          onEachFeature: function (feature, marker) {
            marker.bindPopup(popup(feature.properties));
          }
        }).addTo(layer);
        element.setAttribute('data-loaded', String(points.features.length));
      })
      .catch(function (error) {
        if (error.name !== 'AbortError') {
          console.warn(error);
        }
      });
  }

  map.on('moveend', load);
  load();

  var locate = document.getElementById('points-map-locate');
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        map.setView([position.coords.latitude, position.coords.longitude], 15);
      });
    });
  }
})();
