using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ReferenceData;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Api.Countries;

public sealed class CountryEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/countries").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListCountries")
            .WithSummary("Lists the ISO 3166-1 countries with their Network region; filter by region or by name.")
            .ProducesValidationProblem();
        group.MapGet("/{alpha3}", Get).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("GetCountry")
            .WithSummary("Reads one country by its ISO 3166-1 alpha-3 code.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{alpha3}", Update).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<UpdateCountryRequest>()
            .WithName("UpdateCountry")
            .WithSummary("Changes a country's name or the region it is reported under.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<CountryResponse>>> List(Region? region, string? search, ClaimsPrincipal user,
        CountryUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(region, search, user.AsWorkflowActor(), ct));

    private static async Task<Ok<CountryResponse>> Get(string alpha3, ClaimsPrincipal user, CountryUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(alpha3, user.AsWorkflowActor(), ct));

    private static async Task<Ok<CountryResponse>> Update(string alpha3, UpdateCountryRequest request,
        ClaimsPrincipal user, CountryUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.UpdateAsync(alpha3, request, user.AsWorkflowActor(), ct));
}
