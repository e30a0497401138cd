// Draws every chart on the page. Each <figure class="chart"> carries its figure
// as JSON in <script type="application/json">; until it is drawn, and for
// readers without JavaScript, the plot area shows a static image of it.
// plotly.js (served by this site under a content-hashed name) is loaded only
// when the first chart comes near the viewport. The site's chart theme comes
// from theme/chart-theme.json through this script's data-theme attribute.
(function () {
  "use strict";

  var script = document.currentScript;
  var plotlySrc = script.dataset.plotly;
  var theme = JSON.parse(script.dataset.theme || "{}");
  var plotlyLoading = null;

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  // The theme, with colours taken from the stylesheet so dark mode applies.
  function siteLayout() {
    var ink = cssVar("--ink"), rule = cssVar("--rule");
    return merge(theme, {
      font: { color: ink || undefined },
      xaxis: { gridcolor: rule || undefined, linecolor: rule || undefined },
      yaxis: { gridcolor: rule || undefined, linecolor: rule || undefined }
    });
  }

  function merge(base, extra) {
    var out = {};
    Object.keys(base || {}).forEach(function (k) { out[k] = base[k]; });
    Object.keys(extra || {}).forEach(function (k) {
      var b = out[k], e = extra[k];
      if (e === undefined) return;
      out[k] = (b && e && typeof b === "object" && typeof e === "object" && !Array.isArray(e)) ? merge(b, e) : e;
    });
    return out;
  }

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = plotlySrc;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = function () { reject(new Error("could not load " + plotlySrc)); };
        document.head.appendChild(tag);
      });
    }
    return plotlyLoading;
  }

  function draw(figureEl) {
    var plot = figureEl.querySelector(".chart-plot");
    var json = figureEl.querySelector("script.chart-figure");
    if (!plot || !json || plot.dataset.drawn) return;
    plot.dataset.drawn = "pending";
    var fig = JSON.parse(json.textContent);
    loadPlotly().then(function (Plotly) {
      var image = plot.querySelector("img.chart-static");
      var target = document.createElement("div");
      target.className = "chart-live";
      plot.appendChild(target);
      return Plotly.newPlot(target, {
        data: fig.data,
        layout: merge(siteLayout(), fig.layout),
        frames: fig.frames,
        config: { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["lasso2d", "select2d"] }
      }).then(function () {
        if (image) image.remove();
        if (fig.frames) startAnimatedChart(Plotly, target, plot, figureEl, fig);
        plot.dataset.drawn = "true";
        figureEl.classList.add("chart--drawn");
      });
    }).catch(function (error) {
      // Keep the static image; say why in the console for maintainers.
      plot.dataset.drawn = "failed";
      console.warn("Chart " + figureEl.id + " stays a static image: " + error.message);
    });
  }

  // A chart with a slider: Play must carry on from the month shown, so tell
  // plotly.js which frame that is; and its controls are not part of a picture,
  // so the plot stops being role=img and the figure is described by the alt text.
  function startAnimatedChart(Plotly, target, plot, figureEl, fig) {
    var slider = (fig.layout.sliders || [])[0];
    if (slider && slider.active) {
      Plotly.animate(target, [fig.frames[slider.active].name], {
        mode: "immediate", frame: { duration: 0, redraw: true }, transition: { duration: 0 }
      });
    }
    figureEl.setAttribute("aria-describedby", plot.getAttribute("aria-labelledby"));
    plot.removeAttribute("role");
    plot.removeAttribute("aria-labelledby");
  }

  // plotly.js rejects an animation interrupted by Pause with no reason at all;
  // that is not an error, so keep it out of the console.
  window.addEventListener("unhandledrejection", function (event) {
    if (event.reason === undefined) event.preventDefault();
  });

  function init() {
    var figures = document.querySelectorAll("figure.chart");
    if (!("IntersectionObserver" in window)) {
      figures.forEach(draw);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      });
    }, { rootMargin: "400px 0px" });
    figures.forEach(function (f) { observer.observe(f); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
