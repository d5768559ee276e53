// Small states get a marker, so that a country too small to see or point at is still
// there. Pure functions: tested under node.

export const TINY_PX = 9; // a country smaller than this on screen gets a marker
export const MARKER_MAX = 6; // px
export const MARKER_MIN = 3; // px: plotly's own hover radius never goes below 3 px
export const NEAREST_PX = 10; // a pointer in the sea near a tiny state still names it

export function isTiny(country, kmPerPx) {
  return country.size_km / kmPerPx < TINY_PX;
}

// Which countries get a marker at this scale, and its radius. A radius stays under
// half the distance to any other country's anchor, so a marker never covers the point
// where a neighbour is pointed at; where even MARKER_MIN would, none is drawn (the
// shape and the nearest-anchor rule still name the country).
export function placeMarkers(countries, points, kmPerPx) {
  const codes = [];
  const radii = [];
  countries.forEach((country, i) => {
    if (!isTiny(country, kmPerPx)) return;
    let closest = Infinity;
    points.forEach((p, j) => {
      if (j !== i) closest = Math.min(closest, Math.hypot(p[0] - points[i][0], p[1] - points[i][1]));
    });
    const radius = Math.min(MARKER_MAX, 0.45 * closest);
    if (radius >= MARKER_MIN) {
      codes.push(i);
      radii.push(Math.round(radius * 10) / 10);
    }
  });
  return { codes, radii };
}

// SVG path data for a marker symbol of radius r, centred on 0,0.
const SHAPES = {
  circle: (r) => `M${r},0A${r},${r} 0 1,1 -${r},0A${r},${r} 0 1,1 ${r},0Z`,
  diamond: (r) => `M${r * 1.3},0L0,${r * 1.3}L-${r * 1.3},0L0,-${r * 1.3}Z`,
  square: (r) => `M${r},${r}H-${r}V-${r}H${r}Z`,
  "triangle-up": (r) => `M-${r * 1.15},${r * 0.9}H${r * 1.15}L0,-${r * 1.2}Z`,
  x: (r) => `M-${r},-${r}L${r},${r}M${r},-${r}L-${r},${r}`,
};

export function markerPath(symbol, r) {
  const base = (symbol || "circle").replace(/-open$/, "");
  return (SHAPES[base] || SHAPES.circle)(r);
}

// Open symbols and the cross are drawn as outlines only.
export function isOpen(symbol) {
  return /-open$/.test(symbol || "") || symbol === "x";
}
