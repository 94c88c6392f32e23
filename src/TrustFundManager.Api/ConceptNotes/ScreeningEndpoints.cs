using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.ConceptNotes;

/// <summary>The FMU's eligibility checklist, one round per submission.</summary>
public sealed class ScreeningEndpoints : IEndpointGroup
{
    private static readonly Dictionary<ScreeningItem, string> Descriptions = new()
    {
        [ScreeningItem.Complete] = "Complete: every section of the concept note is filled in.",
        [ScreeningItem.WithinCeilings] = "Within ceilings: the budget and the duration are within the fund's limits.",
        [ScreeningItem.AtLeastTwoOrganizations] = "At least two participating UN organizations.",
        [ScreeningItem.MarkersScored] = "Gender, human-rights and child-sensitivity markers scored (0-3).",
        [ScreeningItem.EndorsedByGovernment] = "Endorsed by the government.",
    };

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/concept-notes/{id:guid}/screening").WithTags("Concept notes");
        group.MapGet("/", Get).RequireAuthorization(Policies.SignedIn).WithName("GetConceptNoteScreening")
            .WithSummary("The screening checklist: the current round's findings (with what the note itself suggests) and earlier rounds.");
        group.MapPut("/", Record).RequireAuthorization(Policies.ScreenConceptNotes)
            .WithRequestValidation<RecordScreeningRequest>()
            .WithName("RecordConceptNoteScreening")
            .WithSummary("Records checklist findings for the current round while the note is in screening; a failed item needs a comment.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ScreeningResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowEngine engine, ConceptNoteRulesReader rules, CancellationToken ct)
    {
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, user.AsWorkflowActor(), db, engine, tracked: false, ct);
        return loaded is null
            ? ConceptNoteAccess.NotFound(id)
            : TypedResults.Ok(Describe(loaded, engine, await rules.ReadAsync(ct)));
    }

    private static async Task<Results<Ok<ScreeningResponse>, ProblemHttpResult>> Record(Guid id,
        RecordScreeningRequest request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine,
        ConceptNoteRulesReader rules, TimeProvider time, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, actor, db, engine, tracked: true, ct);
        if (loaded is null) return ConceptNoteAccess.NotFound(id);
        var (note, instance) = loaded;
        if (request.Version is { } version && version != note.Version)
            return ApiProblems.Conflict("The concept note was changed since you read it; read it again before recording.");

        var now = time.GetUtcNow();
        foreach (var finding in request.Findings!)
            note.RecordScreening(finding.Item!.Value, finding.Passed!.Value, finding.Comment, instance.State, actor.UserId, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Describe(loaded, engine, await rules.ReadAsync(ct)));
    }

    private static ScreeningResponse Describe(LoadedConceptNote loaded, WorkflowEngine engine, ConceptNoteRules rules)
    {
        var (note, instance) = loaded;
        var content = note.Content;
        var rounds = note.ScreeningChecks.Select(c => c.Round).Append(note.SubmissionCount).Where(r => r > 0)
            .Distinct().OrderDescending()
            .Select(round => new ScreeningRoundResponse(round, Enum.GetValues<ScreeningItem>().Select(item =>
            {
                var check = note.ScreeningChecks.SingleOrDefault(c => c.Round == round && c.Item == item);
                var suggested = round == note.SubmissionCount ? ScreeningCheck.Suggest(item, content, rules) : null;
                return new ScreeningItemResponse(item, Descriptions[item], check?.Passed, check?.Comment,
                    check?.RecordedBy, check?.RecordedAt, suggested);
            }).ToList()))
            .ToList();
        return new ScreeningResponse(note.Id, ConceptNoteAccess.StatusOf(engine, instance), note.SubmissionCount,
            note.SubmissionCount > 0 && note.ScreeningItemsNotPassed().Count == 0, note.Version, rounds);
    }
}
