// Draws every chart on the page. Each <figure class="chart"> carries its
// figure as JSON in <script type="application/json">; plotly.js (served by
// this site under a content-hashed name) is loaded only when the first chart
// comes near the viewport. Layout defaults live here, once, not in each figure.
(function () {
  "use strict";

  var script = document.currentScript;
  var plotlySrc = script && script.dataset.plotly;
  var plotlyLoading = null;

  var COLORWAY = ["#8a3b12", "#0b5cad", "#2e7d32", "#6a3d9a", "#b8860b", "#555555"];

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function siteLayout(height) {
    var ink = cssVar("--ink") || "#1d1d1f";
    var rule = cssVar("--rule") || "#d9d6cf";
    return {
      autosize: true,
      height: height || 380,
      colorway: COLORWAY,
      font: { family: cssVar("--font-ui") || "sans-serif", size: 13, color: ink },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      margin: { l: 56, r: 12, t: 12, b: 44 },
      hovermode: "x unified",
      legend: { orientation: "h", y: -0.2 },
      xaxis: { gridcolor: rule, linecolor: rule, automargin: true },
      yaxis: { gridcolor: rule, linecolor: rule, automargin: true, rangemode: "tozero", separatethousands: true }
    };
  }

  function merge(base, extra) {
    var out = {};
    Object.keys(base).forEach(function (k) { out[k] = base[k]; });
    Object.keys(extra || {}).forEach(function (k) {
      var b = out[k], e = extra[k];
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
    var json = figureEl.querySelector('script[type="application/json"]');
    if (!plot || !json || plot.dataset.drawn) return;
    plot.dataset.drawn = "pending";
    var fig = JSON.parse(json.textContent);
    var layout = merge(siteLayout(Number(plot.dataset.height) || 0), fig.layout);
    loadPlotly().then(function (Plotly) {
      return Plotly.newPlot(plot, fig.data, layout, {
        responsive: true,
        displaylogo: false,
        modeBarButtonsToRemove: ["lasso2d", "select2d"]
      });
    }).then(function () {
      plot.dataset.drawn = "true";
      figureEl.classList.add("chart--drawn");
    });
  }

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
