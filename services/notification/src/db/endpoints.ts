import type { Sql, TransactionSql } from "postgres";

export interface WebhookEndpoint {
  recipient: string;
  url: string;
  registeredAt: Date;
  registeredBy: string;
}

interface EndpointRow {
  recipient: string;
  url: string;
  registered_at: Date;
  registered_by: string;
}

const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({ recipient: row.recipient, url: row.url, registeredAt: row.registered_at, registeredBy: row.registered_by });

/** Registers or replaces an endpoint (a new secret with it). */
export async function saveEndpoint(sql: Sql, region: string, endpoint: { recipient: string; url: string; secret: string; registeredBy: string }, at: Date): Promise<WebhookEndpoint> {
  const [row] = await sql<EndpointRow[]>`
    insert into webhook_endpoints (region, recipient, url, secret, registered_at, registered_by)
    values (${region}, ${endpoint.recipient}, ${endpoint.url}, ${endpoint.secret}, ${at}, ${endpoint.registeredBy})
    on conflict (region, recipient) do update set url = excluded.url, secret = excluded.secret, registered_at = excluded.registered_at, registered_by = excluded.registered_by
    returning recipient, url, registered_at, registered_by`;
  return toEndpoint(row!);
}

export async function listEndpoints(sql: Sql, region: string): Promise<WebhookEndpoint[]> {
  const rows = await sql<EndpointRow[]>`select recipient, url, registered_at, registered_by from webhook_endpoints where region = ${region} order by recipient`;
  return rows.map(toEndpoint);
}

/** Recipients with an endpoint, for planning. */
export async function endpointRecipients(tx: TransactionSql, region: string): Promise<Set<string>> {
  const rows = await tx<{ recipient: string }[]>`select recipient from webhook_endpoints where region = ${region}`;
  return new Set(rows.map((row) => row.recipient));
}
