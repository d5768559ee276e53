// Views painted from a data island meet the kernel's widget here. A page may hold
// several module copies (the page's and the widget's own), so the meeting point is a
// registry on the page's global object. A view and a live model belong together when
// their keys match and, where both can tell, they come from the same kernel.

const REGISTRY = "__explainerViews";

function registry() {
  if (!globalThis[REGISTRY]) globalThis[REGISTRY] = { views: new Set(), live: new Set() };
  return globalThis[REGISTRY];
}

export function liveKernel(model) {
  try {
    const kernel = model.widget_manager && model.widget_manager.kernel;
    return (kernel && kernel.id) || "";
  } catch (error) {
    return "";
  }
}

export function belong(view, live) {
  if (!view.key || view.key !== live.key) return false;
  const kernel = view.kernel ? view.kernel() : "";
  return !kernel || !live.kernel || kernel === live.kernel;
}

// A painted view: { key, kernel(), model: SwitchableModel }. It takes a live model
// that is already there (JupyterLab re-renders an output after the widget is made).
export function registerView(view) {
  const { views, live } = registry();
  views.add(view);
  const match = [...live].reverse().find((entry) => belong(view, entry));
  if (match) view.model.switchTo(match.model);
  return () => views.delete(view);
}

// A live widget model, from the widget's `initialize`: every painted view of it
// switches to it; when the kernel closes it, they go on without it.
export function registerLive(model) {
  const entry = { key: model.get("key") || "", kernel: liveKernel(model), model };
  const { views, live } = registry();
  live.add(entry);
  views.forEach((view) => {
    if (belong(view, entry)) view.model.switchTo(model);
  });
  const forget = () => {
    live.delete(entry);
    views.forEach((view) => {
      if (view.model.current === model) view.model.detach();
    });
  };
  model.on("destroy", forget);
  return forget;
}
