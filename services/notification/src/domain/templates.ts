/** A message template: zh-CN text with {placeholders}, kept in templates/<locale>.json. */
export interface Template {
  title: string;
  body: string;
}

export type Templates = Record<string, Template>;

/** Fills {name} placeholders; an unknown placeholder stays visible rather than vanishing. */
export function render(template: Template, values: Record<string, string | number>): Template {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
  return { title: fill(template.title), body: fill(template.body) };
}
