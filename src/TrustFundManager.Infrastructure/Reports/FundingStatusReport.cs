using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Funding;
using static TrustFundManager.Infrastructure.Reports.FieldKind;

namespace TrustFundManager.Infrastructure.Reports;

/// <summary>
/// One participating organization's share of one programme as of a day: its budget (net of what a cancellation
/// released), the tranches it received and the expenditure it reported by then. The rows add up to the funding status.
/// </summary>
public sealed record ProgrammeFlowRow(
    Guid ProgrammeId,
    string Programme,
    string Country,
    string? Region,
    int ThematicArea,
    DateOnly AllocatedOn,
    string Organization,
    decimal BudgetUsd,
    decimal IndirectCostUsd,
    decimal ReleasedUsd,
    decimal TransferredUsd,
    decimal ExpenditureUsd)
{
    public decimal? DeliveryRate => Money.Ratio(ExpenditureUsd, TransferredUsd);
    public decimal UntransferredUsd => BudgetUsd - TransferredUsd;
    public decimal UnspentUsd => TransferredUsd - ExpenditureUsd;
}

/// <summary>The funding-status workbook: the status as of a day, its breakdowns, and transfers and expenditure per programme.</summary>
public sealed class FundingStatusReport(TrustFundDbContext db, FundingQueries funding, ReportLayoutCatalog layouts)
{
    public const string Name = "funding-status";

    public static readonly FigureDataset<FundingStatus> Summary = new("fundingSummary",
        "The funding status as of the day, one figure per line, against the current target.",
        new("asOf", Date, s => s.AsOf),
        new("pledgedUsd", Usd, s => s.PledgedUsd),
        new("committedUsd", Usd, s => s.CommittedUsd),
        new("depositedUsd", Usd, s => s.DepositedUsd),
        new("administrativeAgentFeeUsd", Usd, s => s.AdministrativeAgentFeeUsd),
        new("netFundedUsd", Usd, s => s.NetFundedUsd),
        new("allocatedUsd", Usd, s => s.AllocatedUsd),
        new("releasedUsd", Usd, s => s.ReleasedUsd),
        new("transferredUsd", Usd, s => s.TransferredUsd),
        new("expenditureUsd", Usd, s => s.ExpenditureUsd),
        new("freeBalanceUsd", Usd, s => s.FreeBalanceUsd),
        new("cashBalanceUsd", Usd, s => s.CashBalanceUsd),
        new("deliveryRate", Ratio, s => s.DeliveryRate),
        new("targetTitle", Text, s => s.Target?.Title),
        new("targetDueOn", Date, s => s.Target?.DueOn),
        new("targetUsd", Usd, s => s.Target?.TargetUsd),
        new("targetReachedUsd", Usd, s => s.Target?.ReachedUsd),
        new("targetPercentage", Ratio, s => s.Target is { } t ? t.Percentage / 100 : null),
        new("targetGapUsd", Usd, s => s.Target?.GapUsd),
        new("targetPassed", YesNo, s => s.Target?.Passed));

    public static readonly TableDataset<DonorFunding> Donors = new("donors",
        "Contributions by donor: pledged, committed, deposited, the fee and net.",
        new("name", Text, d => d.Name),
        new("kind", Text, d => d.Kind.ToString()),
        new("country", Text, d => d.Country),
        new("pledgedUsd", Usd, d => d.PledgedUsd),
        new("committedUsd", Usd, d => d.CommittedUsd),
        new("depositedUsd", Usd, d => d.DepositedUsd),
        new("administrativeAgentFeeUsd", Usd, d => d.AdministrativeAgentFeeUsd),
        new("netFundedUsd", Usd, d => d.NetFundedUsd));

    public static readonly TableDataset<ThematicAreaFunding> ThematicAreas = new("thematicAreas",
        "By thematic area, and a last row for unearmarked money: the money earmarked to the area (committed, net deposited, still free) and the area's programmes (allocated, transferred, spent).",
        new("number", Integer, a => a.Number),
        new("title", Text, a => a.Title),
        new("committedUsd", Usd, a => a.CommittedUsd),
        new("netDepositedUsd", Usd, a => a.NetDepositedUsd),
        new("allocatedUsd", Usd, a => a.AllocatedUsd),
        new("transferredUsd", Usd, a => a.TransferredUsd),
        new("expenditureUsd", Usd, a => a.ExpenditureUsd),
        new("deliveryRate", Ratio, a => a.DeliveryRate),
        new("freeBalanceUsd", Usd, a => a.FreeBalanceUsd));

    public static readonly TableDataset<CountryFunding> Countries = new("countries",
        "Programmes by the country that submitted the concept note.",
        new("country", Text, c => c.Country),
        new("name", Text, c => c.Name),
        new("region", Text, c => ReportValues.RegionTitle(c.Region)),
        new("programmes", Integer, c => c.Programmes),
        new("allocatedUsd", Usd, c => c.AllocatedUsd),
        new("transferredUsd", Usd, c => c.TransferredUsd),
        new("expenditureUsd", Usd, c => c.ExpenditureUsd),
        new("deliveryRate", Ratio, c => c.DeliveryRate));

    public static readonly TableDataset<OrganizationFunding> Organizations = new("organizations",
        "Budgets (with their indirect cost), transfers and expenditure by participating organization.",
        new("organization", Text, o => o.Organization),
        new("name", Text, o => o.Name),
        new("programmes", Integer, o => o.Programmes),
        new("allocatedUsd", Usd, o => o.AllocatedUsd),
        new("indirectCostUsd", Usd, o => o.IndirectCostUsd),
        new("transferredUsd", Usd, o => o.TransferredUsd),
        new("expenditureUsd", Usd, o => o.ExpenditureUsd),
        new("deliveryRate", Ratio, o => o.DeliveryRate));

    public static readonly TableDataset<ProgrammeFlowRow> ProgrammeFlows = new("programmeFlows",
        "Transfers and expenditure per programme and participating organization, as of the day.",
        new("programme", Text, r => r.Programme),
        new("programmeId", Text, r => r.ProgrammeId.ToString()),
        new("country", Text, r => r.Country),
        new("region", Text, r => r.Region),
        new("thematicArea", Integer, r => r.ThematicArea),
        new("allocatedOn", Date, r => r.AllocatedOn),
        new("organization", Text, r => r.Organization),
        new("budgetUsd", Usd, r => r.BudgetUsd),
        new("indirectCostUsd", Usd, r => r.IndirectCostUsd),
        new("releasedUsd", Usd, r => r.ReleasedUsd),
        new("transferredUsd", Usd, r => r.TransferredUsd),
        new("untransferredUsd", Usd, r => r.UntransferredUsd),
        new("expenditureUsd", Usd, r => r.ExpenditureUsd),
        new("unspentUsd", Usd, r => r.UnspentUsd),
        new("deliveryRate", Ratio, r => r.DeliveryRate));

    public static readonly IReadOnlyList<IReportDataset> Datasets = [Summary, Donors, ThematicAreas, Countries, Organizations, ProgrammeFlows];

    public async Task<ReportFile> BuildAsync(DateOnly asOf, DateTimeOffset now, CancellationToken ct)
    {
        var status = await funding.StatusAsync(asOf, ct);
        var flows = await ProgrammeFlowsAsync(asOf, ct);
        return WorkbookWriter.Write(layouts.Get(Name), new ReportMoment(asOf, now),
        [
            new FigureSource<FundingStatus>(Summary, status),
            new TableSource<DonorFunding>(Donors, status.ByDonor),
            new TableSource<ThematicAreaFunding>(ThematicAreas, status.ByThematicArea),
            new TableSource<CountryFunding>(Countries, status.ByCountry),
            new TableSource<OrganizationFunding>(Organizations, status.ByOrganization),
            new TableSource<ProgrammeFlowRow>(ProgrammeFlows, flows),
        ]);
    }

    /// <summary>
    /// Each budget line of the programmes allocated by <paramref name="asOf"/>, with the database's sums of its transfers
    /// and reported expenditure by then; the same rules as the funding status, so the rows add up to it.
    /// </summary>
    public async Task<IReadOnlyList<ProgrammeFlowRow>> ProgrammeFlowsAsync(DateOnly asOf, CancellationToken ct)
    {
        var lines = await (
                from line in db.Set<ProgrammeBudgetLine>()
                join programme in db.JointProgrammes on line.ProgrammeId equals programme.Id
                where programme.AllocatedOn <= asOf
                orderby programme.AllocatedOn, programme.Title, programme.Id, line.Position
                select new
                {
                    programme.Id, programme.Title, programme.Country, programme.Region, programme.ThematicAreaNumber,
                    programme.AllocatedOn, line.Organization, line.AmountUsd, line.IndirectCostUsd,
                    Released = programme.ReleasedOn != null && programme.ReleasedOn <= asOf ? line.ReleasedUsd : 0,
                })
            .AsNoTracking().ToListAsync(ct);
        var transferred = await db.Transfers.Where(t => t.TransferredOn <= asOf)
            .GroupBy(t => new { t.ProgrammeId, t.Organization })
            .Select(g => new { g.Key.ProgrammeId, g.Key.Organization, Usd = g.Sum(t => t.AmountUsd) })
            .ToDictionaryAsync(g => (g.ProgrammeId, g.Organization), g => g.Usd, ct);
        var spent = await db.AnnualExpenditures.Where(e => e.ReportedOn <= asOf)
            .GroupBy(e => new { e.ProgrammeId, e.Organization })
            .Select(g => new { g.Key.ProgrammeId, g.Key.Organization, Usd = g.Sum(e => e.AmountUsd) })
            .ToDictionaryAsync(g => (g.ProgrammeId, g.Organization), g => g.Usd, ct);

        return lines.Select(l => new ProgrammeFlowRow(l.Id, l.Title, l.Country, ReportValues.RegionTitle(l.Region),
                l.ThematicAreaNumber, l.AllocatedOn, l.Organization, l.AmountUsd - l.Released, l.IndirectCostUsd, l.Released,
                transferred.GetValueOrDefault((l.Id, l.Organization)), spent.GetValueOrDefault((l.Id, l.Organization))))
            .ToList();
    }
}
