// The support-point map. Everything it shows comes from this server: the points (GeoJSON export)
// and the municipal boundaries (reference data). Background tiles only when a tile server was
// configured (weerbaar.map.tile-url), so the map works without any outside service.
(function () {
  'use strict';
  var element = document.getElementById('points-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var map = L.map(element, { preferCanvas: true }).setView([52.2, 5.3], 8);
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: element.dataset.tileAttribution || '' }).addTo(map);
  }
  var colours = { open: '#276e0a', full: '#b35c00', closed: '#d52b1e', standby: '#154273', inactive: '#6b6b6b' };

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/geo+json, application/json' } }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ' answered ' + response.status);
      }
      return response.json();
    });
  }

  function text(value) {
    var span = document.createElement('span');
    span.textContent = value == null ? '' : String(value);
    return span.innerHTML;
  }

  getJson(element.dataset.boundaries).then(function (boundaries) {
    L.geoJSON(boundaries, { style: { color: '#5a5a5a', weight: 1, fill: true, fillColor: '#ffffff', fillOpacity: 0.6 } })
      .addTo(map).bringToBack();
  }).catch(function (error) { console.warn(error); });

  getJson(element.dataset.points).then(function (points) {
    L.geoJSON(points, {
      pointToLayer: function (feature, latlng) {
        var p = feature.properties;
        return L.circleMarker(latlng, {
          radius: p.tier === 'hub' ? 7 : 4, weight: 1, color: '#000',
          fillColor: colours[p.status] || '#6b6b6b', fillOpacity: 0.9
        });
      },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        layer.bindPopup('<strong><a href="' + text(p.url) + '">' + text(p.name) + '</a></strong>'
          + (p.demo ? ' <span class="utrecht-badge-status weerbaar-badge--demo">DEMO</span>' : '')
          + '<br>' + text(p.status) + (p.message ? '<br>' + text(p.message) : ''));
      }
    }).addTo(map);
  }).catch(function (error) { console.warn(error); });
})();
