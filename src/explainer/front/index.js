// The explainer's front end, one module for every surface:
//
// - `mount(host, payload)` paints a view from its data island (a notebook output of type
//   application/vnd.explainer.view+json): the exported page, Voilà before its kernel is
//   ready, JupyterLab with no kernel at all;
// - `initialize({ model })` is the widget's hook (anywidget): the kernel's live model
//   joins the views already painted for it;
// - `render({ model, el })` draws the widget on its own, where no island was painted
//   (a widget inside another widget, other notebook front ends).

import { registerLive, registerView } from "./attach.js";
import { mountQuotes } from "./cards.js";
import { LinkedView } from "./linked.js";
import { SwitchableModel, staticModel } from "./model.js";
import { mountMembers } from "./members.js";

export const MIME_TYPE = "application/vnd.explainer.view+json";

const KINDS = { quotes: mountQuotes, members: mountMembers };

// Paint one island. `options.deepLinks`: the page's address names the moment;
// `options.kernel()`: the id of the kernel this page or notebook runs on, if any.
export function mount(host, payload, options = {}) {
  host.replaceChildren();
  if (KINDS[payload.kind]) return KINDS[payload.kind](host, payload.state || {});
  const model = new SwitchableModel(staticModel(Object.assign({}, payload.state)));
  const view = new LinkedView(host, model, options);
  const unregister = registerView({ key: payload.key || "", kernel: options.kernel, model });
  return {
    view,
    dispose() {
      unregister();
      view.dispose();
    },
  };
}

// Paint every island of the page: <script type="application/json" data-explainer-view>
// beside the element it names.
export function mountAll(options = {}) {
  const mounted = [];
  document.querySelectorAll("script[data-explainer-view]").forEach((island) => {
    const host = document.getElementById(island.dataset.explainerView);
    if (!host || host.dataset.explainerMounted) return;
    host.dataset.explainerMounted = "true";
    mounted.push(mount(host, JSON.parse(island.textContent), options));
  });
  return mounted;
}

// Settles once every view's map is drawn (or could not be), or after `ms`.
export function painted(mounted, ms = 4000) {
  const drawn = Promise.all(mounted.map((m) => (m.view ? m.view.map.ready : null)));
  return Promise.race([drawn, new Promise((resolve) => setTimeout(resolve, ms))]);
}

function initialize({ model }) {
  return registerLive(model);
}

function render({ model, el }) {
  const view = new LinkedView(el, model, {});
  return () => view.dispose();
}

export default { initialize, render };
