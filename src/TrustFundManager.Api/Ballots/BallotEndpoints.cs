using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.OpenApi;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Committee;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Infrastructure.Committee;

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
        group.MapGet("/", List).RequireAuthorization(Policies.ReadCommittee)
            .WithRequestValidation<BallotQuery>()
            .WithName("ListBallots")
            .WithSummary("The ballots, newest first, optionally of one status.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadCommittee)
            .WithName("GetBallot")
            .WithSummary("A ballot with its items: a member sees their own votes (and, once closed, the tallies); the FMU sees the tallies and who has voted, never how.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/items/{conceptNoteId:guid}/vote", Vote).RequireAuthorization(Policies.Vote)
            .WithRequestValidation<CastVoteRequest>()
            .WithName("CastVote")
            .WithSummary("Casts or changes the caller's vote on one item until the ballot closes: approve, approveWithConditions (with conditions), reject (with a reason) or abstain.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/items/{conceptNoteId:guid}/conflict-of-interest", DeclareConflict)
            .RequireAuthorization(Policies.Vote)
            .WithRequestValidation<DeclareConflictRequest>()
            .WithName("DeclareConflictOfInterest")
            .WithSummary("Declares a conflict of interest on one item: the caller is recused from it and a vote they cast on it is withdrawn.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/actions/{action}", Act).RequireAuthorization(Policies.RunBallots)
            .WithWorkflowActions(BallotWorkflowSteps.WorkflowId)
            .WithRequestValidation<FireActionRequest>()
            .WithName("ActOnBallot")
            .WithSummary("closeEarly (once every eligible member has voted) or cancel (with a comment).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.ReadCommittee)
            .WithName("GetBallotHistory")
            .WithSummary("The ballot's workflow steps, oldest first: opened, closed (by the deadline or early) or cancelled.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<BallotResponse>> Open(OpenBallotRequest request, ClaimsPrincipal user,
        BallotUseCases useCases, CancellationToken ct)
    {
        var response = await useCases.OpenAsync(request, user.AsWorkflowActor(), ct);
        return TypedResults.Created(response.Href, response);
    }

    private static async Task<Ok<BallotPage>> List([AsParameters] BallotQuery query, ClaimsPrincipal user,
        BallotUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(query, user.AsWorkflowActor(), ct));

    private static async Task<Ok<BallotResponse>> Get(Guid id, ClaimsPrincipal user, BallotUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Ok<BallotResponse>> Vote(Guid id, Guid conceptNoteId, CastVoteRequest request,
        ClaimsPrincipal user, BallotUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.VoteAsync(id, conceptNoteId, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<BallotResponse>> DeclareConflict(Guid id, Guid conceptNoteId,
        DeclareConflictRequest request, ClaimsPrincipal user, BallotUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.DeclareConflictAsync(id, conceptNoteId, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<BallotResponse>> Act(Guid id, string action, FireActionRequest? request,
        ClaimsPrincipal user, BallotUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ActAsync(id, action, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<List<JournalEntryResponse>>> History(Guid id, ClaimsPrincipal user,
        BallotUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.HistoryAsync(id, user.AsWorkflowActor(), ct));
}
