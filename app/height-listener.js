addEventListener("message", (e) => {
  if (!e.data || e.data.type !== "restake-calc:height" || !(e.data.height > 0)) return;
  for (const f of document.querySelectorAll("iframe")) if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
});
