// JupyterLab: draw the explainer's views from a notebook's stored outputs, with no
// kernel and in an untrusted notebook (a fresh clone). The renderer is a thin host: the
// front end itself is the package's explainer.js, served by its server extension, the
// same module that draws Voilà's pages and the exported ones. It builds its views with
// textContent only, so it is safe to run on untrusted output.
//
// A view drawn here meets the kernel's live widget (after a run) by key and kernel id,
// so the notebook's kernel follows the reader's choices, as in Voilà.

import { PageConfig, URLExt } from "@jupyterlab/coreutils";
import { INotebookTracker } from "@jupyterlab/notebook";
import { IRenderMimeRegistry } from "@jupyterlab/rendermime";
import { Widget } from "@lumino/widgets";

const MIME_TYPE = "application/vnd.explainer.view+json";

function staticUrl(name) {
  return URLExt.join(PageConfig.getBaseUrl(), "explainer/static", name);
}

let frontEnd = null;
function loadFrontEnd() {
  if (!frontEnd) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = staticUrl("explainer.css");
    document.head.append(link);
    frontEnd = import(/* webpackIgnore: true */ staticUrl("explainer.js"));
  }
  return frontEnd;
}

class ViewRenderer extends Widget {
  constructor(options, tracker) {
    super();
    this.mimeType = options.mimeType;
    this.tracker = tracker;
    this.mounted = null;
    this.addClass("xpl-lab-output");
  }

  // The id of the kernel of the notebook this output is in, if it has one.
  kernelId() {
    const panel = this.tracker && this.tracker.find((p) => p.node.contains(this.node));
    const kernel = panel && panel.sessionContext.session && panel.sessionContext.session.kernel;
    return (kernel && kernel.id) || "";
  }

  async renderModel(model) {
    const payload = model.data[this.mimeType];
    const front = await loadFrontEnd();
    if (this.mounted) this.mounted.dispose();
    const host = document.createElement("div");
    this.node.replaceChildren(host);
    this.mounted = front.mount(host, payload, { deepLinks: false, kernel: () => this.kernelId() });
  }

  dispose() {
    if (this.mounted) this.mounted.dispose();
    this.mounted = null;
    super.dispose();
  }
}

const plugin = {
  id: "explainer-view:renderer",
  description: "Draws the explainer's views in notebooks, with or without a kernel.",
  autoStart: true,
  requires: [IRenderMimeRegistry],
  optional: [INotebookTracker],
  activate(app, rendermime, tracker) {
    rendermime.addFactory(
      {
        // Safe: the front end sets every text with textContent and links only http(s).
        safe: true,
        mimeTypes: [MIME_TYPE],
        createRenderer: (options) => new ViewRenderer(options, tracker),
      },
      // Before the widget renderer (-10): the island draws at once and the live
      // widget joins it, rather than "model not found" when there is no kernel.
      -20,
    );
  },
};

export default plugin;
