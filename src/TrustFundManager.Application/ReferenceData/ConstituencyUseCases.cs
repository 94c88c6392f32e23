using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.ReferenceData;

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

/// <summary>The Steering Committee's constituencies and their seats; seats are governance, so the FMU changes them.</summary>
public sealed class ConstituencyUseCases(TrustFundDbContext db, TimeProvider time)
{
    public async Task<List<ConstituencyResponse>> ListAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        return await db.Constituencies.AsNoTracking().OrderBy(c => c.Code)
            .Select(c => ConstituencyResponse.From(c))
            .ToListAsync(ct);
    }

    /// <summary>Changes a constituency; its seats never drop below a seat someone holds now or later.</summary>
    public async Task<ConstituencyResponse> UpdateAsync(string code, UpdateConstituencyRequest request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFundRules);
        var constituency = (Constituency.NormalizeCode(code) is { } key
                               ? await db.Constituencies.FindAsync([key], ct)
                               : null)
                           ?? throw new NotFoundException($"There is no constituency '{code}'.");

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var holders = await db.CommitteeMemberships.AsNoTracking()
            .Where(m => m.ConstituencyCode == constituency.Code && m.TermEnd >= today).ToListAsync(ct);

        constituency.Change(request.Name!, request.Description, request.Seats!.Value, holders);
        await db.SaveChangesAsync(ct);
        return ConstituencyResponse.From(constituency);
    }
}
