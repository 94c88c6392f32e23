using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ReferenceData;

namespace TrustFundManager.Api.GuidingPrinciples;

public sealed class GuidingPrincipleEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/guiding-principles").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListGuidingPrinciples")
            .WithSummary("Lists the ten GCM guiding principles used as assessment criteria.");
        group.MapPut("/{number:int}", Update).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<UpdateGuidingPrincipleRequest>()
            .WithName("UpdateGuidingPrinciple")
            .WithSummary("Changes a guiding principle's title and description.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<GuidingPrincipleResponse>>> List(ClaimsPrincipal user,
        GuidingPrincipleUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(user.AsWorkflowActor(), ct));

    private static async Task<Ok<GuidingPrincipleResponse>> Update(int number, UpdateGuidingPrincipleRequest request,
        ClaimsPrincipal user, GuidingPrincipleUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.UpdateAsync(number, request, user.AsWorkflowActor(), ct));
}
