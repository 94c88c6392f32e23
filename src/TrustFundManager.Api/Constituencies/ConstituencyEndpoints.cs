using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ReferenceData;

namespace TrustFundManager.Api.Constituencies;

public sealed class ConstituencyEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/constituencies").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListConstituencies")
            .WithSummary("Lists the Steering Committee's constituencies with their seat counts.");
        group.MapPut("/{code}", Update).RequireAuthorization(Policies.ManageFundRules)
            .WithRequestValidation<UpdateConstituencyRequest>()
            .WithName("UpdateConstituency")
            .WithSummary("Changes a constituency's name, description and number of seats (never below a seat someone holds now or later).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<ConstituencyResponse>>> List(ClaimsPrincipal user, ConstituencyUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(user.AsWorkflowActor(), ct));

    private static async Task<Ok<ConstituencyResponse>> Update(string code, UpdateConstituencyRequest request,
        ClaimsPrincipal user, ConstituencyUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.UpdateAsync(code, request, user.AsWorkflowActor(), ct));
}
