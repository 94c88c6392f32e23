using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Results;
using TrustFundManager.Infrastructure.Results;

namespace TrustFundManager.Api.Results;

public sealed class ResultsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/joint-programmes/{id:guid}/results").WithTags("Results");
        group.MapGet("/", Get).RequireAuthorization(Policies.SignedIn)
            .WithName("GetResultsMatrix")
            .WithSummary("The programme's results matrix: outcomes, outputs and indicators with baselines, targets, each indicator's latest approved actual and whether it is on track.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/", Revise).RequireAuthorization(Policies.EditResults)
            .WithRequestValidation<ResultsMatrixRequest>()
            .WithName("ReviseResultsMatrix")
            .WithSummary("Replaces the results matrix (with the version read; none for the first). The programme's participating organizations and the FMU edit it while the programme is allocated or active; indicators with reported values stay.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/results/summary", Summary).WithTags("Results").RequireAuthorization(Policies.ReadResults)
            .WithName("GetResultsSummary")
            .WithSummary("The fund's results by thematic area and by GCM objective: programmes, indicators, the share of measured indicators on track against their targets, and the latest approved actuals.");
    }

    private static async Task<Ok<ResultsMatrixResponse>> Get(Guid id, ClaimsPrincipal user, ResultsUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetMatrixAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ResultsMatrixResponse>> Revise(Guid id, ResultsMatrixRequest request, ClaimsPrincipal user,
        ResultsUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ReviseMatrixAsync(id, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ResultsSummary>> Summary(DateOnly? asOf, ClaimsPrincipal user, ResultsUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.SummaryAsync(asOf, user.AsWorkflowActor(), ct));
}
