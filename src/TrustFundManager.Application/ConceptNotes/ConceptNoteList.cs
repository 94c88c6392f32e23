using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Common;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.ConceptNotes;

/// <summary>The concept-note list's query: what the caller may see, filtered, sorted and paged in SQL.</summary>
/// <remarks>
/// The notes are filtered, counted and paged on their own table, where the indexes of the sort keys let the database
/// stop after the page; the workflow instances are consulted only where the caller's visibility or a status narrows
/// the list, and joined for the page's rows alone, read by their ids. (Every note has its workflow instance: both are
/// saved together when the note is drafted.)
/// </remarks>
internal static class ConceptNoteList
{
    /// <summary>The page the query asks for; its status, if any, is one the workflow knows.</summary>
    public static async Task<ConceptNotePage> PageAsync(ConceptNoteQuery query, WorkflowActor actor,
        TrustFundDbContext db, WorkflowSubjects subjects, WorkflowCatalog catalog, CancellationToken ct)
    {
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var instances = db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == ConceptNoteStatus.WorkflowId);
        var notes = Filter(db.ConceptNotes.AsNoTracking(), query);
        var ownCountry = ConceptNoteAccess.OnlyCountrySeenBy(actor);
        if (ownCountry is not null) notes = notes.Where(n => n.Country == ownCountry);

        var narrowing = Narrowing(subjects, actor, query.Status);
        var total = await CountAsync(notes, narrowing, fewNotes: ownCountry is not null, ct);
        if (narrowing is not null) notes = notes.Where(n => narrowing.Any(i => i.SubjectId == n.Id));

        // The page walks the sort order (checking each note's instance, if any narrow it) until the page is full.
        var ids = await Sort(notes, query.Sort).Skip(skip).Take(pageSize).Select(n => n.Id).ToListAsync(ct);
        var rows = await (
                from note in db.ConceptNotes.AsNoTracking().Where(n => ids.Contains(n.Id))
                join instance in instances on note.Id equals instance.SubjectId
                select new
                {
                    note.Id, note.Title, note.Country, note.Region, note.ThematicAreaNumber,
                    Countries = note.CountryLines.OrderBy(c => c.Position).Select(c => c.Country).ToList(),
                    note.GcmObjectives, note.TotalRequestedUsd, note.SubmissionCount, note.FirstSubmittedAt,
                    note.CreatedAt, note.UpdatedAt, instance.State, instance.DefinitionVersion,
                    Organizations = note.Budget.OrderBy(b => b.Position).Select(b => b.Organization).ToList(),
                })
            .ToListAsync(ct);
        var position = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var items = rows.OrderBy(r => position[r.Id]);

        return new ConceptNotePage(items.Select(n =>
        {
            var state = catalog.Get(ConceptNoteStatus.WorkflowId, n.DefinitionVersion).State(n.State);
            return new ConceptNoteSummaryResponse(n.Id, n.Title, n.Country, n.Countries, n.Region, n.ThematicAreaNumber,
                n.GcmObjectives, n.Organizations, n.TotalRequestedUsd,
                new ConceptNoteStatusResponse(state.Name, state.Title, state.Terminal), n.SubmissionCount,
                n.FirstSubmittedAt, n.CreatedAt, n.UpdatedAt, ConceptNoteAccess.Href(n.Id));
        }).ToList(), page, pageSize, total);
    }

    /// <summary>The instances that keep a note in the list, or null when every note's instance does.</summary>
    private static IQueryable<WorkflowInstance>? Narrowing(WorkflowSubjects subjects, WorkflowActor actor, string? status)
    {
        if (actor.SeesEverything && status is null) return null;
        var narrowed = subjects.VisibleTo(ConceptNoteStatus.WorkflowId, actor);
        return status is null ? narrowed : narrowed.Where(i => i.State == status);
    }

    /// <summary>
    /// The count of the notes that pass: joined with the instances that narrow them, the shape SQLite plans well from
    /// either side; but notes already narrowed to a few (a government's) check their own instances one by one.
    /// </summary>
    private static Task<int> CountAsync(IQueryable<ConceptNote> notes, IQueryable<WorkflowInstance>? narrowing,
        bool fewNotes, CancellationToken ct)
    {
        if (narrowing is null) return notes.CountAsync(ct);
        return fewNotes
            ? notes.CountAsync(n => narrowing.Any(i => i.SubjectId == n.Id), ct)
            : notes.Join(narrowing, n => n.Id, i => i.SubjectId, (n, _) => n).CountAsync(ct);
    }

    private static IQueryable<ConceptNote> Filter(IQueryable<ConceptNote> notes, ConceptNoteQuery query)
    {
        if (query.Country is { } country)
        {
            var code = country.Trim().ToUpperInvariant();
            // The notes covering the country, found through the countries' index rather than note by note.
            var covering = notes.SelectMany(n => n.CountryLines).Where(c => c.Country == code)
                .Select(c => EF.Property<Guid>(c, "ConceptNoteId"));
            notes = notes.Where(n => covering.Contains(n.Id));
        }
        if (query.Region is { } region) notes = notes.Where(n => n.Region == region);
        if (query.ThematicArea is { } area) notes = notes.Where(n => n.ThematicAreaNumber == area);
        if (query.GcmObjective is { } objective) notes = notes.Where(n => n.GcmObjectives.Contains(objective));
        if (query.Organization is { } organization)
        {
            var code = organization.Trim().ToUpperInvariant();
            notes = notes.Where(n => n.Budget.Any(b => b.Organization == code));
        }
        // Instants are stored in UTC; a bound given with another offset is compared as the same instant in UTC.
        if (query.SubmittedFrom is { } from)
        {
            var utc = from.ToUniversalTime();
            notes = notes.Where(n => n.FirstSubmittedAt >= utc);
        }
        if (query.SubmittedTo is { } to)
        {
            var utc = to.ToUniversalTime();
            notes = notes.Where(n => n.FirstSubmittedAt <= utc);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{EscapeLike(query.Q.Trim())}%";
            notes = notes.Where(n => EF.Functions.Like(n.Title, pattern, "\\"));
        }
        return notes;
    }

    private static IQueryable<ConceptNote> Sort(IQueryable<ConceptNote> notes, string? sort)
    {
        var descending = sort?.StartsWith('-') ?? true;
        IOrderedQueryable<ConceptNote> ordered = (sort?.TrimStart('-') ?? "createdAt") switch
        {
            "title" => descending ? notes.OrderByDescending(n => n.Title) : notes.OrderBy(n => n.Title),
            "country" => descending ? notes.OrderByDescending(n => n.Country) : notes.OrderBy(n => n.Country),
            "updatedAt" => descending ? notes.OrderByDescending(n => n.UpdatedAt) : notes.OrderBy(n => n.UpdatedAt),
            "submittedAt" => descending
                ? notes.OrderByDescending(n => n.FirstSubmittedAt)
                : notes.OrderBy(n => n.FirstSubmittedAt),
            "totalRequestedUsd" => descending
                ? notes.OrderByDescending(n => n.TotalRequestedUsd)
                : notes.OrderBy(n => n.TotalRequestedUsd),
            _ => descending ? notes.OrderByDescending(n => n.CreatedAt) : notes.OrderBy(n => n.CreatedAt),
        };
        return ordered.ThenBy(n => n.Id);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
