// The address names the moment: `#event-id`. Pure parsing here; the view reads and
// writes location.hash only on pages that ask for it (the exported page and Voilà).

export function momentFromHash(hash) {
  const raw = (hash || "").replace(/^#/, "");
  if (!raw) return "";
  try {
    return decodeURIComponent(raw);
  } catch (error) {
    return raw;
  }
}

export function hashFor(id) {
  return `#${encodeURIComponent(id)}`;
}

// A link to another page of the story, keeping the moment.
export function withMoment(href, id) {
  const [path] = (href || "").split("#");
  return `${path}${hashFor(id)}`;
}
