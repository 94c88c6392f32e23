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

/// <summary>
/// One page of the log. <c>NextBefore</c> is the cursor of the next (older) page, null on the last one. The total
/// is counted only for a page asked by number; a page asked with <c>before</c> skips the count, so walking a long log
/// costs one index seek per page.
/// </summary>
public sealed record AuditLogPage(IReadOnlyList<AuditEntryResponse> Items, int Page, int PageSize, int? TotalCount,
    long? NextBefore);

public sealed record AuditLogQuery
{
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? Actor { get; init; }

    /// <summary>Only entries older than this one (its id): the <c>nextBefore</c> of the page before.</summary>
    public long? Before { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed class AuditLogQueryValidator : AbstractValidator<AuditLogQuery>
{
    public AuditLogQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Before).GreaterThan(0);
        RuleFor(q => q.Page).Equal(1).When(q => q.Before is not null && q.Page is not null)
            .WithMessage("Page by number or by 'before', not both: 'before' already says where the page starts.");
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

        int? total = null;
        if (query.Before is { } before) entries = entries.Where(e => e.Id < before);
        else total = await entries.CountAsync(ct);

        // One row more than the page tells whether an older page follows, without counting.
        var rows = await entries.OrderByDescending(e => e.Id)
            .Skip(query.Before is null ? skip : 0).Take(pageSize + 1)
            .ToListAsync(ct);
        var items = rows.Take(pageSize).ToList();
        var nextBefore = rows.Count > pageSize ? items[^1].Id : (long?)null;
        return new AuditLogPage(
            items.Select(e => new AuditEntryResponse(e.Id, e.OccurredAt, e.Actor, e.EntityType, e.EntityId, e.Action,
                JsonDocument.Parse(e.Changes).RootElement.Clone(), e.CorrelationId)).ToList(),
            page, pageSize, total, nextBefore);
    }
}
