// "Copy link", "Copy embed code" and saving exports: loaded the first time one is used.

/** Copy the link or the embed code (element and iframe), showing it as text too so it can be
 * copied by hand where the clipboard is not allowed. Returns what to say. */
export async function share(what, snippets, out, W) {
  const value = what === "link" ? snippets.link : `${snippets.element}\n\n${snippets.iframe}`;
  const name = what === "link" ? W.link : W.embed;
  out.value = value;
  out.hidden = false;
  try {
    await navigator.clipboard.writeText(value);
    return W.copied(name);
  } catch {
    out.focus();
    out.select();
    return W.selected(name);
  }
}

/** Offer `blob` as a download named `name`. */
export async function save(blob, name, said) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return said;
}
