// Play: step through the events on a timer; stops at the last one.

export class Player {
  constructor(button, labels, intervalMs, stepper) {
    this.button = button;
    this.labels = labels;
    this.intervalMs = intervalMs;
    this.stepper = stepper; // { atEnd(), restart(), next() }
    this.timer = null;
    button.addEventListener("click", () => (this.playing ? this.stop() : this.start()));
    this.draw();
  }

  get playing() {
    return this.timer !== null;
  }

  start() {
    if (this.stepper.atEnd()) this.stepper.restart();
    this.timer = setInterval(() => {
      if (this.stepper.atEnd()) this.stop();
      else this.stepper.next();
    }, this.intervalMs() || 4000);
    this.draw();
  }

  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.draw();
  }

  draw() {
    this.button.textContent = this.playing ? `❚❚ ${this.labels.pause}` : `▶ ${this.labels.play}`;
    this.button.setAttribute("aria-pressed", this.playing ? "true" : "false");
  }
}
