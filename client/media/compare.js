// The comparison page: one table per cluster, one row per setting, one column per node. Mismatches
// are highlighted with their quick-fixes one click away; a value click reveals its line.
(function () {
  "use strict";
  const vscode = acquireVsCodeApi();

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  const STATUS = { equal: "", expected: "expected difference", mismatch: "mismatch" };

  function render(msg) {
    document.getElementById("title").textContent = msg.title || "Compare with peer";
    const box = document.getElementById("tables");
    box.textContent = "";
    if (!msg.tables.length) box.appendChild(el("p", { class: "empty" }, "These nodes share no cluster."));
    for (const t of msg.tables) {
      const table = el("table");
      table.appendChild(el("caption", {}, "Cluster " + t.cluster));
      const head = el("tr");
      for (const h of ["setting", ...t.nodes, ""]) head.appendChild(el("th", {}, h));
      table.appendChild(head);
      for (const row of t.rows) {
        const tr = el("tr", { class: row.status, "data-setting": row.setting });
        tr.appendChild(el("td", {}, row.setting));
        for (const cell of row.cells) {
          const td = el("td", { class: "value" }, cell.value);
          if (cell.file) td.addEventListener("click", () => vscode.postMessage({ type: "reveal", uri: cell.file, line: cell.line }));
          tr.appendChild(td);
        }
        const status = el("td", { class: "status" }, STATUS[row.status]);
        for (const fix of (t.fixes && t.fixes[row.setting]) || []) {
          const b = el("button", { type: "button", class: "fix" }, fix.title);
          b.addEventListener("click", () => vscode.postMessage({ type: "fix", id: fix.id }));
          status.appendChild(document.createTextNode(" "));
          status.appendChild(b);
        }
        tr.appendChild(status);
        table.appendChild(tr);
      }
      box.appendChild(table);
    }
    document.body.dataset.rendered = String((Number(document.body.dataset.rendered) || 0) + 1);
  }

  document.getElementById("open-diff").addEventListener("click", () => vscode.postMessage({ type: "diff" }));
  window.addEventListener("message", (event) => {
    if (event.data && event.data.type === "update") render(event.data);
  });
  vscode.postMessage({ type: "ready" });
})();
