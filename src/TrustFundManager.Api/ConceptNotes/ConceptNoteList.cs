using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Api.ConceptNotes;

/// <summary>The concept-note list: what the caller may see, filtered, sorted and paged in SQL.</summary>
internal static class ConceptNoteList
{
    /// <summary>Built with an initializer, not a constructor, so that EF can translate filters on its members.</summary>
    private sealed class Row
    {
        public required ConceptNote Note { get; init; }
        public required string State { get; init; }
        public required int DefinitionVersion { get; init; }
    }

    public static async Task<Results<Ok<ConceptNotePage>, ValidationProblem>> ListAsync([AsParameters] ConceptNoteQuery query,
        ClaimsPrincipal user, TrustFundDbContext db, WorkflowCatalog catalog, CancellationToken ct)
    {
        var statuses = catalog.Latest(ConceptNoteStatus.WorkflowId).States.Select(s => s.Name).ToList();
        if (query.Status is { } status && !statuses.Contains(status))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = [$"'{status}' is not a concept-note status; use one of: {string.Join(", ", statuses)}."],
            });

        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var visible = db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == ConceptNoteStatus.WorkflowId)
            .VisibleTo(user.AsWorkflowActor());
        var rows = from note in db.ConceptNotes.AsNoTracking()
            join instance in visible on note.Id equals instance.SubjectId
            select new Row { Note = note, State = instance.State, DefinitionVersion = instance.DefinitionVersion };

        rows = Filter(rows, query);
        var total = await rows.CountAsync(ct);
        var items = await Sort(rows, query.Sort).Skip(skip).Take(pageSize)
            .Select(r => new
            {
                r.Note.Id, r.Note.Title, r.Note.Country, r.Note.Countries, r.Note.Region, r.Note.ThematicAreaNumber,
                r.Note.GcmObjectives, r.Note.TotalRequestedUsd, r.Note.SubmissionCount, r.Note.FirstSubmittedAt,
                r.Note.CreatedAt, r.Note.UpdatedAt, r.State, r.DefinitionVersion,
                Organizations = r.Note.Budget.OrderBy(b => b.Position).Select(b => b.Organization).ToList(),
            })
            .ToListAsync(ct);

        return TypedResults.Ok(new ConceptNotePage(items.Select(n =>
        {
            var state = catalog.Get(ConceptNoteStatus.WorkflowId, n.DefinitionVersion).State(n.State);
            return new ConceptNoteSummaryResponse(n.Id, n.Title, n.Country, n.Countries, n.Region, n.ThematicAreaNumber,
                n.GcmObjectives, n.Organizations, n.TotalRequestedUsd,
                new ConceptNoteStatusResponse(state.Name, state.Title, state.Terminal), n.SubmissionCount,
                n.FirstSubmittedAt, n.CreatedAt, n.UpdatedAt, ConceptNoteAccess.Href(n.Id));
        }).ToList(), page, pageSize, total));
    }

    private static IQueryable<Row> Filter(IQueryable<Row> rows, ConceptNoteQuery query)
    {
        if (query.Status is { } status) rows = rows.Where(r => r.State == status);
        if (query.Country is { } country)
        {
            var code = country.Trim().ToUpperInvariant();
            rows = rows.Where(r => r.Note.Countries.Contains(code));
        }
        if (query.Region is { } region) rows = rows.Where(r => r.Note.Region == region);
        if (query.ThematicArea is { } area) rows = rows.Where(r => r.Note.ThematicAreaNumber == area);
        if (query.GcmObjective is { } objective) rows = rows.Where(r => r.Note.GcmObjectives.Contains(objective));
        if (query.Organization is { } organization)
        {
            var code = organization.Trim().ToUpperInvariant();
            rows = rows.Where(r => r.Note.Budget.Any(b => b.Organization == code));
        }
        // Instants are stored in UTC; a bound given with another offset is compared as the same instant in UTC.
        if (query.SubmittedFrom is { } from)
        {
            var utc = from.ToUniversalTime();
            rows = rows.Where(r => r.Note.FirstSubmittedAt >= utc);
        }
        if (query.SubmittedTo is { } to)
        {
            var utc = to.ToUniversalTime();
            rows = rows.Where(r => r.Note.FirstSubmittedAt <= utc);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{EscapeLike(query.Q.Trim())}%";
            rows = rows.Where(r => EF.Functions.Like(r.Note.Title, pattern, "\\"));
        }
        return rows;
    }

    private static IQueryable<Row> Sort(IQueryable<Row> rows, string? sort)
    {
        var descending = sort?.StartsWith('-') ?? true;
        IOrderedQueryable<Row> ordered = (sort?.TrimStart('-') ?? "createdAt") switch
        {
            "title" => descending ? rows.OrderByDescending(r => r.Note.Title) : rows.OrderBy(r => r.Note.Title),
            "country" => descending ? rows.OrderByDescending(r => r.Note.Country) : rows.OrderBy(r => r.Note.Country),
            "updatedAt" => descending ? rows.OrderByDescending(r => r.Note.UpdatedAt) : rows.OrderBy(r => r.Note.UpdatedAt),
            "submittedAt" => descending
                ? rows.OrderByDescending(r => r.Note.FirstSubmittedAt)
                : rows.OrderBy(r => r.Note.FirstSubmittedAt),
            "totalRequestedUsd" => descending
                ? rows.OrderByDescending(r => r.Note.TotalRequestedUsd)
                : rows.OrderBy(r => r.Note.TotalRequestedUsd),
            _ => descending ? rows.OrderByDescending(r => r.Note.CreatedAt) : rows.OrderBy(r => r.Note.CreatedAt),
        };
        return ordered.ThenBy(r => r.Note.Id);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
