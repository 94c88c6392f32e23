using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.AuditLog;

namespace TrustFundManager.Api.AuditLog;

public sealed class AuditLogEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit-log", List).WithTags("Audit log")
            .RequireAuthorization(Policies.ReadAuditLog)
            .WithRequestValidation<AuditLogQuery>()
            .WithName("ListAuditLog")
            .WithSummary("Lists recorded changes, newest first; filter by entity type, entity id or actor; page by number or, for long walks, by the previous page's nextBefore.");
    }

    private static async Task<Ok<AuditLogPage>> List([AsParameters] AuditLogQuery query, ClaimsPrincipal user,
        AuditLogUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(query, user.AsWorkflowActor(), ct));
}
