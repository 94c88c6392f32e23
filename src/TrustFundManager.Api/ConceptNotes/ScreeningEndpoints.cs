using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ConceptNotes;

namespace TrustFundManager.Api.ConceptNotes;

/// <summary>The FMU's eligibility checklist, one round per submission.</summary>
public sealed class ScreeningEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/concept-notes/{id:guid}/screening").WithTags("Concept notes");
        group.MapGet("/", Get).RequireAuthorization(Policies.SignedIn).WithName("GetConceptNoteScreening")
            .WithSummary("The screening checklist: the current round's findings (with what the note itself suggests) and earlier rounds.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/", Record).RequireAuthorization(Policies.ScreenConceptNotes)
            .WithRequestValidation<RecordScreeningRequest>()
            .WithName("RecordConceptNoteScreening")
            .WithSummary("Records checklist findings for the current round while the note is in screening; a failed item needs a comment.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<ScreeningResponse>> Get(Guid id, ClaimsPrincipal user, ScreeningUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ScreeningResponse>> Record(Guid id, RecordScreeningRequest request,
        ClaimsPrincipal user, ScreeningUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.RecordAsync(id, request, user.AsWorkflowActor(), ct));
}
