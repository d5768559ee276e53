// Which country is under the pointer: plain geometry on the map's own coordinates
// (projected kilometres), with no DOM and no plotly. Tested under node.

// The closed rings of a plotly "toself" trace: runs of points separated by nulls.
export function rings(trace) {
  const result = [];
  let ring = [];
  for (let i = 0; i < trace.x.length; i++) {
    const x = trace.x[i];
    const y = trace.y[i];
    if (x === null || y === null) {
      if (ring.length > 2) result.push(ring);
      ring = [];
    } else {
      ring.push([x, y]);
    }
  }
  if (ring.length > 2) result.push(ring);
  return result;
}

export function bounds(parts) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  parts.forEach((ring) =>
    ring.forEach(([x, y]) => {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }),
  );
  return [x0, y0, x1, y1];
}

// Even-odd rule over every ring: holes (lakes, enclaves) are outside.
export function inside(parts, x, y) {
  let odd = false;
  for (const ring of parts) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

// Each country's rings and bounding box, computed once per view.
export function countryShapes(figure, countries) {
  return countries.map((country) => {
    const parts = rings(figure.data[country.trace]);
    return { parts, box: bounds(parts) };
  });
}

// The index of the shape that contains (x, y), or -1.
export function shapeAt(shapes, x, y) {
  for (let i = 0; i < shapes.length; i++) {
    const [x0, y0, x1, y1] = shapes[i].box;
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && inside(shapes[i].parts, x, y)) return i;
  }
  return -1;
}

// The nearest of `points` (pixels) to (px, py) among `candidates`, within `limit`
// pixels (each may have its own: a number or a function of the candidate), or -1.
export function nearest(points, candidates, px, py, limit) {
  let best = -1;
  let bestDistance = Infinity;
  candidates.forEach((i, k) => {
    const within = typeof limit === "function" ? limit(i, k) : limit;
    const distance = Math.hypot(points[i][0] - px, points[i][1] - py);
    if (distance <= within && distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}
