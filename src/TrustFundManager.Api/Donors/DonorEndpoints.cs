using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.Donors;

public sealed record DonorRequest(string? Name, DonorKind? Kind, string? Country);

public sealed class DonorRequestValidator : AbstractValidator<DonorRequest>
{
    public DonorRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Donor.NameMaxLength);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Country).Matches("^[A-Za-z]{3}$").WithMessage("A country is its ISO 3166-1 alpha-3 code.");
    }
}

/// <summary>A donor with what it pledged, committed and deposited so far, in USD.</summary>
public sealed record DonorResponse(Guid Id, string Name, DonorKind Kind, string? Country, int Contributions,
    decimal PledgedUsd, decimal CommittedUsd, decimal DepositedUsd, DateTimeOffset CreatedAt)
{
    public string Href => $"/api/donors/{Id}";
}

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
            .WithSummary("One donor with its totals.");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<DonorRequest>()
            .WithName("CreateDonor")
            .WithSummary("Adds a donor: a government (with its country), a multilateral body or a private donor. Names are unique.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Change).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<DonorRequest>()
            .WithName("ChangeDonor")
            .WithSummary("Changes a donor's name, kind or country.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IQueryable<DonorResponse> Described(TrustFundDbContext db, Guid? id = null) =>
        db.Donors.AsNoTracking().Where(d => id == null || d.Id == id).OrderBy(d => d.Name).Select(d => new DonorResponse(d.Id, d.Name, d.Kind, d.Country,
            db.Contributions.Count(c => c.DonorId == d.Id),
            db.Contributions.Where(c => c.DonorId == d.Id).Sum(c => c.PledgedUsd),
            db.Contributions.Where(c => c.DonorId == d.Id && c.CommittedUsd != null).Sum(c => c.CommittedUsd!.Value),
            db.Contributions.Where(c => c.DonorId == d.Id).Sum(c => c.DepositedUsd),
            d.CreatedAt));

    private static async Task<Ok<List<DonorResponse>>> List(TrustFundDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Described(db).ToListAsync(ct));

    private static async Task<Results<Ok<DonorResponse>, ProblemHttpResult>> Get(Guid id, TrustFundDbContext db,
        CancellationToken ct) =>
        await Described(db, id).SingleOrDefaultAsync(ct) is { } donor
            ? TypedResults.Ok(donor)
            : ApiProblems.NotFound($"There is no donor {id}.");

    private static async Task<Results<Created<DonorResponse>, ProblemHttpResult>> Create(DonorRequest request,
        ClaimsPrincipal user, TrustFundDbContext db, TimeProvider time, CancellationToken ct)
    {
        var donor = new Donor(request.Name!, request.Kind!.Value, request.Country, await KnownCountriesAsync(db, request, ct),
            user.UserId(), time.GetUtcNow());
        if (await db.Donors.AnyAsync(d => d.Name == donor.Name, ct))
            return ApiProblems.Conflict($"A donor named '{donor.Name}' already exists.");
        db.Donors.Add(donor);
        await db.SaveChangesAsync(ct);
        var response = await Described(db, donor.Id).SingleAsync(ct);
        return TypedResults.Created(response.Href, response);
    }

    private static async Task<Results<Ok<DonorResponse>, ProblemHttpResult>> Change(Guid id, DonorRequest request,
        TrustFundDbContext db, CancellationToken ct)
    {
        var donor = await db.Donors.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (donor is null) return ApiProblems.NotFound($"There is no donor {id}.");
        donor.Change(request.Name!, request.Kind!.Value, request.Country, await KnownCountriesAsync(db, request, ct));
        if (await db.Donors.AnyAsync(d => d.Name == donor.Name && d.Id != id, ct))
            return ApiProblems.Conflict($"A donor named '{donor.Name}' already exists.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Described(db, id).SingleAsync(ct));
    }

    private static async Task<IReadOnlySet<string>> KnownCountriesAsync(TrustFundDbContext db, DonorRequest request,
        CancellationToken ct)
    {
        var code = request.Country?.Trim().ToUpperInvariant();
        return code is null
            ? new HashSet<string>()
            : await db.Countries.Where(c => c.Alpha3 == code).Select(c => c.Alpha3).ToHashSetAsync(ct);
    }
}
