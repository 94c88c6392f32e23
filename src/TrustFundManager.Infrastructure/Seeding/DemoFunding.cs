using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Workflows;

namespace TrustFundManager.Infrastructure.Seeding;

/// <summary>
/// The demo fund's money: fifteen donors whose commitments and deposits come to about USD 20 million (two still owe
/// half), most of it
/// received before the first programme was funded; the first-year target and the next Review Forum's; and, for every
/// funded demo note, a joint programme with tranches transferred and expenditure reported year by year.
/// </summary>
internal sealed class DemoFunding(TrustFundDbContext db, DemoClock clock, Random random)
{
    private static readonly string FundManager = DemoDataSeeder.FundManager.UserId;

    /// <summary>A donor's contribution: amount in its currency, the rate, the earmark, and when it was signed and paid.</summary>
    private sealed record Donation(string Donor, DonorKind Kind, string? Country, decimal Amount, string Currency, decimal Rate,
        int? Earmark, int SignedDaysAgo, int[] DepositDaysAgo, decimal PaidShare = 1m);

    /// <summary>The fund opened this many days ago; the first-year target fell a year later.</summary>
    private const int LaunchDaysAgo = 900;

    private static readonly Donation[] Donations =
    [
        new("Germany", DonorKind.Government, "DEU", 4_500_000m, "EUR", 1.0865m, null, 880, [860, 700]),
        new("Netherlands", DonorKind.Government, "NLD", 2_000_000m, "EUR", 1.0921m, null, 870, [850]),
        new("Spain", DonorKind.Government, "ESP", 1_000_000m, "EUR", 1.0788m, 4, 300, [280]),
        new("Portugal", DonorKind.Government, "PRT", 500_000m, "EUR", 1.0902m, null, 860, [840]),
        new("Norway", DonorKind.Government, "NOR", 30_000_000m, "NOK", 0.0938m, null, 850, [830, 400]),
        new("Denmark", DonorKind.Government, "DNK", 15_000_000m, "DKK", 0.1461m, null, 845, [820]),
        new("Sweden", DonorKind.Government, "SWE", 12_000_000m, "SEK", 0.0952m, 2, 240, [220], PaidShare: 0.5m),
        new("United Kingdom", DonorKind.Government, "GBR", 1_500_000m, "GBP", 1.2714m, null, 840, [815, 500]),
        new("Ireland", DonorKind.Government, "IRL", 750_000m, "EUR", 1.0843m, null, 830, [810]),
        new("France", DonorKind.Government, "FRA", 1_000_000m, "EUR", 1.0807m, null, 820, [800]),
        new("Belgium", DonorKind.Government, "BEL", 500_000m, "EUR", 1.0850m, null, 815, [790]),
        new("Mexico", DonorKind.Government, "MEX", 250_000m, "USD", 1m, null, 810, [780]),
        new("Philippines", DonorKind.Government, "PHL", 100_000m, "USD", 1m, null, 805, [770]),
        new("Cyprus", DonorKind.Government, "CYP", 150_000m, "EUR", 1.0877m, null, 800, [760]),
        new("Open Horizons Foundation", DonorKind.Private, "CHE", 1_000_000m, "USD", 1m, null, 200, [180], PaidShare: 0.5m),
    ];

    /// <summary>Donors, their contributions and deposits, and the targets; the clock walks through their dates.</summary>
    public async Task SeedContributionsAsync(CancellationToken ct)
    {
        var today = Day(clock.Now);
        var feeRate = await db.FundSettings.Select(s => s.AdministrativeAgentFeeRate).SingleAsync(ct);
        var countries = await db.Countries.Select(c => c.Alpha3).ToHashSetAsync(ct);
        var areas = await db.ThematicAreas.Select(a => a.Number).ToHashSetAsync(ct);
        var start = clock.Now;

        foreach (var donation in Donations)
        {
            var donor = new Donor(donation.Donor, donation.Kind, donation.Country, countries, FundManager, At(start, donation.SignedDaysAgo + 30));
            db.Donors.Add(donor);
            clock.Now = At(start, donation.SignedDaysAgo + 30);
            var pledgedRate = donation.Currency == Currencies.Usd ? 1m : donation.Rate - 0.0125m;
            var contribution = Contribution.Pledge(donor.Id, Day(clock.Now), donation.Amount, donation.Currency, pledgedRate,
                Day(clock.Now), FundManager, clock.Now);
            db.Contributions.Add(contribution);

            clock.Now = At(start, donation.SignedDaysAgo);
            contribution.Commit(new ContributionCommitment(Day(clock.Now), donation.Amount, donation.Currency, donation.Rate,
                donation.Earmark, $"SAA-{donation.Country}-{clock.Now:yyyy}-{random.Next(100, 999)}"), areas, Day(clock.Now),
                null, FundManager, clock.Now);

            var remaining = donation.Amount * donation.PaidShare;
            for (var i = 0; i < donation.DepositDaysAgo.Length; i++)
            {
                clock.Now = At(start, donation.DepositDaysAgo[i]);
                var amount = i == donation.DepositDaysAgo.Length - 1 ? remaining : Math.Round(donation.Amount * 0.6m, 2);
                var rate = donation.Currency == Currencies.Usd
                    ? 1m
                    : decimal.Round(donation.Rate * (1 + random.Next(-200, 201) / 10_000m), Money.RateDecimals); // within 2%
                contribution.RecordDeposit(new DepositReceipt(Day(clock.Now), amount, rate, $"AA-{clock.Now:yyyyMMdd}-{donation.Country}-{i + 1}"),
                    feeRate, Day(clock.Now), FundManager, clock.Now);
                remaining -= amount;
            }
        }

        db.FundingTargets.Add(new FundingTarget("First-year capitalization", 25_000_000m,
            Day(At(start, LaunchDaysAgo - 365)), FundManager, At(start, LaunchDaysAgo)));
        db.FundingTargets.Add(new FundingTarget("By the International Migration Review Forum", 70_000_000m,
            NextReviewForum(today), FundManager, At(start, LaunchDaysAgo)));
        clock.Now = start;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Funds the note through the same allocation the FMU makes. Unless that was within the last month, the
    /// Administrative Agent transfers half of every organization's budget a few weeks later (and the programme becomes
    /// active), 30% more a year later, and each organization reports its expenditure for every year since.
    /// </summary>
    public async Task FundAsync(WorkflowEngine engine, ConceptNote note, CancellationToken ct)
    {
        var allocatedAt = clock.Now;
        var actor = DemoDataSeeder.FundManager;
        var allocation = await new FundAllocations(db, new FundingQueries(db), engine, clock)
            .AllocateAsync(new AllocationRequest(note.Id, null, "Top of the ranked pipeline."), actor, ct);

        var tranches = new[] { allocatedAt.AddDays(random.Next(10, 30)), allocatedAt.AddDays(random.Next(380, 420)) }
            .Where(at => at < clock.Started).ToList();
        if (tranches.Count == 0) return;

        var instance = await db.WorkflowInstances.SingleAsync(i => i.SubjectId == allocation.Id, ct);
        var programme = await db.JointProgrammes.Include(p => p.Budget).Include(p => p.Transfers).Include(p => p.Expenditures)
            .AsSplitQuery().SingleAsync(p => p.Id == allocation.Id, ct);
        for (var t = 0; t < tranches.Count; t++)
        {
            clock.Now = tranches[t];
            foreach (var line in programme.Budget)
                programme.RecordTransfer(line.Organization, Math.Round(line.AmountUsd * (t == 0 ? 0.5m : 0.3m), 2), Day(clock.Now),
                    $"MPTF-{clock.Now:yyyyMMdd}-{line.Organization}-{t + 1}", instance.State, Day(clock.Now), FundManager, clock.Now);
            if (t == 0) await engine.FireAsync(instance, "beginImplementation", actor, "First tranche transferred.", ct);
        }

        for (var year = tranches[0].Year; year <= clock.Started.Year; year++)
        {
            var yearEndReport = new DateTimeOffset(year + 1, 1, 31, 10, 0, 0, TimeSpan.Zero);
            clock.Now = yearEndReport < clock.Started ? yearEndReport : clock.Started;
            foreach (var line in programme.Budget)
            {
                var received = programme.Transfers.Where(r => r.Organization == line.Organization && r.RecordedAt <= clock.Now)
                    .Sum(r => r.AmountUsd);
                var spent = Math.Round((received - line.SpentUsd) * random.Next(35, 75) / 100m, 2);
                programme.ReportExpenditure(line.Organization, year, spent, instance.State, Day(clock.Now),
                    $"puno.{line.Organization.ToLowerInvariant()}", clock.Now);
            }
        }
        clock.Now = allocatedAt;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The Review Forum meets in May every four years (2022, 2026, 2030...): the next one after today.</summary>
    private static DateOnly NextReviewForum(DateOnly today)
    {
        var year = 2022;
        while (new DateOnly(year, 5, 31) < today) year += 4;
        return new DateOnly(year, 5, 31);
    }

    private static DateTimeOffset At(DateTimeOffset start, int daysAgo) => start.AddDays(-daysAgo);

    private static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
