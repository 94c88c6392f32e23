using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Infrastructure.Funding;

/// <summary>The approved, unfunded concept notes, best first, and how far the free balance reaches down the list.</summary>
public sealed record PipelineView(DateTimeOffset At, decimal FreeBalanceUsd, decimal UnearmarkedUsd,
    IReadOnlyDictionary<int, decimal> EarmarkedUsd, decimal TotalGapUsd, IReadOnlyList<PipelineRow> Rows);

/// <summary>
/// One note in the ranked pipeline: its funding gap (nothing is funded yet, so what it requested), the cumulative gap
/// down to it, whether the free balance reaches that far, and whether its thematic area can fund it on its own.
/// </summary>
public sealed record PipelineRow(int Rank, Guid ConceptNoteId, string Title, string Country, IReadOnlyList<string> Countries,
    Region? Region, int ThematicAreaNumber, DateTimeOffset ApprovedAt, int DaysWaiting, decimal FundingGapUsd,
    decimal CumulativeGapUsd, bool WithinFreeBalance, decimal AvailableToAreaUsd, bool FundableNow, PipelineScore Score);

/// <summary>
/// The pipeline's size and what it asks for, against the free balance: the figures of <see cref="PipelineView"/> that
/// need no ranking (the same sums, by the database).
/// </summary>
public sealed record PipelineTotals(int Notes, decimal TotalGapUsd, decimal FreeBalanceUsd)
{
    /// <summary>What the pipeline asks for beyond the free balance.</summary>
    public decimal ShortfallUsd => Math.Max(0, TotalGapUsd - FreeBalanceUsd);
}

public sealed class FundingPipeline(TrustFundDbContext db, FundingStatusCache funding)
{
    public async Task<PipelineTotals> TotalsAsync(CancellationToken ct)
    {
        var totals = await (
                from instance in InPipeline()
                join note in db.ConceptNotes on instance.SubjectId equals note.Id
                group note by 1 into all
                select new { Notes = all.Count(), RequestedUsd = all.Sum(n => n.TotalRequestedUsd ?? 0) })
            .SingleOrDefaultAsync(ct);
        var free = await funding.FreeBalanceAsync(ct);
        return new PipelineTotals(totals?.Notes ?? 0, totals?.RequestedUsd ?? 0, free.TotalUsd);
    }

    private IQueryable<WorkflowInstance> InPipeline() => db.WorkflowInstances.Where(i =>
        i.DefinitionId == ConceptNoteStatus.WorkflowId && i.State == ConceptNoteStatus.ApprovedInPipeline);

    public async Task<PipelineView> RankAsync(DateTimeOffset now, CancellationToken ct)
    {
        var inPipeline = InPipeline();
        var waiting = await (
                from instance in inPipeline
                join note in db.ConceptNotes on instance.SubjectId equals note.Id
                select new
                {
                    InstanceId = instance.Id, note.Id, note.Title, note.Country, note.Region,
                    Countries = note.CountryLines.OrderBy(c => c.Position).Select(c => c.Country).ToList(),
                    note.ThematicAreaNumber, note.TotalRequestedUsd,
                })
            .AsNoTracking().ToListAsync(ct);
        // Joined in the database rather than passed as a list of ids: a list of thousands of ids is matched against
        // every journal entry, so the time grew with the square of the pipeline's length.
        var approvals = (await (
                from entry in db.WorkflowJournal
                join instance in inPipeline on entry.InstanceId equals instance.Id
                where entry.ToState == ConceptNoteStatus.ApprovedInPipeline
                select new { entry.InstanceId, entry.At })
            .AsNoTracking().ToListAsync(ct))
            .GroupBy(j => j.InstanceId).ToDictionary(g => g.Key, g => g.Max(j => j.At));

        var candidates = waiting.Select(w => new PipelineCandidate(w.Id, w.Title, w.Country,
            w.Countries.Count > 0 ? w.Countries : [w.Country], w.Region, w.ThematicAreaNumber ?? 0, w.TotalRequestedUsd ?? 0,
            approvals.GetValueOrDefault(w.InstanceId, now)));
        var free = await funding.FreeBalanceAsync(ct);
        var ranked = PipelineRanking.Rank(candidates, await PortfolioAsync(ct), now);

        var cumulative = 0m;
        var rows = ranked.Select((r, i) =>
        {
            cumulative += r.Candidate.RequestedUsd;
            var available = free.AvailableTo(r.Candidate.ThematicAreaNumber);
            return new PipelineRow(i + 1, r.Candidate.ConceptNoteId, r.Candidate.Title, r.Candidate.Country,
                r.Candidate.Countries, r.Candidate.Region, r.Candidate.ThematicAreaNumber, r.Candidate.ApprovedAt,
                Math.Max(0, (int)(now - r.Candidate.ApprovedAt).TotalDays), r.Candidate.RequestedUsd, cumulative,
                cumulative <= free.TotalUsd, available, r.Candidate.RequestedUsd <= available, r.Score);
        }).ToList();
        return new PipelineView(now, free.TotalUsd, free.UnearmarkedUsd, free.EarmarkedUsd, cumulative, rows);
    }

    /// <summary>What the ranking balances against: the money allocated by area and the programmes by country and region.</summary>
    private async Task<FundedPortfolio> PortfolioAsync(CancellationToken ct)
    {
        var byArea = await db.JointProgrammes.GroupBy(p => p.ThematicAreaNumber)
            .Select(g => new { Area = g.Key, Usd = g.Sum(p => p.AllocatedUsd - p.ReleasedUsd) })
            .ToDictionaryAsync(g => g.Area, g => g.Usd, ct);
        var byRegion = await db.JointProgrammes.Where(p => p.Region != null).GroupBy(p => p.Region!.Value)
            .Select(g => new { Region = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Region, g => g.Count, ct);
        var countries = (await db.JointProgrammes.AsNoTracking().Select(p => p.Countries).ToListAsync(ct))
            .SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        return new FundedPortfolio(byArea, countries, byRegion);
    }
}
