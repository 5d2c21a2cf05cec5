/**
 * What a person typed, ticked or chose before the page's scripts arrived, kept through
 * hydration.
 *
 * Svelte writes each field's rendered value into the DOM once while it hydrates
 * (`value={…}` sets `element.value`), which empties what was typed in the meantime — on
 * a slow line, seconds of a sign-in or a booking request (sveltejs/kit#8895; Svelte
 * keeps typed text only for `bind:value`, and the pages' forms are plain, progressive
 * forms). The root layout takes this snapshot before the tree hydrates and puts it back
 * once it has mounted. The nodes are the same: hydration adopts the server's DOM.
 */
export function keepTypedBeforeHydration(root: ParentNode = document): () => void {
  const restore: (() => void)[] = [];
  for (const el of root.querySelectorAll('input, textarea, select')) {
    if (el instanceof HTMLInputElement) {
      if (el.type === 'checkbox' || el.type === 'radio') {
        const checked = el.checked;
        if (checked !== el.defaultChecked) restore.push(() => (el.checked = checked));
      } else if (el.type === 'file') {
        const files = el.files;
        if (files?.length) restore.push(() => (el.files = files));
      } else if (el.type !== 'hidden' && el.value !== el.defaultValue) {
        const value = el.value;
        restore.push(() => (el.value = value));
      }
    } else if (el instanceof HTMLTextAreaElement) {
      const value = el.value;
      if (value !== el.defaultValue) restore.push(() => (el.value = value));
    } else if (el instanceof HTMLSelectElement) {
      const options = [...el.options];
      if (options.some((o) => o.selected !== o.defaultSelected)) {
        const chosen = options.map((o) => o.selected);
        restore.push(() => options.forEach((o, i) => (o.selected = chosen[i]!)));
      }
    }
  }
  return () => {
    for (const put of restore) put();
  };
}
