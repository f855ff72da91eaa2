import type { Sql, TransactionSql } from "postgres";
import type { RecipientProfile } from "../domain/delivery.js";
import type { Channel } from "../domain/rules.js";

export interface StoredPreferences {
  recipient: string;
  phone: string | undefined;
  email: string | undefined;
  channels: Channel[];
  updatedAt: Date;
  updatedBy: string;
}

interface PreferencesRow {
  recipient: string;
  phone: string | null;
  email: string | null;
  channels: Channel[];
  updated_at: Date;
  updated_by: string;
}

const toPreferences = (row: PreferencesRow): StoredPreferences => ({
  recipient: row.recipient,
  phone: row.phone ?? undefined,
  email: row.email ?? undefined,
  channels: row.channels,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export async function findPreferences(sql: Sql, region: string, recipient: string): Promise<StoredPreferences | undefined> {
  const [row] = await sql<PreferencesRow[]>`select * from recipient_preferences where region = ${region} and recipient = ${recipient}`;
  return row ? toPreferences(row) : undefined;
}

export async function savePreferences(sql: Sql, region: string, preferences: Omit<StoredPreferences, "updatedAt">, at: Date): Promise<StoredPreferences> {
  const [row] = await sql<PreferencesRow[]>`
    insert into recipient_preferences (region, recipient, phone, email, channels, updated_at, updated_by)
    values (${region}, ${preferences.recipient}, ${preferences.phone ?? null}, ${preferences.email ?? null}, ${preferences.channels}, ${at}, ${preferences.updatedBy})
    on conflict (region, recipient) do update set phone = excluded.phone, email = excluded.email, channels = excluded.channels,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by
    returning *`;
  return toPreferences(row!);
}

/** What planning needs of each recipient: its channel choice and which addresses it has (not the addresses). */
export async function recipientProfiles(tx: TransactionSql, region: string, recipients: readonly string[]): Promise<Map<string, RecipientProfile>> {
  if (recipients.length === 0) return new Map();
  const rows = await tx<{ recipient: string; channels: Channel[]; has_phone: boolean; has_email: boolean }[]>`
    select recipient, channels, phone is not null as has_phone, email is not null as has_email
    from recipient_preferences where region = ${region} and recipient = any(${[...new Set(recipients)]})`;
  return new Map(rows.map((row) => [row.recipient, { channels: row.channels, hasPhone: row.has_phone, hasEmail: row.has_email }]));
}
