using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ConceptNotes;

namespace TrustFundManager.Api.ConceptNotes;

/// <summary>What was submitted at each round, so that reviewers see what changed between rounds.</summary>
public sealed class ConceptNoteVersionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/concept-notes/{id:guid}/versions").WithTags("Concept notes")
            .RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", List).WithName("ListConceptNoteVersions")
            .WithSummary("The submitted versions, first to latest, each naming the fields changed since the one before.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{number:int}", Get).WithName("GetConceptNoteVersion")
            .WithSummary("One submitted version, whole, as it was submitted.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<ConceptNoteVersionSummary>>> List(Guid id, ClaimsPrincipal user,
        ConceptNoteVersionUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ConceptNoteVersionResponse>> Get(Guid id, int number, ClaimsPrincipal user,
        ConceptNoteVersionUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, number, user.AsWorkflowActor(), ct));
}
