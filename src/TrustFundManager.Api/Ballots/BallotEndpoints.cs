using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.Ballots;

public sealed class BallotEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ballots").WithTags("Steering Committee");

        group.MapPost("/", Open).RequireAuthorization(Policies.RunBallots)
            .WithRequestValidation<OpenBallotRequest>()
            .WithName("OpenBallot")
            .WithSummary("Opens a ballot (a meeting or a written procedure) on concept notes under committee review, until a deadline, under the fund's decision rule; every member serving today gets a task, and members of a note's organizations or governments are recused from it.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", BallotViews.ListAsync).RequireAuthorization(Policies.ReadCommittee)
            .WithRequestValidation<BallotQuery>()
            .WithName("ListBallots")
            .WithSummary("The ballots, newest first, optionally of one status.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadCommittee)
            .WithName("GetBallot")
            .WithSummary("A ballot with its items: a member sees their own votes (and, once closed, the tallies); the FMU sees the tallies and who has voted, never how.");
        group.MapPut("/{id:guid}/items/{conceptNoteId:guid}/vote", Vote).RequireAuthorization(Policies.Vote)
            .WithRequestValidation<CastVoteRequest>()
            .WithName("CastVote")
            .WithSummary("Casts or changes the caller's vote on one item until the ballot closes: approve, approveWithConditions (with conditions), reject (with a reason) or abstain.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/items/{conceptNoteId:guid}/conflict-of-interest", DeclareConflict)
            .RequireAuthorization(Policies.Vote)
            .WithRequestValidation<DeclareConflictRequest>()
            .WithName("DeclareConflictOfInterest")
            .WithSummary("Declares a conflict of interest on one item: the caller is recused from it and a vote they cast on it is withdrawn.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/actions/{action}", Act).RequireAuthorization(Policies.RunBallots)
            .WithRequestValidation<FireActionRequest>()
            .WithName("ActOnBallot")
            .WithSummary("closeEarly (once every eligible member has voted) or cancel (with a comment).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.ReadCommittee)
            .WithName("GetBallotHistory")
            .WithSummary("The ballot's workflow steps, oldest first: opened, closed (by the deadline or early) or cancelled.");
    }

    private static async Task<Results<Created<BallotResponse>, ProblemHttpResult>> Open(OpenBallotRequest request,
        ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine, CommitteeBallots ballots, TimeProvider time,
        CancellationToken ct)
    {
        var opening = new BallotOpening(request.Title!, request.Kind!.Value, request.Deadline!.Value, request.ConceptNoteIds!);
        var (ballot, _) = await ballots.OpenAsync(opening, user.AsWorkflowActor(), engine, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        var response = await BallotViews.DescribeAsync(ballot.Id, user.AsWorkflowActor(), db, engine, ct);
        return TypedResults.Created(response!.Href, response);
    }

    private static async Task<Results<Ok<BallotResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct) =>
        await BallotViews.DescribeAsync(id, user.AsWorkflowActor(), db, engine, ct) is { } response
            ? TypedResults.Ok(response)
            : BallotViews.NotFound(id);

    private static async Task<Results<Ok<BallotResponse>, ProblemHttpResult>> Vote(Guid id, Guid conceptNoteId,
        CastVoteRequest request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine,
        CommitteeBallots ballots, TimeProvider time, CancellationToken ct)
    {
        await ballots.ChangePaperAsync(id, user.UserId(), engine, time,
            (ballot, member, now) => ballot.CastVote(member, conceptNoteId, request.Choice!.Value, request.Conditions,
                request.Reason, request.Comment, now), ct);
        return TypedResults.Ok((await BallotViews.DescribeAsync(id, user.AsWorkflowActor(), db, engine, ct))!);
    }

    private static async Task<Results<Ok<BallotResponse>, ProblemHttpResult>> DeclareConflict(Guid id, Guid conceptNoteId,
        DeclareConflictRequest request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine,
        CommitteeBallots ballots, TimeProvider time, CancellationToken ct)
    {
        await ballots.ChangePaperAsync(id, user.UserId(), engine, time,
            (ballot, member, now) => ballot.DeclareConflict(member, conceptNoteId, request.Statement!, now), ct);
        return TypedResults.Ok((await BallotViews.DescribeAsync(id, user.AsWorkflowActor(), db, engine, ct))!);
    }

    private static async Task<Results<Ok<BallotResponse>, ProblemHttpResult>> Act(Guid id, string action,
        FireActionRequest? request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.SingleOrDefaultAsync(
            i => i.DefinitionId == BallotWorkflowSteps.WorkflowId && i.SubjectId == id, ct);
        if (instance is null) return BallotViews.NotFound(id);
        var step = engine.DefinitionOf(instance).FindAction(action);
        if (step is null) return ApiProblems.NotFound($"A ballot has no action '{action}'.");
        if (request?.Version is { } version && version != instance.Version)
            return ApiProblems.Conflict("The ballot has moved on since you read it; read it again before acting.");

        await db.Ballots.WithPapers().SingleAsync(b => b.Id == id, ct);
        await engine.FireAsync(instance, step.Name, user.AsWorkflowActor(), request?.Comment, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await BallotViews.DescribeAsync(id, user.AsWorkflowActor(), db, engine, ct))!);
    }

    private static async Task<Results<Ok<List<JournalEntryResponse>>, ProblemHttpResult>> History(Guid id,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(
            i => i.DefinitionId == BallotWorkflowSteps.WorkflowId && i.SubjectId == id, ct);
        return instance is null
            ? BallotViews.NotFound(id)
            : TypedResults.Ok(await WorkflowJournalReader.ReadAsync(instance, db, engine, ct));
    }
}
