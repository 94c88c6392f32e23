using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Committee;

namespace TrustFundManager.Api.Decisions;

/// <summary>The record of the committee's decisions: each visible to whoever may see its concept note.</summary>
public sealed class DecisionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decisions").WithTags("Steering Committee");
        group.MapGet("/", List).RequireAuthorization(Policies.SignedIn)
            .WithRequestValidation<DecisionQuery>()
            .WithName("ListDecisions")
            .WithSummary("The committee's recorded decisions on the concept notes the caller may see, newest first, filtered by outcome, ballot, concept note, country and date.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn)
            .WithName("GetDecision")
            .WithSummary("One decision: outcome, tally by constituency, conditions, reasons, recusals and rationale.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<DecisionPage>> List([AsParameters] DecisionQuery query, ClaimsPrincipal user,
        DecisionUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(query, user.AsWorkflowActor(), ct));

    private static async Task<Ok<DecisionResponse>> Get(Guid id, ClaimsPrincipal user, DecisionUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, user.AsWorkflowActor(), ct));
}
