using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.ConceptNotes;

/// <summary>What was submitted at each round, so that reviewers see what changed between rounds.</summary>
public sealed class ConceptNoteVersionUseCases(TrustFundDbContext db, WorkflowSubjects subjects)
{
    /// <summary>The submitted versions, first to latest, each naming the fields changed since the one before.</summary>
    public async Task<List<ConceptNoteVersionSummary>> ListAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        await ConceptNoteAccess.FindVisibleAsync(id, actor, subjects, db, tracked: false, ct);
        var versions = await LoadAsync(id, ct);
        return versions.Select((v, i) => new ConceptNoteVersionSummary(v.Number, v.Action, v.SubmittedBy,
            v.SubmittedByName, v.SubmittedAt, ChangedFields(i == 0 ? null : versions[i - 1], v),
            $"{ConceptNoteAccess.Href(id)}/versions/{v.Number}")).ToList();
    }

    /// <summary>One submitted version, whole, as it was submitted.</summary>
    public async Task<ConceptNoteVersionResponse> GetAsync(Guid id, int number, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        await ConceptNoteAccess.FindVisibleAsync(id, actor, subjects, db, tracked: false, ct);
        var versions = await LoadAsync(id, ct);
        var index = versions.FindIndex(v => v.Number == number);
        if (index < 0) throw new NotFoundException($"Concept note {id} has no version {number}.");
        var version = versions[index];
        return new ConceptNoteVersionResponse(id, version.Number, version.Action, version.SubmittedBy,
            version.SubmittedByName, version.SubmittedAt, ChangedFields(index == 0 ? null : versions[index - 1], version),
            version.ReadContent());
    }

    private Task<List<ConceptNoteVersion>> LoadAsync(Guid id, CancellationToken ct) =>
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
