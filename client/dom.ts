/** Tiny DOM helpers. Text is always set with textContent: nothing from a client is parsed as HTML. */

// Chrome before 86 (many older Android phones) lacks replaceChildren, which the pages use.
if (typeof Element.prototype.replaceChildren !== 'function') {
  Element.prototype.replaceChildren = function (this: Element, ...nodes: (Node | string)[]): void {
    while (this.firstChild) this.removeChild(this.firstChild);
    this.append(...nodes);
  };
}

/** Creates an element with a class and text or children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  content: string | (Node | string | null | undefined | false)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (typeof content === 'string') node.textContent = content;
  else for (const child of content) if (child) node.append(child);
  return node;
}
