using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Funding;

namespace TrustFundManager.Api.FundingTargets;

public sealed class FundingTargetEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding-targets").WithTags("Funding");
        group.MapGet("/", List).RequireAuthorization(Policies.ReadFunding)
            .WithName("ListFundingTargets")
            .WithSummary("The dated funding targets, earliest first; the current one is the next not yet passed.");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<FundingTargetRequest>()
            .WithName("CreateFundingTarget")
            .WithSummary("Adds a target: an amount in USD to reach by a day (one target per day).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Change).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<FundingTargetRequest>()
            .WithName("UpdateFundingTarget")
            .WithSummary("Changes a target's title, amount or day.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.ManageFunding)
            .WithName("DeleteFundingTarget")
            .WithSummary("Removes a target.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<FundingTargetResponse>>> List(ClaimsPrincipal user, FundingTargetUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(user.AsWorkflowActor(), ct));

    private static async Task<Created<FundingTargetResponse>> Create(FundingTargetRequest request, ClaimsPrincipal user,
        FundingTargetUseCases useCases, CancellationToken ct)
    {
        var target = await useCases.CreateAsync(request, user.AsWorkflowActor(), ct);
        return TypedResults.Created(target.Href, target);
    }

    private static async Task<Ok<FundingTargetResponse>> Change(Guid id, FundingTargetRequest request, ClaimsPrincipal user,
        FundingTargetUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ChangeAsync(id, request, user.AsWorkflowActor(), ct));

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal user, FundingTargetUseCases useCases,
        CancellationToken ct)
    {
        await useCases.DeleteAsync(id, user.AsWorkflowActor(), ct);
        return TypedResults.NoContent();
    }
}
