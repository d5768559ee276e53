// The stage: the linked view on the whole screen, for a talk. The same DOM as on the
// page, laid out by the stylesheet (.xpl-stage); the browser's full screen where it
// allows it (a key press does), else the view covers the window. B or period blanks
// the screen, as a projector's mute would.

import { element } from "./dom.js";

export class Stage {
  constructor(root, labels, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.active = false;
    this.cover = element("div", "xpl-blank");
    this.cover.hidden = true;
    this.cover.setAttribute("role", "status");
    this.cover.append(element("p", "xpl-sr-only", labels.blanked));
    this.cover.addEventListener("click", () => this.blank(false));
    this.onFullscreen = () => {
      if (this.active && !document.fullscreenElement && this.wentFullscreen) this.leave();
    };
    document.addEventListener("fullscreenchange", this.onFullscreen);
  }

  get blanked() {
    return !this.cover.hidden;
  }

  enter() {
    if (this.active) return;
    this.active = true;
    this.root.classList.add("xpl-stage");
    document.documentElement.classList.add("xpl-staged");
    this.wentFullscreen = false;
    const request = this.root.requestFullscreen && document.fullscreenEnabled ? this.root.requestFullscreen() : null;
    if (request) request.then(() => (this.wentFullscreen = true)).catch(() => {});
    this.onChange(true);
  }

  leave() {
    if (!this.active) return;
    this.active = false;
    this.blank(false);
    this.root.classList.remove("xpl-stage");
    document.documentElement.classList.remove("xpl-staged");
    if (document.fullscreenElement === this.root) document.exitFullscreen().catch(() => {});
    this.onChange(false);
  }

  toggle() {
    if (this.active) this.leave();
    else this.enter();
  }

  // On the stage the cover is inside the view (all that a full screen shows); off it,
  // it covers the whole window.
  blank(on = !this.blanked) {
    if (on) (this.active ? this.root : document.body).append(this.cover);
    this.cover.hidden = !on;
  }

  dispose() {
    this.leave();
    this.cover.remove();
    document.removeEventListener("fullscreenchange", this.onFullscreen);
  }
}
