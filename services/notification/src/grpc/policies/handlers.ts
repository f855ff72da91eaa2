import { unwrap } from "@steward/platform/errors";
import { pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
import type { notificationPolicyV1 } from "@steward/proto";
import type { NotificationDeps } from "../../commands/deps.js";
import { upsertPolicyCommand } from "../../commands/policies.js";
import { listMatches, listPolicies } from "../../db/policies.js";
import type { Policy } from "../../domain/policies.js";

const toPolicyMessage = (policy: Policy): notificationPolicyV1.Policy => ({
  id: policy.id,
  code: policy.code,
  title: policy.title,
  summary: policy.summary,
  issuer: policy.issuer,
  url: policy.url,
  tags: policy.tags,
  noApplication: policy.noApplication,
  active: policy.active,
  version: policy.version,
  validUntil: policy.validUntil ?? "",
  updatedAt: policy.updatedAt,
});

export function policyHandlers(deps: NotificationDeps): ServiceHandlers<typeof notificationPolicyV1.PolicyServiceService> {
  return {
    async upsertPolicy(request, ctx) {
      const tags = request.tags ?? { industryChains: [], divisionCodes: [], scales: [], stages: [], milestones: [], keyProjectsOnly: false };
      const { policy, newMatches } = unwrap(
        await upsertPolicyCommand(
          deps,
          { code: request.code, title: request.title, summary: request.summary, issuer: request.issuer, url: request.url, tags, noApplication: request.noApplication, active: request.active, validUntil: request.validUntil },
          ctx.principal.subject,
        ),
      );
      return { policy: toPolicyMessage(policy), newMatches };
    },
    async listPolicies(request, ctx) {
      const paging = pageRequest(ctx, request, { default: 50, max: 200 }, { activeOnly: request.activeOnly });
      const page = await listPolicies(deps.sql, ctx.region, { activeOnly: request.activeOnly, after: paging.after, limit: paging.limit });
      return { policies: page.policies.map(toPolicyMessage), nextPageToken: paging.nextToken(page.next) };
    },
    async listPolicyMatches(request, ctx) {
      const paging = pageRequest(ctx, request, { default: 50, max: 200 }, { projectId: request.projectId });
      // Under the enterprise scope: the pushes to the caller's own credit code only.
      const creditCode = ctx.owner.creditCode;
      const page = await listMatches(deps.sql, ctx.region, { ...(request.projectId ? { projectId: request.projectId } : {}), ...(creditCode ? { creditCode } : {}), after: paging.after, limit: paging.limit });
      return { matches: page.matches, nextPageToken: paging.nextToken(page.next) };
    },
  };
}
