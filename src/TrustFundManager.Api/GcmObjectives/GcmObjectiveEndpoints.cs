using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ReferenceData;

namespace TrustFundManager.Api.GcmObjectives;

public sealed class GcmObjectiveEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/gcm-objectives").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListGcmObjectives")
            .WithSummary("Lists the 23 GCM objectives with the thematic area each belongs to.");
        group.MapGet("/{number:int}", Get).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("GetGcmObjective")
            .WithSummary("Reads one GCM objective.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{number:int}", Update).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<UpdateGcmObjectiveRequest>()
            .WithName("UpdateGcmObjective")
            .WithSummary("Changes a GCM objective's title and description, or moves it to another thematic area.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<GcmObjectiveResponse>>> List(ClaimsPrincipal user, GcmObjectiveUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(user.AsWorkflowActor(), ct));

    private static async Task<Ok<GcmObjectiveResponse>> Get(int number, ClaimsPrincipal user,
        GcmObjectiveUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(number, user.AsWorkflowActor(), ct));

    private static async Task<Ok<GcmObjectiveResponse>> Update(int number, UpdateGcmObjectiveRequest request,
        ClaimsPrincipal user, GcmObjectiveUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.UpdateAsync(number, request, user.AsWorkflowActor(), ct));
}
