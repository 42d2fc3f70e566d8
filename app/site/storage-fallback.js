for (const name of ["localStorage", "sessionStorage"]) {
  try { window[name].getItem("restake-calc:probe"); } catch (e) {
    const m = new Map();
    const mem = {getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => { m.set(k, String(v)); },
      removeItem: (k) => { m.delete(k); }, clear: () => { m.clear(); }, key: (i) => [...m.keys()][i] ?? null,
      get length() { return m.size; }};
    try { Object.defineProperty(window, name, {value: mem, configurable: true}); } catch (e2) {}
  }
}
