using TrustFundManager.Infrastructure.Funding;
using static TrustFundManager.Infrastructure.Reports.FieldKind;

namespace TrustFundManager.Infrastructure.Reports;

/// <summary>The pipeline workbook: the ranked pipeline of <see cref="FundingPipeline.RankAsync"/> and what it adds up to.</summary>
public sealed class PipelineReport(FundingPipeline pipeline, ReportLayoutCatalog layouts)
{
    public const string Name = "pipeline";

    public static readonly FigureDataset<PipelineView> Summary = new("pipelineSummary",
        "The free balance and how far it reaches down the pipeline.",
        new("date", Date, v => ReportValues.Day(v.At)),
        new("notes", Integer, v => v.Rows.Count),
        new("freeBalanceUsd", Usd, v => v.FreeBalanceUsd),
        new("unearmarkedUsd", Usd, v => v.UnearmarkedUsd),
        new("earmarkedUsd", Usd, v => v.FreeBalanceUsd - v.UnearmarkedUsd),
        new("totalGapUsd", Usd, v => v.TotalGapUsd),
        new("shortfallUsd", Usd, v => Math.Max(0, v.TotalGapUsd - v.FreeBalanceUsd)),
        new("withinFreeBalance", Integer, v => v.Rows.Count(r => r.WithinFreeBalance)),
        new("fundableNow", Integer, v => v.Rows.Count(r => r.FundableNow)));

    public static readonly TableDataset<PipelineRow> Rows = new("pipeline",
        "The approved, unfunded concept notes, best first, with the parts of their score and their funding gap.",
        new("rank", Integer, r => r.Rank),
        new("title", Text, r => r.Title),
        new("conceptNoteId", Text, r => r.ConceptNoteId.ToString()),
        new("country", Text, r => r.Country),
        new("countries", Text, r => ReportValues.List(r.Countries)),
        new("region", Text, r => ReportValues.RegionTitle(r.Region)),
        new("thematicArea", Integer, r => r.ThematicAreaNumber),
        new("approvedOn", Date, r => ReportValues.Day(r.ApprovedAt)),
        new("daysWaiting", Integer, r => r.DaysWaiting),
        new("waiting", Ratio, r => r.Score.Waiting),
        new("thematicBalance", Ratio, r => r.Score.ThematicBalance),
        new("geographicBalance", Ratio, r => r.Score.GeographicBalance),
        new("score", Number, r => r.Score.Total),
        new("fundingGapUsd", Usd, r => r.FundingGapUsd),
        new("cumulativeGapUsd", Usd, r => r.CumulativeGapUsd),
        new("withinFreeBalance", YesNo, r => r.WithinFreeBalance),
        new("availableToAreaUsd", Usd, r => r.AvailableToAreaUsd),
        new("fundableNow", YesNo, r => r.FundableNow));

    public static readonly IReadOnlyList<IReportDataset> Datasets = [Summary, Rows];

    public async Task<ReportFile> BuildAsync(DateTimeOffset now, CancellationToken ct)
    {
        var view = await pipeline.RankAsync(now, ct);
        return WorkbookWriter.Write(layouts.Get(Name), new ReportMoment(ReportValues.Day(now), now),
            [new FigureSource<PipelineView>(Summary, view), new TableSource<PipelineRow>(Rows, view.Rows)]);
    }
}
