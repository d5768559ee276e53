// Downloads: the membership data as CSV (made in the page, from the view's data) and
// the map as an image, as the page shows it (markers and headline included).

import { element } from "./dom.js";

export function imageName(spec, moment, format) {
  const stem = spec.csv ? spec.csv.name.replace(/\.csv$/, "") : "map";
  return `${stem}-${moment.id}.${format}`;
}

function save(url, name) {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

async function downloadImage(spec, map, moment, format) {
  const figure = map.figureForImage(moment);
  if (!figure) return;
  const title = [moment.map_title, moment.map_subtitle].filter(Boolean).join(" — ");
  const layout = Object.assign({}, figure.layout, {
    title: { text: title, x: 0.01, xanchor: "left", font: { size: 18 } },
    margin: { l: 8, r: 8, t: 48, b: 8 },
  });
  const url = await window.Plotly.toImage({ data: figure.data, layout }, { format, width: 1200, height: 640 });
  save(url, imageName(spec, moment, format));
}

export class Downloads {
  constructor(spec, map, current) {
    const labels = spec.labels;
    this.section = element("p", "xpl-downloads");
    const png = element("button", "xpl-button xpl-download", labels.download_png);
    const svg = element("button", "xpl-button xpl-download", labels.download_svg);
    png.type = svg.type = "button";
    png.addEventListener("click", () => downloadImage(spec, map, current(), "png"));
    svg.addEventListener("click", () => downloadImage(spec, map, current(), "svg"));
    this.csv = element("a", "xpl-download-csv", labels.download_csv);
    if (spec.csv) {
      this.csv.download = spec.csv.name;
      this.csv.href = URL.createObjectURL(new Blob([spec.csv.text], { type: "text/csv;charset=utf-8" }));
    }
    this.section.append(png, svg, this.csv);
  }

  dispose() {
    if (this.csv.href.startsWith("blob:")) URL.revokeObjectURL(this.csv.href);
  }
}
