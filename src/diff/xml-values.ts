// Pure: an XML element of a feed → the text a diff compares it by (its text, attributes and children in one line).
import { childElements, textOf, type Element } from '../serialize/xml-tree.js';

/** Child elements of any name, in document order. */
export function elementsOf(parent: Element): Element[] {
  return (parent.elements ?? []).filter((child) => child.type === 'element');
}

/** The text of the first child named `name`, or undefined. */
export function childText(parent: Element, name: string): string | undefined {
  const child = childElements(parent, name)[0];
  return child === undefined ? undefined : textOf(child);
}

/** An attribute's value as text, or undefined. */
export function attributeOf(element: Element, name: string): string | undefined {
  const value = element.attributes?.[name];
  return value === undefined ? undefined : String(value);
}

/**
 * An element as one text: its own text when it has nothing else; otherwise its attributes
 * (`name=value`, by name) and its children (`name: value`), so an element polyfeed does not
 * know still compares by everything in it.
 */
export function elementValue(element: Element): string {
  const children = elementsOf(element);
  const attributes = Object.entries(element.attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (children.length === 0 && attributes.length === 0) return textOf(element);
  const text = textOf(element);
  return [
    ...attributes.map(([name, value]) => `${name}=${String(value)}`),
    ...(text === '' ? [] : [text]),
    ...children.map((child) => `${child.name}: ${elementValue(child)}`),
  ].join('; ');
}

/** `url (type, N bytes)`, the one line an enclosure is shown and compared by. */
export function enclosureValue(url: string | undefined, type: string | undefined, length: string | undefined): string {
  const details = [type, length === undefined ? undefined : `${length} bytes`].filter((detail) => detail !== undefined);
  return details.length === 0 ? (url ?? '') : `${url ?? ''} (${details.join(', ')})`;
}
