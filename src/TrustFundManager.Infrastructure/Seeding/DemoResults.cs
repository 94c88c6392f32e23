using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Infrastructure.Seeding;

/// <summary>
/// The demo programmes' results: each programme in implementation gets a matrix a few weeks after its allocation
/// (two outcomes in its area, with outputs and indicators shared between its organizations), and each organization
/// reports every half-year period that has ended. The FMU returns a programme's first report once, approves the
/// rest, and the latest reports of a few programmes still wait for its review.
/// </summary>
internal sealed class DemoResults(TrustFundDbContext db, DemoClock clock, Random random)
{
    private static readonly WorkflowActor FundManager = DemoDataSeeder.FundManager;

    /// <summary>Per thematic area: an outcome, a quantitative outcome indicator and its unit, an output and its indicator.</summary>
    private static readonly Dictionary<int, (string Outcome, string Measure, string Unit, string Output, string OutputMeasure)> Templates = new()
    {
        [1] = ("Migration policy and planning draw on accurate, disaggregated data", "Policy decisions citing national migration data",
            "decisions", "The national statistics office publishes migration data every quarter", "Quarterly migration bulletins published"),
        [2] = ("Migrants in vulnerable situations are identified, protected and assisted", "Migrants referred to protection services",
            "people", "Front-line officials screen and refer migrants in vulnerable situations", "Officials trained in screening and referral"),
        [3] = ("Borders are managed in a coordinated, rights-based way", "Border posts applying the joint procedures",
            "border posts", "Border officials apply joint standard operating procedures", "Border officials trained on the procedures"),
        [4] = ("Regular pathways and fair recruitment benefit migrant workers", "Migrant workers recruited through certified agencies",
            "workers", "Recruitment agencies are certified against fair-recruitment standards", "Agencies certified"),
        [5] = ("Migrants are included in local services and communities", "Migrants accessing municipal services",
            "people", "Municipalities run one-stop migrant service centres", "Service centres operating"),
    };

    public async Task SeedAsync(WorkflowEngine engine, CancellationToken ct)
    {
        var resumeAt = clock.Now;
        var programmes = await (
            from programme in db.JointProgrammes.Include(p => p.Budget)
            join instance in db.WorkflowInstances on programme.Id equals instance.SubjectId
            join note in db.ConceptNotes on programme.ConceptNoteId equals note.Id
            where instance.State == JointProgrammeStatus.Active
            orderby programme.AllocatedOn
            select new { programme, note.GcmObjectives, instance.State }).ToListAsync(ct);

        foreach (var (entry, index) in programmes.Select((p, i) => (p, i)))
        {
            var matrix = await SeedMatrixAsync(entry.programme, entry.GcmObjectives, entry.State, ct);
            await SeedReportsAsync(engine, entry.programme, matrix, awaitLastReview: index % 3 == 0, ct);
        }
        clock.Now = resumeAt;
    }

    private async Task<ResultsMatrix> SeedMatrixAsync(JointProgramme programme, List<int> objectives, string state,
        CancellationToken ct)
    {
        clock.Now = At(programme.AllocatedOn.AddDays(20));
        var organizations = programme.Organizations;
        var (lead, partner) = (organizations[0], organizations[^1]);
        var template = Templates[programme.ThematicAreaNumber];
        var baselineDate = programme.AllocatedOn;
        var targetDate = programme.AllocatedOn.AddMonths(Math.Max(programme.DurationMonths, 12));
        var scale = random.Next(4, 20) * 100m;

        IndicatorDraft Quantity(string name, string unit, decimal baseline, decimal target, string organization, bool bySex) =>
            new(null, name, IndicatorKind.Quantitative, unit, IndicatorValue.Of(baseline), baselineDate, IndicatorValue.Of(target),
                targetDate, bySex, false, "Programme monitoring records, verified by the FMU", organization);

        var draft = new ResultsMatrixDraft(
        [
            new OutcomeDraft(null, template.Outcome, programme.ThematicAreaNumber, objectives.Take(3).ToList(),
                [Quantity(template.Measure, template.Unit, 0, scale, lead, template.Unit is "people" or "workers")],
                [
                    new OutputDraft(null, template.Output,
                        [Quantity(template.OutputMeasure, template.Unit == "people" ? "officials" : template.Unit, 0, scale / 10, partner, false)]),
                    new OutputDraft(null, "Government and partners agree the programme's coordination arrangements",
                        [new IndicatorDraft(null, "Coordination mechanism in place", IndicatorKind.Qualitative, null,
                            IndicatorValue.Of("No inter-agency mechanism"), baselineDate,
                            IndicatorValue.Of("A national coordination group meets every quarter"), targetDate, false, false,
                            "Minutes of the coordination group", lead)]),
                ]),
        ]);
        var matrix = ResultsMatrix.For(programme.Id);
        db.ResultsMatrices.Add(matrix);
        matrix.Revise(draft, new ResultsMatrixRules(Enumerable.Range(1, 5).ToHashSet(), Enumerable.Range(1, 23).ToHashSet(),
            organizations.ToHashSet(), new HashSet<Guid>()), state, null, FundManager.UserId, clock.Now);
        await db.SaveChangesAsync(ct);
        return matrix;
    }

    private async Task SeedReportsAsync(WorkflowEngine engine, JointProgramme programme, ResultsMatrix matrix,
        bool awaitLastReview, CancellationToken ct)
    {
        var today = Day(clock.Started);
        var context = new ReportingContext(programme.Id, programme.Organizations.ToHashSet(), programme.AllocatedOn,
            JointProgrammeStatus.Active);
        var periods = new List<(DateOnly Start, DateOnly End)>();
        for (var start = programme.AllocatedOn; start.AddMonths(6).AddDays(20) < today; start = start.AddMonths(6))
            periods.Add((start, start.AddMonths(6).AddDays(-1)));

        foreach (var organization in programme.Organizations)
        {
            var indicators = matrix.IndicatorsOf(organization).ToList();
            if (indicators.Count == 0) continue;
            var actor = new WorkflowActor($"puno.{organization.ToLowerInvariant()}", $"{organization} focal point",
                [Roles.ParticipatingOrganization], Organization: organization);
            for (var p = 0; p < periods.Count; p++)
            {
                var (start, end) = periods[p];
                clock.Now = At(end.AddDays(5));
                var report = ProgressReport.Open(context, organization, start, end, periods.Take(p), Day(clock.Now), actor.UserId, clock.Now);
                db.ProgressReports.Add(report);
                var instance = await engine.StartAsync(ProgressReportStatus.WorkflowId, report.Id,
                    $"{organization} progress report {start:yyyy-MM-dd} to {end:yyyy-MM-dd}", 
                    new WorkflowScope(programme.Countries, [organization]), actor, ct);
                report.RecordValues(indicators.Select(i => Actual(i, end)).ToList(), indicators, instance.State, report.Version,
                    actor.UserId, clock.Now);
                clock.Now = At(end.AddDays(15));
                await engine.FireAsync(instance, "submit", actor, null, ct);
                await db.SaveChangesAsync(ct);

                var last = p == periods.Count - 1;
                if (last && awaitLastReview) continue;
                clock.Now = At(end.AddDays(25));
                if (p == 0)
                {
                    await engine.FireAsync(instance, "return", FundManager,
                        "Please give the source of each figure in the narrative.", ct);
                    clock.Now = At(end.AddDays(30));
                    report.RecordValues(indicators.Select(i => Actual(i, end, sourced: true)).ToList(), indicators, instance.State,
                        report.Version, actor.UserId, clock.Now);
                    await engine.FireAsync(instance, "submit", actor, null, ct);
                    await db.SaveChangesAsync(ct);
                    clock.Now = At(end.AddDays(35));
                }
                await engine.FireAsync(instance, "approve", FundManager, null, ct);
                await db.SaveChangesAsync(ct);
            }
        }
    }

    /// <summary>Progress roughly on the straight path to the target, sometimes ahead and sometimes behind.</summary>
    private ActualEntry Actual(Indicator indicator, DateOnly periodEnd, bool sourced = false)
    {
        var source = sourced ? " Source: programme monitoring database." : string.Empty;
        if (indicator.Kind == IndicatorKind.Qualitative)
            return new ActualEntry(indicator.Id, IndicatorValue.Of("Terms of reference agreed; the group met twice."),
                "The coordination group was set up with the ministries concerned." + source, null);

        var span = indicator.TargetDate.DayNumber - indicator.BaselineDate.DayNumber;
        var share = Math.Min(1m, (decimal)(periodEnd.DayNumber - indicator.BaselineDate.DayNumber) / span);
        var value = Math.Round(indicator.BaselineNumber!.Value
                               + (indicator.TargetNumber!.Value - indicator.BaselineNumber.Value) * share * random.Next(70, 125) / 100m);
        var female = Math.Round(value * random.Next(40, 60) / 100m);
        return new ActualEntry(indicator.Id, IndicatorValue.Of(value),
            $"Reached {value} {indicator.Unit} by {periodEnd:d MMMM yyyy}." + source,
            indicator.BySex ? new ActualBreakdown(female, value - female, null, null) : null);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
