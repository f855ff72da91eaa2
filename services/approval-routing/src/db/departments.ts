import type { Sql, TransactionSql } from "@steward/platform/db";
import { invalidArgument, type AppError } from "@steward/platform/errors";

/**
 * Whether the catalogue knows the department. Every department code a request names is checked
 * here before anything is written: an item handed, or a consultation sent, to a department that
 * does not exist is on nobody's queue — and a consultation nobody can answer turns into deemed
 * consent after its working days.
 */
export async function departmentExists(sql: Sql | TransactionSql, code: string): Promise<boolean> {
  const [row] = await sql`select 1 from departments where code = ${code}`;
  return row !== undefined;
}

/** The refusal of a department code the catalogue does not know, naming the request's field. */
export const unknownDepartment = (field: string, code: string): AppError => ({
  ...invalidArgument([{ field, description: `${code} is not a department of the catalogue` }]),
  reason: "UNKNOWN_DEPARTMENT",
});
