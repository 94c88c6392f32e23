using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.AuditLog;

public sealed record AuditEntryResponse(long Id, DateTimeOffset OccurredAt, string Actor, string EntityType,
    string EntityId, string Action, JsonElement Changes, string? CorrelationId);

public sealed record AuditLogPage(IReadOnlyList<AuditEntryResponse> Items, int Page, int PageSize, int TotalCount);

public sealed record AuditLogQuery(string? EntityType, string? EntityId, string? Actor, int? Page, int? PageSize);

public sealed class AuditLogQueryValidator : AbstractValidator<AuditLogQuery>
{
    public AuditLogQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed class AuditLogEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit-log", List).WithTags("Audit log")
            .RequireAuthorization(Policies.ReadAuditLog)
            .WithRequestValidation<AuditLogQuery>()
            .WithName("ListAuditLog")
            .WithSummary("Lists recorded changes, newest first; filter by entity type, entity id or actor.");
    }

    private static async Task<Ok<AuditLogPage>> List([AsParameters] AuditLogQuery query, TrustFundDbContext db,
        CancellationToken ct)
    {
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(e => e.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId)) entries = entries.Where(e => e.EntityId == query.EntityId);
        if (!string.IsNullOrWhiteSpace(query.Actor)) entries = entries.Where(e => e.Actor == query.Actor);

        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.Id)
            .Skip(skip).Take(pageSize)
            .ToListAsync(ct);
        return TypedResults.Ok(new AuditLogPage(
            items.Select(e => new AuditEntryResponse(e.Id, e.OccurredAt, e.Actor, e.EntityType, e.EntityId, e.Action,
                JsonDocument.Parse(e.Changes).RootElement.Clone(), e.CorrelationId)).ToList(),
            page, pageSize, total));
    }
}
