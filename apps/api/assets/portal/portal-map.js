/*
 * The portal's interactive map (issue #10): progressive enhancement of /projets-publics/carte. The
 * page works without this script (static SVG and list); with it, a Leaflet map replaces the picture:
 * the commune outlines (choropleth of published projects), the projects as clustered, focusable
 * points, a popup with the title, the commune, the cost and a link to the project's page.
 * Plain browser JavaScript, loaded with `defer` from the same origin: no inline script, no eval.
 */
(function () {
  'use strict';
  var element = document.getElementById('carte-interactive');
  var picture = document.getElementById('carte-statique');
  var L = window.L;
  if (!element || !L || typeof fetch !== 'function') return;

  var EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  // The legend's steps, from the page (departement-svg.ts): [min, max (null: no upper bound), fill].
  var CLASSES = JSON.parse(element.dataset.classes || '[]').map(function (c) {
    return { min: c[0], max: c[1] === null ? Infinity : c[1], fill: c[2] };
  });
  function fillOf(n) {
    for (var i = 0; i < CLASSES.length; i++) if (n >= CLASSES[i].min && n <= CLASSES[i].max) return CLASSES[i].fill;
    return CLASSES.length ? CLASSES[0].fill : '#ffffff';
  }
  function json(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    });
  }
  function text(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = content;
    return node;
  }
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // The national map (issue #17) has the counts per Département in the page and no point per project: all of France
  // may have tens of thousands; each Département's map has them.
  var noProjects = { type: 'FeatureCollection', features: [] };
  Promise.all([json(element.dataset.settings), json(element.dataset.outlines), element.dataset.projects ? json(element.dataset.projects) : noProjects])
    .then(function (all) {
      var settings = all[0];
      var outlines = all[1];
      var projects = all[2];
      // Nothing to draw (an instance serving overseas Départements only, which have no outline in the national file): the picture and the list stay.
      if (!outlines.features || outlines.features.length === 0) return;
      element.hidden = false;
      if (picture) picture.hidden = true;

      // The national map of an instance serving several Départements (issue #17) draws their outlines; a Département's, its communes.
      var national = element.dataset.level === 'departements';
      var map = L.map(element, { zoomControl: false, attributionControl: false, keyboard: true, zoomSnap: 0.5, minZoom: national ? 5 : 8, maxZoom: 18 });
      L.control.zoom({ zoomInTitle: 'Zoomer', zoomOutTitle: 'Dézoomer', zoomOutText: '−' }).addTo(map);
      var attribution = L.control.attribution({ prefix: '<a href="https://leafletjs.com" hreflang="en">Leaflet</a>' }).addTo(map);
      attribution.addAttribution(escapeHtml(settings.outlinesAttribution));
      if (settings.tileUrl) L.tileLayer(settings.tileUrl, { attribution: escapeHtml(settings.tileAttribution || ''), maxZoom: 18 }).addTo(map);
      element.setAttribute('role', 'region');
      element.setAttribute('aria-label', 'Carte des projets publiés. Flèches pour se déplacer, touches plus et moins pour zoomer, Tab pour passer d’un projet à l’autre.');
      map.on('popupopen', function (e) {
        var close = e.popup.getElement().querySelector('.leaflet-popup-close-button');
        if (close) {
          close.setAttribute('aria-label', 'Fermer');
          close.setAttribute('title', 'Fermer');
        }
      });

      // A commune's Département: the first two characters of its INSEE code (2A, 2B), three overseas (971…).
      function areaOf(codeInsee) {
        return national ? codeInsee.slice(0, codeInsee.indexOf('97') === 0 ? 3 : 2) : codeInsee;
      }
      var counts = national && element.dataset.counts ? JSON.parse(element.dataset.counts) : {};
      projects.features.forEach(function (f) {
        var area = areaOf(f.properties.codeInsee);
        counts[area] = (counts[area] || 0) + 1;
      });
      var communes = L.geoJSON(outlines, {
        style: function (f) {
          return { color: '#4a4f55', weight: 1, fillColor: fillOf(counts[f.properties.code] || 0), fillOpacity: 0.8 };
        },
        onEachFeature: function (f, layer) {
          var n = counts[f.properties.code] || 0;
          layer.bindTooltip(escapeHtml(f.properties.nom + ' : ' + (n === 0 ? 'aucun projet publié' : n === 1 ? '1 projet publié' : n + ' projets publiés')), { sticky: true });
          // Chromium puts clickable SVG paths in the tab order: the communes (or Départements) are in a table below instead.
          layer.on('add', function () {
            layer.getElement().setAttribute('tabindex', '-1');
          });
          if (national) {
            layer.on('click', function () {
              // The filters chosen (theme, year, cost) stay; a commune belongs to one Département.
              var params = new URLSearchParams(window.location.search);
              params.delete('commune');
              params.set('departement', f.properties.code);
              window.location.href = '/projets-publics/carte?' + params.toString();
            });
          } else if (n > 0) {
            layer.on('click', function () {
              window.location.href = '/projets-publics/carte?commune=' + encodeURIComponent(f.properties.code);
            });
          }
        },
      }).addTo(map);

      var cluster = L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 40,
        iconCreateFunction: function (c) {
          var n = c.getChildCount();
          return L.divIcon({ className: 'portal-marker-icon', html: '<span class="portal-cluster" aria-hidden="true">' + n + '</span><span class="visually-hidden">Groupe de ' + n + ' projets : Entrée pour zoomer</span>', iconSize: [36, 36] });
        },
      });
      projects.features.forEach(function (f) {
        if (!f.geometry) return;
        var p = f.properties;
        var label = p.title + ' — ' + p.communeName;
        var marker = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
          icon: L.divIcon({ className: 'portal-marker-icon', html: '<span class="portal-marker" aria-hidden="true"></span><span class="visually-hidden">' + escapeHtml(label) + '</span>', iconSize: [22, 22] }),
          title: label,
          keyboard: true,
        });
        marker.bindPopup(function () {
          var box = document.createElement('div');
          box.className = 'portal-popup';
          box.appendChild(text('p', 'portal-popup__title', p.title));
          box.appendChild(text('p', '', p.communeName + ' · ' + p.themeLabel + ' · terminé en ' + p.yearFinished));
          box.appendChild(text('p', '', 'Coût final : ' + (p.finalCostHt === null ? 'non communiqué' : EUROS.format(p.finalCostHt) + ' HT')));
          var link = text('a', 'portal-popup__link', 'Voir la fiche du projet');
          link.href = p.pageUrl;
          box.appendChild(link);
          return box;
        });
        marker.on('keypress', function (e) {
          var key = e.originalEvent.key;
          if (key === 'Enter' || key === ' ') {
            marker.openPopup();
            setTimeout(function () {
              var a = marker.getPopup().getElement().querySelector('a.portal-popup__link');
              if (a) a.focus();
            });
          }
        });
        cluster.addLayer(marker);
      });
      cluster.addTo(map);

      var commune = element.dataset.commune;
      var focus = commune
        ? L.geoJSON({ type: 'FeatureCollection', features: outlines.features.filter(function (f) { return f.properties.code === commune; }) })
        : communes;
      map.fitBounds((focus.getLayers().length ? focus : communes).getBounds(), { padding: [12, 12] });
    })
    .catch(function () {
      // The static picture and the list stay: the page works without the interactive map.
    });
})();
