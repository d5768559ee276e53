// plotly.js comes once per page: inlined in the exported page, else as a file the
// server hands out (and the browser caches), never inside a widget's state.

const PLOTLY_PATH = "explainer/static/vendor/plotly-basic.min.js";

function baseUrl() {
  const config = document.getElementById("jupyter-config-data");
  if (!config) return "/";
  try {
    return JSON.parse(config.textContent).baseUrl || "/";
  } catch (error) {
    return "/";
  }
}

function whenLoaded(script) {
  return new Promise((resolve, reject) => {
    script.addEventListener("load", () => (window.Plotly ? resolve(window.Plotly) : reject(new Error("no Plotly"))));
    script.addEventListener("error", () => reject(new Error(`could not load ${script.src}`)));
  });
}

export function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__explainerPlotly) {
    // The page may already have asked for it (Voilà's template preloads it).
    let script = document.querySelector("script[data-explainer-plotly]");
    if (!script) {
      script = document.createElement("script");
      script.dataset.explainerPlotly = "true";
      script.src = baseUrl().replace(/\/?$/, "/") + PLOTLY_PATH;
      document.head.append(script);
    }
    window.__explainerPlotly = whenLoaded(script);
  }
  return window.__explainerPlotly;
}
