using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Funding;

/// <summary>The fund's donors with their totals: read by those who read the fund's money, kept by the FMU.</summary>
public sealed class DonorUseCases(TrustFundDbContext db, TimeProvider time)
{
    public async Task<List<DonorResponse>> ListAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        return await Described().ToListAsync(ct);
    }

    public async Task<DonorResponse> GetAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        return await Described(id).SingleOrDefaultAsync(ct) ?? throw NotFound(id);
    }

    /// <exception cref="DomainConflictException">Another donor has the name.</exception>
    public async Task<DonorResponse> CreateAsync(DonorRequest request, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        var donor = new Donor(request.Name!, request.Kind!.Value, request.Country, await KnownCountriesAsync(request, ct),
            actor.UserId, time.GetUtcNow());
        if (await db.Donors.AnyAsync(d => d.Name == donor.Name, ct)) throw NameTaken(donor);
        db.Donors.Add(donor);
        await db.SaveChangesAsync(ct);
        return await Described(donor.Id).SingleAsync(ct);
    }

    /// <exception cref="DomainConflictException">Another donor has the name.</exception>
    public async Task<DonorResponse> ChangeAsync(Guid id, DonorRequest request, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        var donor = await db.Donors.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw NotFound(id);
        donor.Change(request.Name!, request.Kind!.Value, request.Country, await KnownCountriesAsync(request, ct));
        if (await db.Donors.AnyAsync(d => d.Name == donor.Name && d.Id != id, ct)) throw NameTaken(donor);
        await db.SaveChangesAsync(ct);
        return await Described(id).SingleAsync(ct);
    }

    private IQueryable<DonorResponse> Described(Guid? id = null) =>
        db.Donors.AsNoTracking().Where(d => id == null || d.Id == id).OrderBy(d => d.Name).Select(d => new DonorResponse(
            d.Id, d.Name, d.Kind, d.Country,
            db.Contributions.Count(c => c.DonorId == d.Id),
            db.Contributions.Where(c => c.DonorId == d.Id).Sum(c => c.PledgedUsd),
            db.Contributions.Where(c => c.DonorId == d.Id && c.CommittedUsd != null).Sum(c => c.CommittedUsd!.Value),
            db.Contributions.Where(c => c.DonorId == d.Id).Sum(c => c.DepositedUsd),
            d.CreatedAt));

    private async Task<IReadOnlySet<string>> KnownCountriesAsync(DonorRequest request, CancellationToken ct)
    {
        var code = request.Country?.Trim().ToUpperInvariant();
        return code is null
            ? new HashSet<string>()
            : await db.Countries.Where(c => c.Alpha3 == code).Select(c => c.Alpha3).ToHashSetAsync(ct);
    }

    private static NotFoundException NotFound(Guid id) => new($"There is no donor {id}.");

    private static DomainConflictException NameTaken(Donor donor) => new($"A donor named '{donor.Name}' already exists.");
}
