using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Funding;
using TrustFundManager.Infrastructure.Funding;

namespace TrustFundManager.Api.FundingStatus;

public sealed class FundingStatusEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/funding-status", Status).WithTags("Funding").RequireAuthorization(Policies.ReadFunding)
            .WithName("GetFundingStatus")
            .WithSummary("The fund's money as of a day (today by default), in USD: pledges, commitments, deposits, the Administrative Agent's fee, net funds, allocated, transferred, expenditure, the free balance, progress against the current target, and breakdowns by donor, thematic area, country and participating organization that each add up to the totals.");
        app.MapGet("/api/pipeline", Pipeline).WithTags("Funding").RequireAuthorization(Policies.ReadFunding)
            .WithName("GetPipeline")
            .WithSummary("The approved, unfunded concept notes ranked by score (waiting time, thematic and geographic balance; see docs/funding.md), each with its funding gap, the cumulative gap and whether the free balance reaches it.");
        app.MapGet("/api/pipeline/totals", PipelineTotals).WithTags("Funding").RequireAuthorization(Policies.ReadFunding)
            .WithName("GetPipelineTotals")
            .WithSummary("The pipeline's size, what its notes ask for in all (the total funding gap), the free balance and the shortfall beyond it: the figures of /api/pipeline that need no ranking.");
    }

    private static async Task<Ok<Infrastructure.Funding.FundingStatus>> Status(DateOnly? asOf, ClaimsPrincipal user,
        FundingStatusUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.StatusAsync(asOf, user.AsWorkflowActor(), ct));

    private static async Task<Ok<PipelineView>> Pipeline(ClaimsPrincipal user, FundingStatusUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.PipelineAsync(user.AsWorkflowActor(), ct));

    private static async Task<Ok<PipelineTotals>> PipelineTotals(ClaimsPrincipal user, FundingStatusUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.PipelineTotalsAsync(user.AsWorkflowActor(), ct));
}
