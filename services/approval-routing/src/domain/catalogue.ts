import { z } from "zod";

const limit = z.object({ value: z.number().int().min(0), unit: z.enum(["working_days", "calendar_days"]) });

/** The catalogue data file: departments and the approval items they handle. */
export const catalogueSchema = z.object({
  source: z.string(),
  departments: z.array(z.object({ code: z.string().min(1), name: z.string().min(1) })).min(1),
  items: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
        name: z.string().min(1),
        department: z.string().min(1),
        jurisdiction: z.enum(["county", "city"]),
        stage: z.enum(["立项用地规划许可", "工程建设许可", "施工许可", "竣工验收", "准营"]),
        statutoryLimit: limit,
        committedLimit: limit,
      }),
    )
    .min(1),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueItem = Catalogue["items"][number];

/** Parses and checks a catalogue; every problem names the item or department at fault. */
export function parseCatalogue(input: unknown): { ok: true; catalogue: Catalogue } | { ok: false; problems: string[] } {
  const parsed = catalogueSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  const departments = new Set(parsed.data.departments.map((d) => d.code));
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const item of parsed.data.items) {
    if (!departments.has(item.department)) problems.push(`item ${item.code}: unknown department ${item.department}`);
    if (codes.has(item.code)) problems.push(`item ${item.code}: listed twice`);
    codes.add(item.code);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, catalogue: parsed.data };
}
