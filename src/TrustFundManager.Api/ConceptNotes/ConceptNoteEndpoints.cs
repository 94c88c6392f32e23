using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.OpenApi;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ConceptNotes;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.ConceptNotes;

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
        group.MapGet("/", List).RequireAuthorization(Policies.SignedIn)
            .WithRequestValidation<ConceptNoteQuery>()
            .WithName("ListConceptNotes")
            .WithSummary("Lists the concept notes the caller may see, filtered, sorted and paged.");
        group.MapGet("/status-counts", StatusCounts).RequireAuthorization(Policies.SignedIn)
            .WithName("CountConceptNotesByStatus")
            .WithSummary("How many of the notes the caller may see stand in each status, every status in the workflow's order.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn)
            .WithName("GetConceptNote")
            .WithSummary("Reads one concept note with its status, the caller's allowed actions and the open tasks.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.DraftConceptNotes)
            .WithRequestValidation<ConceptNoteRequest>()
            .WithName("UpdateConceptNote")
            .WithSummary("Replaces the content of a note in draft or returned for revision; send the version you read.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/actions/{action}", Act).RequireAuthorization(Policies.SignedIn)
            .WithWorkflowActions(ConceptNoteStatus.WorkflowId)
            .WithRequestValidation<FireActionRequest>()
            .WithName("ActOnConceptNote")
            .WithSummary("Takes a workflow step: submit, withdraw, startScreening, returnForRevision, declareIneligible, forwardToCommittee, resubmit.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.SignedIn)
            .WithName("GetConceptNoteHistory")
            .WithSummary("Every step of the note, oldest first, with actor, roles, comment and time.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<ConceptNoteResponse>> Create(ConceptNoteRequest request, ClaimsPrincipal user,
        ConceptNoteUseCases useCases, CancellationToken ct)
    {
        var response = await useCases.CreateAsync(request, user.AsWorkflowActor(), ct);
        return TypedResults.Created(response.Links.Self, response);
    }

    private static async Task<Ok<List<ConceptNoteStatusCount>>> StatusCounts(ClaimsPrincipal user, ConceptNoteUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.CountByStatusAsync(user.AsWorkflowActor(), ct));

    private static async Task<Ok<ConceptNotePage>> List([AsParameters] ConceptNoteQuery query, ClaimsPrincipal user,
        ConceptNoteUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(query, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ConceptNoteResponse>> Get(Guid id, ClaimsPrincipal user, ConceptNoteUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ConceptNoteResponse>> Update(Guid id, ConceptNoteRequest request, ClaimsPrincipal user,
        ConceptNoteUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.UpdateAsync(id, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ConceptNoteResponse>> Act(Guid id, string action, FireActionRequest? request,
        ClaimsPrincipal user, ConceptNoteUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.FireAsync(id, action, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<List<JournalEntryResponse>>> History(Guid id, ClaimsPrincipal user,
        ConceptNoteUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.HistoryAsync(id, user.AsWorkflowActor(), ct));
}
