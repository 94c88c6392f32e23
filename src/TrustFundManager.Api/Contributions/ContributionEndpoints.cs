using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Funding;

namespace TrustFundManager.Api.Contributions;

public sealed class ContributionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contributions").WithTags("Funding");
        group.MapGet("/", List).RequireAuthorization(Policies.ReadFunding)
            .WithRequestValidation<ContributionQuery>()
            .WithName("ListContributions")
            .WithSummary("Contributions, latest pledge first, by donor, status and earmark, with their deposits.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadFunding)
            .WithName("GetContribution")
            .WithSummary("One contribution: the pledge, the commitment and every deposit in their currency and in USD.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Pledge).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<PledgeRequest>()
            .WithName("PledgeContribution")
            .WithSummary("Records a donor's pledge: an amount in an ISO 4217 currency with an indicative rate to USD.");
        group.MapPost("/{id:guid}/commitment", Commit).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<CommitmentRequest>()
            .WithName("CommitContribution")
            .WithSummary("Records the signed agreement: date, amount, currency, rate to USD and an optional earmark to one thematic area.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/deposits", RecordDeposit).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<DepositRequest>()
            .WithName("RecordDeposit")
            .WithSummary("Records cash received in the commitment's currency at the rate of the day; the deposits never exceed the commitment, and the Administrative Agent's fee is charged on it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<ContributionPage>> List([AsParameters] ContributionQuery query, ClaimsPrincipal user,
        ContributionUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(query, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ContributionResponse>> Get(Guid id, ClaimsPrincipal user, ContributionUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Created<ContributionResponse>> Pledge(PledgeRequest request, ClaimsPrincipal user,
        ContributionUseCases useCases, CancellationToken ct)
    {
        var contribution = await useCases.PledgeAsync(request, user.AsWorkflowActor(), ct);
        return TypedResults.Created(contribution.Href, contribution);
    }

    private static async Task<Ok<ContributionResponse>> Commit(Guid id, CommitmentRequest request, ClaimsPrincipal user,
        ContributionUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.CommitAsync(id, request, user.AsWorkflowActor(), ct));

    private static async Task<Created<ContributionResponse>> RecordDeposit(Guid id, DepositRequest request,
        ClaimsPrincipal user, ContributionUseCases useCases, CancellationToken ct)
    {
        var deposit = await useCases.RecordDepositAsync(id, request, user.AsWorkflowActor(), ct);
        return TypedResults.Created(deposit.Href, deposit.Contribution);
    }
}
