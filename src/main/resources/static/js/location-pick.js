// Picks a place for a form instead of typing coordinates: a click on the map, or a postcode, fills
// the form's latitude, longitude and municipality. Without script the form still works: the
// server looks the postcode up itself, and the coordinate fields can be typed.
(function () {
  'use strict';
  document.querySelectorAll('[data-lat][data-lon]').forEach(function (element) {
    if (typeof L === 'undefined') {
      return;
    }
    var lat = document.getElementById(element.dataset.lat);
    var lon = document.getElementById(element.dataset.lon);
    var municipality = document.getElementById(element.dataset.municipality);
    var postcode = document.querySelector('[data-postcode-for="' + element.id + '"]');
    element.style.height = '320px';
    var hint = document.createElement('p');
    hint.textContent = element.dataset.hint || '';
    element.parentNode.insertBefore(hint, element);
    var map = L.map(element).setView([52.2, 5.3], 7);
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { maxZoom: 19 }).addTo(map);
    }
    if (element.dataset.boundaries) {
      fetch(element.dataset.boundaries).then(function (r) { return r.json(); }).then(function (geo) {
        L.geoJSON(geo, { interactive: false, style: { color: '#5a5a5a', weight: 1, fillColor: '#ffffff', fillOpacity: 0.6 } }).addTo(map);
      });
    }
    var marker = null;

    function place(latitude, longitude, municipalityCode) {
      lat.value = latitude.toFixed(6);
      lon.value = longitude.toFixed(6);
      if (municipality && municipalityCode) {
        municipality.value = municipalityCode;
      }
      if (marker) {
        marker.setLatLng([latitude, longitude]);
      } else {
        marker = L.marker([latitude, longitude]).addTo(map);
      }
      element.dataset.picked = lat.value + ',' + lon.value;
    }

    map.on('click', function (event) {
      var latitude = event.latlng.lat;
      var longitude = event.latlng.lng;
      place(latitude, longitude, null);
      fetch('/api/v1/locations?lat=' + latitude + '&lon=' + longitude).then(function (r) {
        return r.ok ? r.json() : null;
      }).then(function (found) {
        if (found) {
          place(latitude, longitude, found.municipality);
        }
      });
    });

    if (postcode) {
      postcode.addEventListener('change', function () {
        var code = postcode.value.replace(/\s+/g, '');
        if (!code) {
          return;
        }
        fetch('/api/v1/postcodes/' + encodeURIComponent(code)).then(function (r) {
          return r.ok ? r.json() : null;
        }).then(function (found) {
          if (found) {
            place(found.lat, found.lon, found.municipality);
            map.setView([found.lat, found.lon], 14);
          }
        });
      });
    }
    // a map drawn inside a closed <details> has no size yet: measure again when it opens
    var details = element.closest('details');
    if (details) {
      details.addEventListener('toggle', function () { map.invalidateSize(); });
    }
  });
})();
