/** Opaque page tokens over the (updated_at, id) keyset. */
export function encodeCursor(cursor: { updatedAt: Date; id: string } | undefined): string {
  return cursor ? Buffer.from(JSON.stringify([cursor.updatedAt.toISOString(), cursor.id])).toString("base64url") : "";
}

export function decodeCursor(token: string): { updatedAt: Date; id: string } | undefined | "invalid" {
  if (!token) return undefined;
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(token, "base64url").toString()) as [string, string];
    const date = new Date(updatedAt);
    if (Number.isNaN(date.getTime()) || typeof id !== "string") return "invalid";
    return { updatedAt: date, id };
  } catch {
    return "invalid";
  }
}
