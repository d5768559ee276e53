// The members on one date as a table of its own (a notebook cell's "members" view),
// drawn by the same code as the linked view's table, with the CSV download.

import { element } from "./dom.js";
import { MembersTable } from "./table.js";

export function mountMembers(host, state) {
  const root = element("div", "xpl-view xpl-members-view");
  root.lang = state.lang;
  // A table of its own (the data page's): shown, not folded away.
  const table = new MembersTable(state, `xpl-members-${Math.random().toString(36).slice(2, 7)}`, false);
  let url = "";
  if (state.csv) {
    url = URL.createObjectURL(new Blob([state.csv.text], { type: "text/csv;charset=utf-8" }));
    const link = element("a", "xpl-download-csv", state.labels.download_csv);
    link.download = state.csv.name;
    link.href = url;
    root.append(element("p", "xpl-downloads"));
    root.lastChild.append(link);
  }
  table.show(state.moment);
  root.append(table.section);
  host.replaceChildren(root);
  return {
    dispose() {
      if (url) URL.revokeObjectURL(url);
    },
  };
}
