import { invalidArgument, raise, type ErrorReason, type FieldViolation } from "@steward/platform/errors";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const requestId = /^[\w.:-]{1,128}$/;
const department = /^[a-z][a-z0-9_-]{0,31}$/;

export const isUuid = (value: string): boolean => uuid.test(value);

/** Collects field violations and raises them together, so a caller fixes everything at once. */
export class FieldCheck {
  private readonly violations: FieldViolation[] = [];

  uuid(field: string, value: string): this {
    if (!uuid.test(value)) this.violations.push({ field, description: "must be a UUID" });
    return this;
  }

  requestId(value: string): this {
    if (!requestId.test(value)) this.violations.push({ field: "request_id", description: "must be 1-128 letters, digits or . _ : -" });
    return this;
  }

  department(field: string, value: string): this {
    if (!department.test(value)) this.violations.push({ field, description: "must be a department code" });
    return this;
  }

  text(field: string, value: string, options: { required?: boolean; max: number }): this {
    if (options.required && !value.trim()) this.violations.push({ field, description: "is required" });
    else if (value.length > options.max) this.violations.push({ field, description: `must be at most ${options.max} characters` });
    return this;
  }

  list(field: string, values: string[], options: { max: number; maxLength: number }): this {
    if (values.length > options.max) this.violations.push({ field, description: `holds at most ${options.max} entries` });
    values.forEach((value, index) => {
      if (!value.trim() || value.length > options.maxLength) this.violations.push({ field: `${field}[${index}]`, description: `must be 1-${options.maxLength} characters` });
    });
    return this;
  }

  add(field: string, description: string, when: boolean): this {
    if (when) this.violations.push({ field, description });
    return this;
  }

  /** Raises the violations found, if any, as INVALID_ARGUMENT (with a stable reason when given). */
  done(reason?: ErrorReason): void {
    if (this.violations.length > 0) raise({ ...invalidArgument(this.violations), ...(reason ? { reason } : {}) });
  }
}

export const check = () => new FieldCheck();
