using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.ReferenceData;

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

/// <summary>The ISO 3166-1 countries and the Network region each is reported under.</summary>
public sealed class CountryUseCases(TrustFundDbContext db)
{
    /// <summary>The countries by name, of one region or matching a name or code, if asked.</summary>
    /// <exception cref="InvalidChangeException">The region is not one of the Network's.</exception>
    public async Task<List<CountryResponse>> ListAsync(Region? region, string? search, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        if (region is { } asked && !Enum.IsDefined(asked))
            throw new InvalidChangeException("region", $"'{(int)asked}' is not a valid value.");
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

        return await query.OrderBy(c => c.Name).Select(c => CountryResponse.From(c)).ToListAsync(ct);
    }

    public async Task<CountryResponse> GetAsync(string alpha3, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        var code = alpha3.ToUpperInvariant();
        return await db.Countries.AsNoTracking().Where(c => c.Alpha3 == code)
                   .Select(c => CountryResponse.From(c)).SingleOrDefaultAsync(ct)
               ?? throw NotFound(alpha3);
    }

    /// <summary>Changes a country's name or the region it is reported under.</summary>
    public async Task<CountryResponse> UpdateAsync(string alpha3, UpdateCountryRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageReferenceData);
        var country = await db.Countries.FindAsync([alpha3.ToUpperInvariant()], ct) ?? throw NotFound(alpha3);

        country.Change(request.Name!, request.Region!.Value);
        await db.SaveChangesAsync(ct);
        return CountryResponse.From(country);
    }

    private static NotFoundException NotFound(string alpha3) => new($"There is no country '{alpha3}'.");
}
