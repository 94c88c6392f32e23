using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.ConceptNotes;

public sealed class ConceptNoteEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/concept-notes").WithTags("Concept notes");

        group.MapPost("/", Create).RequireAuthorization(Policies.DraftConceptNotes)
            .WithRequestValidation<ConceptNoteRequest>()
            .WithName("CreateConceptNote")
            .WithSummary("Starts a draft: a government for its own country, the FMU on a government's behalf.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ConceptNoteList.ListAsync).RequireAuthorization(Policies.SignedIn)
            .WithRequestValidation<ConceptNoteQuery>()
            .WithName("ListConceptNotes")
            .WithSummary("Lists the concept notes the caller may see, filtered, sorted and paged.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn)
            .WithName("GetConceptNote")
            .WithSummary("Reads one concept note with its status, the caller's allowed actions and the open tasks.");
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.DraftConceptNotes)
            .WithRequestValidation<ConceptNoteRequest>()
            .WithName("UpdateConceptNote")
            .WithSummary("Replaces the content of a note in draft or returned for revision; send the version you read.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/actions/{action}", Act).RequireAuthorization(Policies.SignedIn)
            .WithRequestValidation<FireActionRequest>()
            .WithName("ActOnConceptNote")
            .WithSummary("Takes a workflow step: submit, withdraw, startScreening, returnForRevision, declareIneligible, forwardToCommittee, resubmit.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.SignedIn)
            .WithName("GetConceptNoteHistory")
            .WithSummary("Every step of the note, oldest first, with actor, roles, comment and time.");
    }

    private static async Task<Results<Created<ConceptNoteResponse>, ProblemHttpResult>> Create(
        ConceptNoteRequest request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine,
        ConceptNoteRulesReader rulesReader, TimeProvider time, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        var content = request.ToContent().Normalized();
        if (!actor.Roles.Contains(Roles.FundManager) && content.Country != actor.Country)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"A government drafts concept notes for its own country only ({actor.Country ?? "none in your sign-in"}).");

        var note = ConceptNote.Draft(content, await rulesReader.ReadAsync(ct), actor.UserId, time.GetUtcNow());
        db.ConceptNotes.Add(note);
        var instance = await engine.StartAsync(ConceptNoteStatus.WorkflowId, note.Id, note.Title,
            ConceptNoteAccess.ScopeOf(note), actor, ct);
        await db.SaveChangesAsync(ct);

        var response = await ConceptNoteAccess.DescribeAsync(new LoadedConceptNote(note, instance), actor, db, engine, ct);
        return TypedResults.Created(response.Links.Self, response);
    }

    private static async Task<Results<Ok<ConceptNoteResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, actor, db, engine, tracked: false, ct);
        return loaded is null
            ? ConceptNoteAccess.NotFound(id)
            : TypedResults.Ok(await ConceptNoteAccess.DescribeAsync(loaded, actor, db, engine, ct));
    }

    private static async Task<Results<Ok<ConceptNoteResponse>, ProblemHttpResult>> Update(Guid id,
        ConceptNoteRequest request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine,
        ConceptNoteRulesReader rulesReader, TimeProvider time, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, actor, db, engine, tracked: true, ct);
        if (loaded is null) return ConceptNoteAccess.NotFound(id);
        if (!ConceptNoteAccess.MayEdit(actor, loaded))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Only the submitting government or the FMU edits a concept note.");

        var (note, instance) = loaded;
        note.Revise(request.ToContent(), await rulesReader.ReadAsync(ct), instance.State, request.Version,
            actor.UserId, time.GetUtcNow());
        instance.Describe(note.Title, ConceptNoteAccess.ScopeOf(note));
        engine.HoldState(instance);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ConceptNoteAccess.DescribeAsync(loaded, actor, db, engine, ct));
    }

    private static async Task<Results<Ok<ConceptNoteResponse>, ProblemHttpResult>> Act(Guid id, string action,
        FireActionRequest? request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine,
        ConceptNoteRulesReader rulesReader, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, actor, db, engine, tracked: true, ct);
        if (loaded is null) return ConceptNoteAccess.NotFound(id);
        var (note, instance) = loaded;
        var step = engine.DefinitionOf(instance).FindAction(action);
        if (step is null) return ApiProblems.NotFound($"A concept note has no action '{action}'.");
        if (request?.Version is { } version && version != instance.Version)
            return ApiProblems.Conflict("The concept note has moved on since you read it; read it again before acting.");

        // The engine would refuse an incomplete note too, but only the note can say which fields to fix.
        if (step.Guards.Contains(ConceptNoteWorkflowSteps.Complete) && actor.MayFire(step, instance) &&
            step.From.Contains(instance.State) &&
            note.SubmissionProblems(await rulesReader.ReadAsync(ct)) is { Count: > 0 } problems)
            throw new DomainConflictException(
                $"The concept note cannot be submitted yet: {problems.Count} fields need completing or correcting.", problems);

        await engine.FireAsync(instance, step.Name, actor, request?.Comment, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ConceptNoteAccess.DescribeAsync(loaded, actor, db, engine, ct));
    }

    private static async Task<Results<Ok<List<JournalEntryResponse>>, ProblemHttpResult>> History(Guid id,
        ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, user.AsWorkflowActor(), db, engine, tracked: false, ct);
        return loaded is null
            ? ConceptNoteAccess.NotFound(id)
            : TypedResults.Ok(await WorkflowJournalReader.ReadAsync(loaded.Instance, db, engine, ct));
    }
}
