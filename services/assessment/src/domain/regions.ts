import { z } from "zod";

/** The regions data file (deploy/regions/<city>.json): another city is another file, not code. */
export const regionsFileSchema = z.object({
  city: z.object({ name: z.string().min(1), divisionCode: z.string().regex(/^\d{6}$/) }),
  regions: z
    .array(
      z.object({
        slug: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
        name: z.string().min(1),
        divisionCode: z.string().regex(/^\d{6}$/).nullable(),
        kind: z.enum(["city", "county", "development-zone"]),
      }),
    )
    .min(1)
    .refine((regions) => new Set(regions.map((region) => region.slug)).size === regions.length, "region slugs must be unique")
    .refine((regions) => regions.filter((region) => region.kind === "city").length === 1, "exactly one region is the city itself"),
});

export type Region = z.infer<typeof regionsFileSchema>["regions"][number];
