import { status, type ServiceError } from "@grpc/grpc-js";
import { createClient, type PromiseClient } from "@steward/platform/grpc";
import { intakeV1 } from "@steward/proto";

/**
 * The enterprise's contact, asked of intake (IntakeService.GetContact, service token only) when
 * an SMS is sent: the mobile number is intake's personal data, which never travels on the bus, so
 * notification keeps no copy of it — a number corrected in intake is used from the next message,
 * and there is one place to erase it. Answers are kept a minute in memory (never logged), so a
 * burst of notices to one enterprise costs one call.
 */
export class ContactDirectory {
  private readonly client: PromiseClient<typeof intakeV1.IntakeServiceService> | undefined;
  private readonly cache = new Map<string, { phone: string | undefined; until: number }>();

  constructor(address: string | undefined, token: () => Promise<string>, deadlineMs: number, private readonly ttlMs = 60_000) {
    this.client = address ? createClient(intakeV1.IntakeServiceService, { address, token, defaultDeadlineMs: deadlineMs }) : undefined;
  }

  /** Whether intake is linked at all (without it, the enterprise's SMS cannot be addressed). */
  get linked(): boolean {
    return this.client !== undefined;
  }

  /** The enterprise's mobile number; undefined when intake has none. Throws when intake cannot be asked. */
  async enterprisePhone(creditCode: string): Promise<string | undefined> {
    const cached = this.cache.get(creditCode);
    if (cached && cached.until > Date.now()) return cached.phone;
    if (!this.client) return undefined;
    let phone: string | undefined;
    try {
      phone = (await this.client.getContact({ key: { $case: "creditCode", value: creditCode } })).phone || undefined;
    } catch (error) {
      if ((error as ServiceError).code !== status.NOT_FOUND) throw error;
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(creditCode, { phone, until: Date.now() + this.ttlMs });
    return phone;
  }

  close(): void {
    this.client?.close();
  }
}
