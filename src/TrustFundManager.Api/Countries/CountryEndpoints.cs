using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.Countries;

public sealed record CountryResponse(string Alpha3, string Alpha2, string Name, Region? Region)
{
    public static CountryResponse From(Country c) => new(c.Alpha3, c.Alpha2, c.Name, c.Region);
}

public sealed record UpdateCountryRequest(string? Name, Region? Region);

public sealed class UpdateCountryRequestValidator : AbstractValidator<UpdateCountryRequest>
{
    public UpdateCountryRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Country.NameMaxLength);
        RuleFor(r => r.Region).NotNull().IsInEnum();
    }
}

public sealed class CountryEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/countries").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListCountries")
            .WithSummary("Lists the ISO 3166-1 countries with their Network region; filter by region or by name.");
        group.MapGet("/{alpha3}", Get).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("GetCountry")
            .WithSummary("Reads one country by its ISO 3166-1 alpha-3 code.");
        group.MapPut("/{alpha3}", Update).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<UpdateCountryRequest>()
            .WithName("UpdateCountry")
            .WithSummary("Changes a country's name or the region it is reported under.");
    }

    private static async Task<Results<Ok<List<CountryResponse>>, ValidationProblem>> List(Region? region, string? search, TrustFundDbContext db,
        CancellationToken ct)
    {
        if (region is { } asked && !Enum.IsDefined(asked))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["region"] = [$"'{(int)asked}' is not a valid value."] });
        var query = db.Countries.AsNoTracking();
        if (region is not null) query = query.Where(c => c.Region == region);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // LIKE ignores case for ASCII on SQLite and under SQL Server's default collation alike.
            var text = search.Trim();
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[") + "%";
            var code = text.ToUpperInvariant();
            query = query.Where(c => EF.Functions.Like(c.Name, pattern, "\\") || c.Alpha3 == code || c.Alpha2 == code);
        }

        return TypedResults.Ok(await query.OrderBy(c => c.Name).Select(c => CountryResponse.From(c)).ToListAsync(ct));
    }

    private static async Task<Results<Ok<CountryResponse>, ProblemHttpResult>> Get(string alpha3,
        TrustFundDbContext db, CancellationToken ct)
    {
        var code = alpha3.ToUpperInvariant();
        return await db.Countries.AsNoTracking().Where(c => c.Alpha3 == code)
                .Select(c => CountryResponse.From(c)).SingleOrDefaultAsync(ct) is { } country
            ? TypedResults.Ok(country)
            : ApiProblems.NotFound($"There is no country '{alpha3}'.");
    }

    private static async Task<Results<Ok<CountryResponse>, ProblemHttpResult>> Update(string alpha3,
        UpdateCountryRequest request, TrustFundDbContext db, CancellationToken ct)
    {
        var country = await db.Countries.FindAsync([alpha3.ToUpperInvariant()], ct);
        if (country is null) return ApiProblems.NotFound($"There is no country '{alpha3}'.");

        country.Change(request.Name!, request.Region!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CountryResponse.From(country));
    }
}
