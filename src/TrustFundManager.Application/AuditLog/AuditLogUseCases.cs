using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Common;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.AuditLog;

public sealed record AuditEntryResponse(long Id, DateTimeOffset OccurredAt, string Actor, string EntityType,
    string EntityId, string Action, JsonElement Changes, string? CorrelationId);

public sealed record AuditLogPage(IReadOnlyList<AuditEntryResponse> Items, int Page, int PageSize, int TotalCount);

public sealed record AuditLogQuery
{
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? Actor { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed class AuditLogQueryValidator : AbstractValidator<AuditLogQuery>
{
    public AuditLogQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

/// <summary>The recorded changes, for the FMU and administrators.</summary>
public sealed class AuditLogUseCases(TrustFundDbContext db)
{
    /// <summary>Recorded changes, newest first, of one entity type, entity or actor if asked.</summary>
    public async Task<AuditLogPage> ListAsync(AuditLogQuery query, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadAuditLog);
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(e => e.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId)) entries = entries.Where(e => e.EntityId == query.EntityId);
        if (!string.IsNullOrWhiteSpace(query.Actor)) entries = entries.Where(e => e.Actor == query.Actor);

        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.Id)
            .Skip(skip).Take(pageSize)
            .ToListAsync(ct);
        return new AuditLogPage(
            items.Select(e => new AuditEntryResponse(e.Id, e.OccurredAt, e.Actor, e.EntityType, e.EntityId, e.Action,
                JsonDocument.Parse(e.Changes).RootElement.Clone(), e.CorrelationId)).ToList(),
            page, pageSize, total);
    }
}
