using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.ConceptNotes;

/// <summary>What was submitted at each round, so that reviewers see what changed between rounds.</summary>
public sealed class ConceptNoteVersionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/concept-notes/{id:guid}/versions").WithTags("Concept notes")
            .RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", List).WithName("ListConceptNoteVersions")
            .WithSummary("The submitted versions, first to latest, each naming the fields changed since the one before.");
        group.MapGet("/{number:int}", Get).WithName("GetConceptNoteVersion")
            .WithSummary("One submitted version, whole, as it was submitted.");
    }

    private static async Task<Results<Ok<List<ConceptNoteVersionSummary>>, ProblemHttpResult>> List(Guid id,
        ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        if (await ConceptNoteAccess.FindVisibleAsync(id, user.AsWorkflowActor(), db, engine, tracked: false, ct) is null)
            return ConceptNoteAccess.NotFound(id);
        var versions = await LoadAsync(db, id, ct);
        return TypedResults.Ok(versions.Select((v, i) => new ConceptNoteVersionSummary(v.Number, v.Action, v.SubmittedBy,
            v.SubmittedByName, v.SubmittedAt, ChangedFields(i == 0 ? null : versions[i - 1], v),
            $"{ConceptNoteAccess.Href(id)}/versions/{v.Number}")).ToList());
    }

    private static async Task<Results<Ok<ConceptNoteVersionResponse>, ProblemHttpResult>> Get(Guid id, int number,
        ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        if (await ConceptNoteAccess.FindVisibleAsync(id, user.AsWorkflowActor(), db, engine, tracked: false, ct) is null)
            return ConceptNoteAccess.NotFound(id);
        var versions = await LoadAsync(db, id, ct);
        var index = versions.FindIndex(v => v.Number == number);
        if (index < 0) return ApiProblems.NotFound($"Concept note {id} has no version {number}.");
        var version = versions[index];
        return TypedResults.Ok(new ConceptNoteVersionResponse(id, version.Number, version.Action, version.SubmittedBy,
            version.SubmittedByName, version.SubmittedAt, ChangedFields(index == 0 ? null : versions[index - 1], version),
            version.ReadContent()));
    }

    private static Task<List<ConceptNoteVersion>> LoadAsync(TrustFundDbContext db, Guid id, CancellationToken ct) =>
        db.ConceptNoteVersions.AsNoTracking().Where(v => v.ConceptNoteId == id).OrderBy(v => v.Number).ToListAsync(ct);

    /// <summary>The top-level fields whose value differs from the previous version; none for the first.</summary>
    private static IReadOnlyList<string> ChangedFields(ConceptNoteVersion? previous, ConceptNoteVersion current)
    {
        if (previous is null) return [];
        using var before = JsonDocument.Parse(previous.Content);
        using var after = JsonDocument.Parse(current.Content);
        return after.RootElement.EnumerateObject()
            .Where(field => !before.RootElement.TryGetProperty(field.Name, out var old) ||
                            !JsonElement.DeepEquals(old, field.Value))
            .Select(field => field.Name)
            .ToList();
    }
}
