// Keeps what the schema test needs from Plotly.PlotSchema.get(): attribute names, value types, enumerated values and
// flags, for the trace types the figure model emits, the layout, animation frames and the config.
(function () {
  const traceTypes = ['heatmap', 'scatter', 'scatter3d', 'bar', 'box', 'violin', 'sankey', 'isosurface', 'volume', 'surface'];
  const keep = ['valType', 'values', 'flags', 'extras', 'arrayOk', 'freeLength', 'dimensions', 'items'];
  function trim(node) {
    if (Array.isArray(node)) return node.map(trim);
    if (node === null || typeof node !== 'object') return node;
    const out = {};
    if ('valType' in node) {
      for (const k of keep) if (k in node) out[k] = k === 'items' ? trim(node[k]) : node[k];
      return out;
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === '_isSubplotObj' || k === '_isLinkedToArray') out[k] = v;
      else if (k.startsWith('_') || k === 'editType' || k === 'role' || k === 'description') continue;
      else if (v !== null && typeof v === 'object') out[k] = trim(v);
    }
    return out;
  }
  const s = Plotly.PlotSchema.get();
  const traces = {};
  for (const t of traceTypes) traces[t] = { attributes: trim(s.traces[t].attributes), layoutAttributes: trim(s.traces[t].layoutAttributes || {}) };
  const subset = {
    plotlyVersion: Plotly.version,
    traces: traces,
    layout: { layoutAttributes: trim(s.layout.layoutAttributes) },
    frames: trim(s.frames),
    config: trim(s.config),
  };
  document.getElementById('out').textContent = JSON.stringify(subset);
})();
