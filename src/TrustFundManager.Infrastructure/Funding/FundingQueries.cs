using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Infrastructure.Funding;

/// <summary>
/// The fund's money as the database sums it: the funding status as of a day, the free balance an allocation draws
/// on, and what the pipeline ranking weighs. No amount is summed in memory; rows are never loaded to be added up.
/// </summary>
public sealed class FundingQueries(TrustFundDbContext db)
{
    private sealed record PoolNet(int? Area, decimal NetUsd);

    /// <summary>What is free for allocation now, by pool: unearmarked money and each area's earmarked money.</summary>
    public Task<FreeBalance> FreeBalanceAsync(CancellationToken ct) => FreeBalanceAsync(DateOnly.MaxValue, ct);

    public async Task<FreeBalance> FreeBalanceAsync(DateOnly asOf, CancellationToken ct) =>
        await FreeBalanceAsync(await NetByPoolAsync(asOf, ct), asOf, ct);

    /// <summary>Deposits net of the fee, by earmark (a null area is the unearmarked pool).</summary>
    private Task<List<PoolNet>> NetByPoolAsync(DateOnly asOf, CancellationToken ct) =>
        db.Deposits.Where(d => d.ReceivedOn <= asOf)
            .GroupBy(d => d.EarmarkedAreaNumber)
            .Select(pool => new PoolNet(pool.Key, pool.Sum(d => d.NetUsd)))
            .ToListAsync(ct);

    /// <summary>Each pool's net deposits less what the programmes allocated by <paramref name="asOf"/> drew from it.</summary>
    private async Task<FreeBalance> FreeBalanceAsync(IReadOnlyList<PoolNet> netByPool, DateOnly asOf, CancellationToken ct)
    {
        var programmes = db.JointProgrammes.Where(p => p.AllocatedOn <= asOf);
        var drawnByArea = await programmes.GroupBy(p => p.ThematicAreaNumber)
            .Select(g => new
            {
                Area = g.Key,
                Drawn = g.Sum(p => p.FromEarmarkedUsd - (p.ReleasedOn != null && p.ReleasedOn <= asOf ? p.ReleasedToEarmarkedUsd : 0)),
            })
            .ToDictionaryAsync(g => g.Area, g => g.Drawn, ct);
        var drawnUnearmarked = await programmes.SumAsync(
            p => p.FromUnearmarkedUsd - (p.ReleasedOn != null && p.ReleasedOn <= asOf ? p.ReleasedToUnearmarkedUsd : 0), ct);

        var unearmarked = netByPool.Where(p => p.Area is null).Sum(p => p.NetUsd) - drawnUnearmarked;
        var earmarked = netByPool.Where(p => p.Area is not null)
            .ToDictionary(p => p.Area!.Value, p => p.NetUsd - drawnByArea.GetValueOrDefault(p.Area!.Value));
        return new FreeBalance(unearmarked, earmarked);
    }

    public async Task<FundingStatus> StatusAsync(DateOnly asOf, CancellationToken ct)
    {
        var contributions = await ContributionTotalsAsync(asOf, ct);
        var deposits = await DepositTotalsAsync(asOf, ct);
        var programmes = await ProgrammeTotalsAsync(asOf, ct);
        var transfers = await PaymentTotalsAsync(
            db.Transfers.Where(t => t.TransferredOn <= asOf)
                .Select(t => new Payment { ProgrammeId = t.ProgrammeId, Organization = t.Organization, AmountUsd = t.AmountUsd }),
            ct);
        var expenditure = await PaymentTotalsAsync(
            db.AnnualExpenditures.Where(e => e.ReportedOn <= asOf)
                .Select(e => new Payment { ProgrammeId = e.ProgrammeId, Organization = e.Organization, AmountUsd = e.AmountUsd }),
            ct);

        var byDonor = await DonorsAsync(contributions, deposits, ct);
        var areas = await AreasAsync(contributions, deposits, programmes, transfers, expenditure, ct);
        var countries = await CountriesAsync(programmes, transfers, expenditure, ct);
        var organizations = await OrganizationsAsync(asOf, transfers, expenditure, ct);

        var pledged = byDonor.Sum(d => d.PledgedUsd);
        var committed = byDonor.Sum(d => d.CommittedUsd);
        var deposited = byDonor.Sum(d => d.DepositedUsd);
        var fee = byDonor.Sum(d => d.AdministrativeAgentFeeUsd);
        var net = byDonor.Sum(d => d.NetFundedUsd);
        var allocated = countries.Sum(c => c.AllocatedUsd);
        var transferred = countries.Sum(c => c.TransferredUsd);
        var spent = countries.Sum(c => c.ExpenditureUsd);
        var target = await TargetAsync(asOf, committed, ct);
        var released = programmes.Sum(p => p.ReleasedUsd);

        return new FundingStatus(asOf, pledged, committed, deposited, fee, net, allocated, released, transferred, spent,
            net - allocated, net - transferred, Money.Ratio(spent, transferred), target, byDonor, areas, countries, organizations);
    }

    // Each table the status sums is read once, grouped by every key a breakdown needs (donor and earmark; area and
    // country; area, country and organization); the breakdowns then add up these few subtotals.

    private sealed record ContributionTotal(Guid Donor, int? Area, int Pledges, decimal PledgedUsd, decimal CommittedUsd);

    private sealed record DepositTotal(Guid Donor, int? Area, decimal Usd, decimal FeeUsd, decimal NetUsd);

    private sealed record ProgrammeTotal(int Area, string Country, int Programmes, decimal AllocatedUsd, decimal ReleasedUsd,
        decimal DrawnEarmarkedUsd, decimal DrawnUnearmarkedUsd);

    private sealed record PaymentTotal(int Area, string Country, string Organization, decimal Usd);

    /// <summary>A transfer or a year's expenditure: money that went to an organization of a programme.</summary>
    private sealed class Payment
    {
        public Guid ProgrammeId { get; init; }
        public string Organization { get; init; } = string.Empty;
        public decimal AmountUsd { get; init; }
    }

    private Task<List<ContributionTotal>> ContributionTotalsAsync(DateOnly asOf, CancellationToken ct) =>
        db.Contributions.Where(c => c.PledgedOn <= asOf || (c.CommittedOn != null && c.CommittedOn <= asOf))
            .GroupBy(c => new { c.DonorId, c.EarmarkedAreaNumber })
            .Select(g => new ContributionTotal(g.Key.DonorId, g.Key.EarmarkedAreaNumber,
                g.Count(c => c.PledgedOn <= asOf),
                g.Sum(c => c.PledgedOn <= asOf ? c.PledgedUsd : 0m),
                g.Sum(c => c.CommittedOn != null && c.CommittedOn <= asOf ? c.CommittedUsd!.Value : 0m)))
            .ToListAsync(ct);

    private Task<List<DepositTotal>> DepositTotalsAsync(DateOnly asOf, CancellationToken ct) =>
        db.Deposits.Where(d => d.ReceivedOn <= asOf)
            .GroupBy(d => new { d.EarmarkedAreaNumber, d.DonorId })
            .Select(g => new DepositTotal(g.Key.DonorId, g.Key.EarmarkedAreaNumber, g.Sum(d => d.AmountUsd), g.Sum(d => d.FeeUsd),
                g.Sum(d => d.NetUsd)))
            .ToListAsync(ct);

    /// <summary>The programmes allocated by <paramref name="asOf"/>: what they hold net of releases, and what they drew from each pool.</summary>
    private Task<List<ProgrammeTotal>> ProgrammeTotalsAsync(DateOnly asOf, CancellationToken ct) =>
        db.JointProgrammes.Where(p => p.AllocatedOn <= asOf)
            .GroupBy(p => new { p.ThematicAreaNumber, p.Country })
            .Select(g => new ProgrammeTotal(g.Key.ThematicAreaNumber, g.Key.Country, g.Count(),
                g.Sum(p => p.AllocatedUsd - (p.ReleasedOn != null && p.ReleasedOn <= asOf ? p.ReleasedUsd : 0)),
                g.Sum(p => p.ReleasedOn != null && p.ReleasedOn <= asOf ? p.ReleasedUsd : 0),
                g.Sum(p => p.FromEarmarkedUsd - (p.ReleasedOn != null && p.ReleasedOn <= asOf ? p.ReleasedToEarmarkedUsd : 0)),
                g.Sum(p => p.FromUnearmarkedUsd - (p.ReleasedOn != null && p.ReleasedOn <= asOf ? p.ReleasedToUnearmarkedUsd : 0))))
            .ToListAsync(ct);

    private Task<List<PaymentTotal>> PaymentTotalsAsync(IQueryable<Payment> payments, CancellationToken ct) => (
            from payment in payments
            join programme in db.JointProgrammes on payment.ProgrammeId equals programme.Id
            group payment by new { programme.ThematicAreaNumber, programme.Country, payment.Organization } into g
            select new PaymentTotal(g.Key.ThematicAreaNumber, g.Key.Country, g.Key.Organization, g.Sum(p => p.AmountUsd)))
        .ToListAsync(ct);

    private async Task<TargetProgress?> TargetAsync(DateOnly asOf, decimal committedUsd, CancellationToken ct)
    {
        var current = FundingTarget.CurrentOn(await db.FundingTargets.AsNoTracking().ToListAsync(ct), asOf);
        if (current is null) return null;
        return new TargetProgress(current.Id, current.Title, current.DueOn, current.AmountUsd, committedUsd,
            decimal.Round(committedUsd * 100 / current.AmountUsd, 2, MidpointRounding.AwayFromZero),
            Math.Max(0, current.AmountUsd - committedUsd), current.DueOn < asOf);
    }

    private async Task<List<DonorFunding>> DonorsAsync(List<ContributionTotal> contributions, List<DepositTotal> deposits,
        CancellationToken ct)
    {
        var pledging = contributions.Where(c => c.Pledges > 0).Select(c => c.Donor).Distinct().ToList();
        var donors = await db.Donors.AsNoTracking().Where(d => pledging.Contains(d.Id)).ToListAsync(ct);

        return donors
            .Select(d =>
            {
                var paid = deposits.Where(p => p.Donor == d.Id).ToList();
                var own = contributions.Where(c => c.Donor == d.Id).ToList();
                return new DonorFunding(d.Id, d.Name, d.Kind, d.Country, own.Sum(c => c.PledgedUsd), own.Sum(c => c.CommittedUsd),
                    paid.Sum(p => p.Usd), paid.Sum(p => p.FeeUsd), paid.Sum(p => p.NetUsd));
            })
            .OrderByDescending(d => d.CommittedUsd).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<ThematicAreaFunding>> AreasAsync(List<ContributionTotal> contributions, List<DepositTotal> deposits,
        List<ProgrammeTotal> programmes, List<PaymentTotal> transfers, List<PaymentTotal> expenditure, CancellationToken ct)
    {
        var titles = await db.ThematicAreas.AsNoTracking().OrderBy(a => a.Number)
            .Select(a => new { a.Number, a.Title }).ToListAsync(ct);

        var rows = titles.Select(area =>
        {
            var own = programmes.Where(p => p.Area == area.Number).ToList();
            var net = deposits.Where(d => d.Area == area.Number).ToList();
            var transferred = transfers.Where(t => t.Area == area.Number).Sum(t => t.Usd);
            var spent = expenditure.Where(e => e.Area == area.Number).Sum(e => e.Usd);
            // Earmarked money still free: what donors earmarked to the area, less what its programmes drew from it.
            var free = net.Count == 0 ? 0 : net.Sum(d => d.NetUsd) - own.Sum(p => p.DrawnEarmarkedUsd);
            return new ThematicAreaFunding(area.Number, area.Title,
                contributions.Where(c => c.Area == area.Number).Sum(c => c.CommittedUsd), net.Sum(d => d.NetUsd),
                own.Sum(p => p.AllocatedUsd), transferred, spent, Money.Ratio(spent, transferred), free);
        }).ToList();
        var unearmarkedNet = deposits.Where(d => d.Area is null).Sum(d => d.NetUsd);
        rows.Add(new ThematicAreaFunding(null, "Unearmarked", contributions.Where(c => c.Area is null).Sum(c => c.CommittedUsd),
            unearmarkedNet, 0, 0, 0, null, unearmarkedNet - programmes.Sum(p => p.DrawnUnearmarkedUsd)));
        return rows;
    }

    private async Task<List<CountryFunding>> CountriesAsync(List<ProgrammeTotal> programmes, List<PaymentTotal> transfers,
        List<PaymentTotal> expenditure, CancellationToken ct)
    {
        var keys = programmes.Select(p => p.Country).Distinct().ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => keys.Contains(c.Alpha3))
            .ToDictionaryAsync(c => c.Alpha3, ct);
        return keys
            .Select(key =>
            {
                var transferred = transfers.Where(t => t.Country == key).Sum(t => t.Usd);
                var spent = expenditure.Where(e => e.Country == key).Sum(e => e.Usd);
                var own = programmes.Where(p => p.Country == key).ToList();
                return new CountryFunding(key, countries[key].Name, countries[key].Region, own.Sum(p => p.Programmes),
                    own.Sum(p => p.AllocatedUsd), transferred, spent, Money.Ratio(spent, transferred));
            })
            .OrderByDescending(c => c.AllocatedUsd).ThenBy(c => c.Country, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<OrganizationFunding>> OrganizationsAsync(DateOnly asOf, List<PaymentTotal> transfers,
        List<PaymentTotal> expenditure, CancellationToken ct)
    {
        var budgets = await (
                from line in db.Set<ProgrammeBudgetLine>()
                join programme in db.JointProgrammes on line.ProgrammeId equals programme.Id
                where programme.AllocatedOn <= asOf
                let released = programme.ReleasedOn != null && programme.ReleasedOn <= asOf ? line.ReleasedUsd : 0
                group new { line.AmountUsd, Released = released, line.IndirectCostUsd } by line.Organization into organization
                select new
                {
                    Organization = organization.Key,
                    Programmes = organization.Count(),
                    Allocated = organization.Sum(l => l.AmountUsd - l.Released),
                    Indirect = organization.Sum(l => l.IndirectCostUsd),
                })
            .ToListAsync(ct);
        var codes = budgets.Select(b => b.Organization).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code))
            .ToDictionaryAsync(o => o.Code, o => o.Name, ct);

        return budgets
            .Select(b =>
            {
                var transferred = transfers.Where(t => t.Organization == b.Organization).Sum(t => t.Usd);
                var spent = expenditure.Where(e => e.Organization == b.Organization).Sum(e => e.Usd);
                return new OrganizationFunding(b.Organization, names[b.Organization], b.Programmes, b.Allocated, b.Indirect,
                    transferred, spent, Money.Ratio(spent, transferred));
            })
            .OrderByDescending(o => o.AllocatedUsd).ThenBy(o => o.Organization, StringComparer.Ordinal)
            .ToList();
    }
}
