using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.Constituencies;

public sealed record ConstituencyResponse(string Code, string Name, string? Description, int Seats)
{
    public static ConstituencyResponse From(Constituency c) => new(c.Code, c.Name, c.Description, c.Seats);
}

public sealed record UpdateConstituencyRequest(string? Name, string? Description, int? Seats);

public sealed class UpdateConstituencyRequestValidator : AbstractValidator<UpdateConstituencyRequest>
{
    public UpdateConstituencyRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Constituency.NameMaxLength);
        RuleFor(r => r.Description).MaximumLength(Constituency.DescriptionMaxLength);
        RuleFor(r => r.Seats).NotNull().InclusiveBetween(1, Constituency.MaxSeats);
    }
}

public sealed class ConstituencyEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/constituencies").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListConstituencies")
            .WithSummary("Lists the Steering Committee's constituencies with their seat counts.");
        group.MapPut("/{code}", Update).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<UpdateConstituencyRequest>()
            .WithName("UpdateConstituency")
            .WithSummary("Changes a constituency's name, description and number of seats (never below a seat someone holds now or later).")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<ConstituencyResponse>>> List(TrustFundDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Constituencies.AsNoTracking().OrderBy(c => c.Code)
            .Select(c => ConstituencyResponse.From(c))
            .ToListAsync(ct));

    private static async Task<Results<Ok<ConstituencyResponse>, ProblemHttpResult>> Update(string code,
        UpdateConstituencyRequest request, TrustFundDbContext db, TimeProvider time, CancellationToken ct)
    {
        var constituency = Constituency.NormalizeCode(code) is { } key
            ? await db.Constituencies.FindAsync([key], ct)
            : null;
        if (constituency is null) return ApiProblems.NotFound($"There is no constituency '{code}'.");

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var holders = await db.CommitteeMemberships.AsNoTracking()
            .Where(m => m.ConstituencyCode == constituency.Code && m.TermEnd >= today).ToListAsync(ct);

        constituency.Change(request.Name!, request.Description, request.Seats!.Value, holders);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ConstituencyResponse.From(constituency));
    }
}
