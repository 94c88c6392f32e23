using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ReferenceData;

namespace TrustFundManager.Api.Organizations;

public sealed class OrganizationEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organizations").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListOrganizations")
            .WithSummary("Lists the UN organizations that can take part in joint programmes.");
        group.MapGet("/{code}", Get).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("GetOrganization")
            .WithSummary("Reads one organization by its code.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{code}", Put).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<PutOrganizationRequest>()
            .WithName("CreateOrUpdateOrganization")
            .WithSummary("Adds an organization under a new code, or changes the one that has it.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<OrganizationResponse>>> List(bool? activeOnly, ClaimsPrincipal user,
        OrganizationUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(activeOnly, user.AsWorkflowActor(), ct));

    private static async Task<Ok<OrganizationResponse>> Get(string code, ClaimsPrincipal user,
        OrganizationUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(code, user.AsWorkflowActor(), ct));

    private static async Task<Results<Ok<OrganizationResponse>, Created<OrganizationResponse>>> Put(string code,
        PutOrganizationRequest request, ClaimsPrincipal user, OrganizationUseCases useCases, CancellationToken ct)
    {
        var result = await useCases.PutAsync(code, request, user.AsWorkflowActor(), ct);
        return result.Created
            ? TypedResults.Created(result.Href, result.Organization)
            : TypedResults.Ok(result.Organization);
    }
}
