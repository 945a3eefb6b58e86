// The topology webview's page script. Runs under a strict CSP; every config-derived string is
// inserted with textContent, and the SVG from Graphviz passes DOMPurify (loaded before this script)
// before it joins the page.
(function () {
  "use strict";
  const vscode = acquireVsCodeApi();
  let topology = null;
  const failures = new Set((vscode.getState() || {}).failures || []);

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Only references inside the picture itself (#id): no URL may load or navigate anything, be it an
   *  href or a url(...) in a presentation attribute (fill, filter, mask, marker, cursor ...). */
  function localReferencesOnly(node, data) {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue.trim();
    if ((name === "href" || name.endsWith(":href") || name === "src") && !/^#[\w.:-]*$/.test(value)) data.keepAttr = false;
    for (const m of value.matchAll(/url\(\s*(['"]?)([^'")]*)/gi)) if (!/^#[\w.:-]*$/.test(m[2].trim())) data.keepAttr = false;
  }

  /** The SVG from Graphviz, kept to DOMPurify's list of known-safe SVG elements and attributes.
   *  It is parsed as XML first, so it keeps the structure it was written with (an HTML parse would
   *  let an element such as <meta> break out of the SVG). */
  function sanitize(svgText) {
    const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
    const root = doc.documentElement;
    if (!root || root.namespaceURI !== "http://www.w3.org/2000/svg" || root.localName !== "svg") return undefined;
    DOMPurify.addHook("uponSanitizeAttribute", localReferencesOnly);
    try {
      const body = DOMPurify.sanitize(root, {
        USE_PROFILES: { svg: true, svgFilters: true },
        // Style sheets can load URLs (@import, url()); Graphviz draws with presentation attributes.
        FORBID_TAGS: ["style", "image", "a", "use", "animate", "set", "animateMotion", "animateTransform"],
        FORBID_ATTR: ["style"],
        RETURN_DOM: true,
      });
      return body.querySelector("svg") || undefined;
    } finally {
      DOMPurify.removeHook("uponSanitizeAttribute");
    }
  }

  function renderSvg(svgText) {
    const graph = document.getElementById("graph");
    graph.textContent = "";
    const svg = sanitize(svgText);
    if (!svg) {
      graph.appendChild(el("p", { class: "empty" }, "The picture could not be drawn."));
      return;
    }
    graph.appendChild(document.importNode(svg, true));
  }

  function checkbox(spec, label) {
    const box = el("input", { type: "checkbox", "data-failure": spec });
    box.checked = failures.has(spec);
    box.addEventListener("change", () => {
      if (box.checked) failures.add(spec);
      else failures.delete(spec);
      vscode.setState({ failures: [...failures] });
      vscode.postMessage({ type: "simulate", failures: [...failures] });
    });
    const l = el("label");
    l.appendChild(box);
    l.appendChild(document.createTextNode(" " + label));
    return l;
  }

  function renderFailures(t) {
    const box = document.getElementById("failures");
    box.textContent = "";
    box.appendChild(el("span", { class: "group" }, "Fail:"));
    const seen = new Set();
    const add = (spec, label) => {
      if (seen.has(spec)) return;
      seen.add(spec);
      box.appendChild(checkbox(spec, label));
    };
    for (const n of t.nodes) add(n.name, "node " + n.name);
    for (const c of t.clusters)
      for (const m of c.members) {
        for (const tr of m.tracks) add(m.node + ":" + tr.name, m.node + " " + tr.name);
        if (m.interface) add(m.node + ":" + m.interface, m.node + " " + m.interface);
      }
  }

  function renderSummary(t) {
    const box = document.getElementById("summary");
    box.textContent = "";
    for (const c of t.clusters) {
      const p = el("p", {}, c.summary);
      box.appendChild(p);
      for (const m of c.mismatches) box.appendChild(el("p", { class: "mismatch" }, "⚠ " + m.code + ": " + m.message));
    }
    if (!t.clusters.length) box.appendChild(el("p", { class: "empty" }, "No vrrp_instance in these files."));
  }

  /** Graphviz gives each drawn element the id we set in DOT: node-N, cluster-N, vs-N. */
  function sourceOf(id) {
    const m = /^(node|cluster|vs)-(\d+)$/.exec(id || "");
    if (!m || !topology) return undefined;
    const i = Number(m[2]);
    if (m[1] === "node") return topology.nodes[i] && topology.nodes[i].source;
    if (m[1] === "cluster") return topology.clusters[i] && topology.clusters[i].members[0] && topology.clusters[i].members[0].source;
    return topology.virtualServers[i] && topology.virtualServers[i].source;
  }

  document.getElementById("graph").addEventListener("click", (e) => {
    const g = e.target.closest && e.target.closest("g.node");
    const source = g && sourceOf(g.id);
    if (source) vscode.postMessage({ type: "reveal", source });
  });
  // PNG: the picture as shown (theme colours applied by topology.css), drawn on a canvas at 2x.
  const PAINTED = ["fill", "stroke", "stroke-width", "font-family", "font-size", "font-weight"];
  function pngOfGraph() {
    const shown = document.querySelector("#graph svg");
    if (!shown) return Promise.resolve(undefined);
    const copy = shown.cloneNode(true);
    const from = [shown, ...shown.querySelectorAll("*")];
    const to = [copy, ...copy.querySelectorAll("*")];
    from.forEach((node, i) => {
      const style = getComputedStyle(node);
      for (const p of PAINTED) to[i].setAttribute(p, style.getPropertyValue(p));
    });
    const box = shown.getBoundingClientRect();
    const width = Math.max(1, Math.ceil(box.width));
    const height = Math.max(1, Math.ceil(box.height));
    copy.setAttribute("width", String(width));
    copy.setAttribute("height", String(height));
    const xml = new XMLSerializer().serializeToString(copy);
    const image = new Image();
    return new Promise((resolve) => {
      image.onload = () => {
        const scale = 2;
        const canvas = document.createElement("canvas");
        canvas.width = width * scale;
        canvas.height = height * scale;
        const ctx = canvas.getContext("2d");
        ctx.fillStyle = getComputedStyle(document.body).backgroundColor || "#ffffff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.scale(scale, scale);
        ctx.drawImage(image, 0, 0, width, height);
        resolve(canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, ""));
      };
      image.onerror = () => resolve(undefined);
      image.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(xml)));
    });
  }
  document.getElementById("export-png").addEventListener("click", async () => {
    const base64 = await pngOfGraph();
    if (base64) vscode.postMessage({ type: "exportPng", base64 });
  });
  const scope = document.getElementById("scope");
  scope.addEventListener("click", () => {
    const whole = scope.getAttribute("aria-pressed") !== "true";
    scope.setAttribute("aria-pressed", String(whole));
    vscode.postMessage({ type: "scope", workspace: whole });
  });

  for (const format of ["svg", "dot", "mermaid"]) {
    document.getElementById("export-" + format).addEventListener("click", () => vscode.postMessage({ type: "export", format }));
  }

  window.addEventListener("message", (event) => {
    const msg = event.data;
    if (!msg || msg.type !== "update") return;
    topology = msg.topology;
    document.getElementById("title").textContent = msg.title || "Failover topology";
    scope.setAttribute("aria-pressed", String(!!msg.wholeWorkspace));
    scope.textContent = msg.wholeWorkspace ? "Active file only" : "Whole workspace";
    renderFailures(topology);
    renderSvg(msg.svg);
    renderSummary(topology);
    document.body.dataset.rendered = String((Number(document.body.dataset.rendered) || 0) + 1);
  });
  vscode.postMessage({ type: "ready", failures: [...failures] });
})();
