using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ReferenceData;

namespace TrustFundManager.Api.ThematicAreas;

public sealed class ThematicAreaEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/thematic-areas").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListThematicAreas")
            .WithSummary("Lists the thematic areas, each with the GCM objectives it groups.");
        group.MapGet("/{number:int}", Get).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("GetThematicArea")
            .WithSummary("Reads one thematic area with its GCM objectives.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{number:int}", Update).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<UpdateThematicAreaRequest>()
            .WithName("UpdateThematicArea")
            .WithSummary("Changes a thematic area's title and description.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/", Remap).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<RemapThematicAreasRequest>()
            .WithName("RemapThematicAreas")
            .WithSummary("Replaces the mapping of GCM objectives to thematic areas: every objective in exactly one area.");
    }

    private static async Task<Ok<List<ThematicAreaResponse>>> List(ClaimsPrincipal user, ThematicAreaUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(user.AsWorkflowActor(), ct));

    private static async Task<Ok<ThematicAreaResponse>> Get(int number, ClaimsPrincipal user,
        ThematicAreaUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(number, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ThematicAreaResponse>> Update(int number, UpdateThematicAreaRequest request,
        ClaimsPrincipal user, ThematicAreaUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.UpdateAsync(number, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<List<ThematicAreaResponse>>> Remap(RemapThematicAreasRequest request,
        ClaimsPrincipal user, ThematicAreaUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.RemapAsync(request, user.AsWorkflowActor(), ct));
}
