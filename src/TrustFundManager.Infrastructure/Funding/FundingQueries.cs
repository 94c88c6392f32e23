using System.Linq.Expressions;
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

    private sealed record Flow(string Key, decimal AllocatedUsd, decimal TransferredUsd, decimal ExpenditureUsd, int Programmes);

    /// <summary>What is free for allocation now, by pool: unearmarked money and each area's earmarked money.</summary>
    public Task<FreeBalance> FreeBalanceAsync(CancellationToken ct) => FreeBalanceAsync(DateOnly.MaxValue, ct);

    public async Task<FreeBalance> FreeBalanceAsync(DateOnly asOf, CancellationToken ct) =>
        await FreeBalanceAsync(await NetByPoolAsync(asOf, ct), asOf, ct);

    /// <summary>Deposits net of the fee, by earmark (a null area is the unearmarked pool).</summary>
    private Task<List<PoolNet>> NetByPoolAsync(DateOnly asOf, CancellationToken ct) => (
            from deposit in db.Deposits
            where deposit.ReceivedOn <= asOf
            join contribution in db.Contributions on deposit.ContributionId equals contribution.Id
            group deposit by contribution.EarmarkedAreaNumber into pool
            select new PoolNet(pool.Key, pool.Sum(d => d.NetUsd)))
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
        var byDonor = await DonorsAsync(asOf, ct);
        var areas = await AreasAsync(asOf, ct);
        var countries = await CountriesAsync(asOf, ct);
        var organizations = await OrganizationsAsync(asOf, ct);

        var pledged = byDonor.Sum(d => d.PledgedUsd);
        var committed = byDonor.Sum(d => d.CommittedUsd);
        var deposited = byDonor.Sum(d => d.DepositedUsd);
        var fee = byDonor.Sum(d => d.AdministrativeAgentFeeUsd);
        var net = byDonor.Sum(d => d.NetFundedUsd);
        var allocated = countries.Sum(c => c.AllocatedUsd);
        var transferred = countries.Sum(c => c.TransferredUsd);
        var spent = countries.Sum(c => c.ExpenditureUsd);
        var target = await TargetAsync(asOf, committed, ct);
        var released = await db.JointProgrammes.Where(p => p.ReleasedOn != null && p.ReleasedOn <= asOf && p.AllocatedOn <= asOf)
            .SumAsync(p => p.ReleasedUsd, ct);

        return new FundingStatus(asOf, pledged, committed, deposited, fee, net, allocated, released, transferred, spent,
            net - allocated, net - transferred, Money.Ratio(spent, transferred), target, byDonor, areas, countries, organizations);
    }

    private async Task<TargetProgress?> TargetAsync(DateOnly asOf, decimal committedUsd, CancellationToken ct)
    {
        var current = FundingTarget.CurrentOn(await db.FundingTargets.AsNoTracking().ToListAsync(ct), asOf);
        if (current is null) return null;
        return new TargetProgress(current.Id, current.Title, current.DueOn, current.AmountUsd, committedUsd,
            decimal.Round(committedUsd * 100 / current.AmountUsd, 2, MidpointRounding.AwayFromZero),
            Math.Max(0, current.AmountUsd - committedUsd), current.DueOn < asOf);
    }

    private async Task<List<DonorFunding>> DonorsAsync(DateOnly asOf, CancellationToken ct)
    {
        var pledges = await db.Contributions.Where(c => c.PledgedOn <= asOf)
            .GroupBy(c => c.DonorId)
            .Select(g => new { Donor = g.Key, Usd = g.Sum(c => c.PledgedUsd) })
            .ToDictionaryAsync(g => g.Donor, g => g.Usd, ct);
        var commitments = await db.Contributions.Where(c => c.CommittedOn != null && c.CommittedOn <= asOf)
            .GroupBy(c => c.DonorId)
            .Select(g => new { Donor = g.Key, Usd = g.Sum(c => c.CommittedUsd!.Value) })
            .ToDictionaryAsync(g => g.Donor, g => g.Usd, ct);
        var deposits = await (
                from deposit in db.Deposits
                where deposit.ReceivedOn <= asOf
                join contribution in db.Contributions on deposit.ContributionId equals contribution.Id
                group deposit by contribution.DonorId into donor
                select new { Donor = donor.Key, Usd = donor.Sum(d => d.AmountUsd), Fee = donor.Sum(d => d.FeeUsd), Net = donor.Sum(d => d.NetUsd) })
            .ToDictionaryAsync(g => g.Donor, ct);
        var donors = await db.Donors.AsNoTracking().Where(d => pledges.Keys.Contains(d.Id)).ToListAsync(ct);

        return donors
            .Select(d => new DonorFunding(d.Id, d.Name, d.Kind, d.Country, pledges.GetValueOrDefault(d.Id),
                commitments.GetValueOrDefault(d.Id), deposits.GetValueOrDefault(d.Id)?.Usd ?? 0,
                deposits.GetValueOrDefault(d.Id)?.Fee ?? 0, deposits.GetValueOrDefault(d.Id)?.Net ?? 0))
            .OrderByDescending(d => d.CommittedUsd).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<ThematicAreaFunding>> AreasAsync(DateOnly asOf, CancellationToken ct)
    {
        var committed = await db.Contributions.Where(c => c.CommittedOn != null && c.CommittedOn <= asOf)
            .GroupBy(c => c.EarmarkedAreaNumber)
            .Select(g => new { Area = g.Key, Usd = g.Sum(c => c.CommittedUsd!.Value) })
            .ToListAsync(ct);
        var netByPool = await NetByPoolAsync(asOf, ct);
        var free = await FreeBalanceAsync(netByPool, asOf, ct);
        var flows = (await FlowsAsync(asOf, p => p.ThematicAreaNumber.ToString(), ct)).ToDictionary(f => f.Key);
        var titles = await db.ThematicAreas.AsNoTracking().OrderBy(a => a.Number)
            .Select(a => new { a.Number, a.Title }).ToListAsync(ct);

        var rows = titles.Select(area =>
        {
            var flow = flows.GetValueOrDefault(area.Number.ToString());
            return new ThematicAreaFunding(area.Number, area.Title,
                committed.SingleOrDefault(c => c.Area == area.Number)?.Usd ?? 0,
                netByPool.SingleOrDefault(n => n.Area == area.Number)?.NetUsd ?? 0,
                flow?.AllocatedUsd ?? 0, flow?.TransferredUsd ?? 0, flow?.ExpenditureUsd ?? 0,
                Money.Ratio(flow?.ExpenditureUsd ?? 0, flow?.TransferredUsd ?? 0), free.EarmarkedUsd.GetValueOrDefault(area.Number));
        }).ToList();
        rows.Add(new ThematicAreaFunding(null, "Unearmarked", committed.SingleOrDefault(c => c.Area is null)?.Usd ?? 0,
            netByPool.SingleOrDefault(n => n.Area is null)?.NetUsd ?? 0, 0, 0, 0, null, free.UnearmarkedUsd));
        return rows;
    }

    private async Task<List<CountryFunding>> CountriesAsync(DateOnly asOf, CancellationToken ct)
    {
        var flows = await FlowsAsync(asOf, p => p.Country, ct);
        var keys = flows.Select(f => f.Key).ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => keys.Contains(c.Alpha3))
            .ToDictionaryAsync(c => c.Alpha3, ct);
        return flows
            .Select(f => new CountryFunding(f.Key, countries[f.Key].Name, countries[f.Key].Region, f.Programmes,
                f.AllocatedUsd, f.TransferredUsd, f.ExpenditureUsd, Money.Ratio(f.ExpenditureUsd, f.TransferredUsd)))
            .OrderByDescending(c => c.AllocatedUsd).ThenBy(c => c.Country, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<OrganizationFunding>> OrganizationsAsync(DateOnly asOf, CancellationToken ct)
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
        var transfers = await db.Transfers.Where(t => t.TransferredOn <= asOf)
            .GroupBy(t => t.Organization)
            .Select(g => new { Organization = g.Key, Usd = g.Sum(t => t.AmountUsd) })
            .ToDictionaryAsync(g => g.Organization, g => g.Usd, ct);
        var spending = await db.AnnualExpenditures.Where(e => e.ReportedOn <= asOf)
            .GroupBy(e => e.Organization)
            .Select(g => new { Organization = g.Key, Usd = g.Sum(e => e.AmountUsd) })
            .ToDictionaryAsync(g => g.Organization, g => g.Usd, ct);
        var codes = budgets.Select(b => b.Organization).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code))
            .ToDictionaryAsync(o => o.Code, o => o.Name, ct);

        return budgets
            .Select(b =>
            {
                var transferred = transfers.GetValueOrDefault(b.Organization);
                var spent = spending.GetValueOrDefault(b.Organization);
                return new OrganizationFunding(b.Organization, names[b.Organization], b.Programmes, b.Allocated, b.Indirect,
                    transferred, spent, Money.Ratio(spent, transferred));
            })
            .OrderByDescending(o => o.AllocatedUsd).ThenBy(o => o.Organization, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Allocations, transfers and expenditure of the programmes allocated by <paramref name="asOf"/>, by a key of the programme.</summary>
    private async Task<List<Flow>> FlowsAsync(DateOnly asOf, Expression<Func<JointProgramme, string>> key, CancellationToken ct)
    {
        var programmes = db.JointProgrammes.Where(p => p.AllocatedOn <= asOf);
        var keyed = programmes.Select(Keyed(key));
        var allocated = await programmes.GroupBy(key)
            .Select(g => new
            {
                g.Key,
                Usd = g.Sum(p => p.AllocatedUsd - (p.ReleasedOn != null && p.ReleasedOn <= asOf ? p.ReleasedUsd : 0)),
                Count = g.Count(),
            })
            .ToListAsync(ct);
        var transferred = await (
                from transfer in db.Transfers
                where transfer.TransferredOn <= asOf
                join programme in keyed on transfer.ProgrammeId equals programme.Id
                group transfer by programme.Key into g
                select new { g.Key, Usd = g.Sum(t => t.AmountUsd) })
            .ToDictionaryAsync(g => g.Key, g => g.Usd, ct);
        var spent = await (
                from expenditure in db.AnnualExpenditures
                where expenditure.ReportedOn <= asOf
                join programme in keyed on expenditure.ProgrammeId equals programme.Id
                group expenditure by programme.Key into g
                select new { g.Key, Usd = g.Sum(e => e.AmountUsd) })
            .ToDictionaryAsync(g => g.Key, g => g.Usd, ct);
        return allocated
            .Select(a => new Flow(a.Key, a.Usd, transferred.GetValueOrDefault(a.Key), spent.GetValueOrDefault(a.Key), a.Count))
            .ToList();
    }

    /// <summary>Each programme's id with its key, as one projection the database can join on.</summary>
    private static Expression<Func<JointProgramme, KeyedProgramme>> Keyed(Expression<Func<JointProgramme, string>> key)
    {
        var programme = key.Parameters[0];
        var body = Expression.MemberInit(Expression.New(typeof(KeyedProgramme)),
            Expression.Bind(typeof(KeyedProgramme).GetProperty(nameof(KeyedProgramme.Id))!,
                Expression.Property(programme, nameof(JointProgramme.Id))),
            Expression.Bind(typeof(KeyedProgramme).GetProperty(nameof(KeyedProgramme.Key))!, key.Body));
        return Expression.Lambda<Func<JointProgramme, KeyedProgramme>>(body, programme);
    }

    private sealed class KeyedProgramme
    {
        public Guid Id { get; init; }
        public string Key { get; init; } = string.Empty;
    }
}
