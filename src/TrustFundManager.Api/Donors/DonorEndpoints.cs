using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Funding;

namespace TrustFundManager.Api.Donors;

public sealed class DonorEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/donors").WithTags("Funding");
        group.MapGet("/", List).RequireAuthorization(Policies.ReadFunding)
            .WithName("ListDonors")
            .WithSummary("The fund's donors, by name, each with its pledged, committed and deposited totals in USD.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadFunding)
            .WithName("GetDonor")
            .WithSummary("One donor with its totals.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<DonorRequest>()
            .WithName("CreateDonor")
            .WithSummary("Adds a donor: a government (with its country), a multilateral body or a private donor. Names are unique.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Change).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<DonorRequest>()
            .WithName("UpdateDonor")
            .WithSummary("Changes a donor's name, kind or country.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<DonorResponse>>> List(ClaimsPrincipal user, DonorUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(user.AsWorkflowActor(), ct));

    private static async Task<Ok<DonorResponse>> Get(Guid id, ClaimsPrincipal user, DonorUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Created<DonorResponse>> Create(DonorRequest request, ClaimsPrincipal user,
        DonorUseCases useCases, CancellationToken ct)
    {
        var donor = await useCases.CreateAsync(request, user.AsWorkflowActor(), ct);
        return TypedResults.Created(donor.Href, donor);
    }

    private static async Task<Ok<DonorResponse>> Change(Guid id, DonorRequest request, ClaimsPrincipal user,
        DonorUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ChangeAsync(id, request, user.AsWorkflowActor(), ct));
}
