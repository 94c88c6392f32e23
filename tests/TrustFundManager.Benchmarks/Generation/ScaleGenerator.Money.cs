using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Benchmarks.Generation;

public sealed partial class ScaleGenerator
{
    private static readonly string[] DonorCountries =
        ["DEU", "NLD", "ESP", "PRT", "NOR", "DNK", "SWE", "GBR", "IRL", "FRA", "BEL", "MEX", "PHL", "CYP", "CHE", "ITA", "FIN", "CAN"];

    /// <summary>
    /// One contribution per concept note, from a few dozen donors: a pledge, its signed commitment (one in six softly
    /// earmarked to a thematic area), and one or two deposits, all before the notes it funds in most cases.
    /// </summary>
    private async Task SeedContributionsAsync(TrustFundDbContext db, GenerationContext context, CancellationToken ct)
    {
        var countries = context.Countries.Keys.ToHashSet(StringComparer.Ordinal);
        var donors = DonorCountries.Where(countries.Contains)
            .Select(code => new Donor(context.Countries[code].Name, DonorKind.Government, code, countries, FundManager.UserId, _now.AddDays(-800)))
            .Concat(Enumerable.Range(1, 6).Select(i =>
                new Donor($"Private foundation {i}", DonorKind.Private, null, countries, FundManager.UserId, _now.AddDays(-800))))
            .ToList();
        db.Donors.AddRange(donors);
        db.FundingTargets.Add(new FundingTarget("By the International Migration Review Forum",
            Math.Min(Money.MaxAmount, 70_000_000m * Math.Max(1, _scale / 100)),
            Day(_now.AddDays(400)), FundManager.UserId, _now.AddDays(-800)));
        Save();

        for (var i = 0; i < _scale; i++)
        {
            db.Contributions.Add(Contribution(donors[i % donors.Count], context, i));
            if ((i + 1) % (BatchSize * 2) != 0) continue;
            Save();
            db.ChangeTracker.Clear();
        }
        Save();
        db.ChangeTracker.Clear();
        context.Free = await new FundingQueries(db).FreeBalanceAsync(ct);
    }

    private Contribution Contribution(Donor donor, GenerationContext context, int index)
    {
        var signedAt = _now.AddDays(-_random.Next(40, 760));
        var inEuro = _random.Next(4) == 0;
        var (currency, rate) = inEuro ? ("EUR", 1.08m) : (Currencies.Usd, 1m);
        var amount = _random.Next(10, 40) * 10_000m;
        var earmark = _random.Next(6) == 0 ? _random.Next(1, 6) : (int?)null;

        _clock.Now = signedAt.AddDays(-20);
        var contribution = Domain.Funding.Contribution.Pledge(donor.Id, Day(_clock.Now), amount, currency, rate, Day(_clock.Now),
            FundManager.UserId, _clock.Now);
        _clock.Now = signedAt;
        contribution.Commit(new ContributionCommitment(Day(signedAt), amount, currency, rate, earmark,
            $"SAA-{donor.Country ?? "PRV"}-{index + 1:D6}"), context.Areas, Day(signedAt), null, FundManager.UserId, signedAt);

        var deposits = _random.Next(3) == 0 ? 2 : 1;
        var remaining = amount;
        for (var d = 0; d < deposits; d++)
        {
            _clock.Now = Earlier(signedAt.AddDays(_random.Next(10, 30) + d * 180), _now.AddDays(-1));
            var part = d == deposits - 1 ? remaining : Math.Round(amount * 0.6m, 2);
            var dayRate = inEuro ? decimal.Round(rate * (1 + _random.Next(-200, 201) / 10_000m), Money.RateDecimals) : 1m;
            contribution.RecordDeposit(new DepositReceipt(Day(_clock.Now), part, dayRate, $"AA-{index + 1:D6}-{d + 1}"),
                context.Settings.AdministrativeAgentFeeRate, Day(_clock.Now), FundManager.UserId, _clock.Now);
            remaining -= part;
        }
        return contribution;
    }

    /// <summary>
    /// Each programme in implementation: a results matrix (an outcome indicator for the lead organization, an output
    /// indicator for each other one), then every half-year each organization reports, the FMU approving all but the
    /// latest reports of one programme in three, which wait for its review.
    /// </summary>
    private async Task SeedResultsAsync(TrustFundDbContext db, GenerationContext context,
        IReadOnlyList<(JointProgramme Programme, WorkflowInstance Instance)> programmes, CancellationToken ct)
    {
        var matrices = programmes.Select(p => (p.Programme, Matrix: SeedMatrix(db, context, p.Programme, p.Instance.State))).ToList();
        Save();

        var toApprove = new List<WorkflowInstance>();
        foreach (var ((programme, matrix), index) in matrices.Select((m, i) => (m, i)))
            toApprove.AddRange(await SeedReportsAsync(db, context, programme, matrix, awaitLastReview: index % 3 == 0, ct));
        Save();

        foreach (var instance in toApprove)
        {
            _clock.Now = instance.UpdatedAt.AddDays(10);
            await context.Engine.FireAsync(instance, "approve", FundManager, null, ct);
        }
        Save();
    }

    private ResultsMatrix SeedMatrix(TrustFundDbContext db, GenerationContext context, JointProgramme programme, string state)
    {
        _clock.Now = At(programme.AllocatedOn.AddDays(20));
        var organizations = programme.Organizations;
        var baselineDate = programme.AllocatedOn;
        var targetDate = programme.AllocatedOn.AddMonths(Math.Max(programme.DurationMonths, 12));
        var target = _random.Next(4, 20) * 100m;
        IndicatorDraft Quantity(string name, string unit, decimal goal, string organization, bool bySex) =>
            new(null, name, IndicatorKind.Quantitative, unit, IndicatorValue.Of(0m), baselineDate, IndicatorValue.Of(goal),
                targetDate, bySex, false, "Programme monitoring records, verified by the FMU", organization);

        var draft = new ResultsMatrixDraft(
        [
            new OutcomeDraft(null, $"Outcome of {programme.Title}", programme.ThematicAreaNumber,
                context.Objectives.Where(o => o % 5 == programme.ThematicAreaNumber % 5).Take(2).ToList(),
                [Quantity("Migrants reached by the programme's services", "people", target, organizations[0], bySex: true)],
                organizations.Skip(1).Select(organization => new OutputDraft(null, $"{organization} delivers its share of the programme",
                    [Quantity($"Officials trained by {organization}", "officials", target / 10, organization, bySex: false)])).ToList()),
        ]);
        var matrix = ResultsMatrix.For(programme.Id);
        db.ResultsMatrices.Add(matrix);
        matrix.Revise(draft, new ResultsMatrixRules(context.Areas, context.Objectives, organizations.ToHashSet(), new HashSet<Guid>()),
            state, null, FundManager.UserId, _clock.Now);
        return matrix;
    }

    private async Task<List<WorkflowInstance>> SeedReportsAsync(TrustFundDbContext db, GenerationContext context,
        JointProgramme programme, ResultsMatrix matrix, bool awaitLastReview, CancellationToken ct)
    {
        var today = Day(_now);
        var reporting = new ReportingContext(programme.Id, programme.Organizations.ToHashSet(), programme.AllocatedOn,
            JointProgrammeStatus.Active);
        var periods = new List<(DateOnly Start, DateOnly End)>();
        for (var start = programme.AllocatedOn; start.AddMonths(6).AddDays(20) < today; start = start.AddMonths(6))
            periods.Add((start, start.AddMonths(6).AddDays(-1)));

        var submitted = new List<WorkflowInstance>();
        foreach (var organization in programme.Organizations)
        {
            var indicators = matrix.IndicatorsOf(organization).ToList();
            var actor = new WorkflowActor($"puno.{organization.ToLowerInvariant()}", $"{organization} focal point",
                [Roles.ParticipatingOrganization], Organization: organization);
            for (var p = 0; p < periods.Count; p++)
            {
                var (start, end) = periods[p];
                _clock.Now = At(end.AddDays(5));
                var report = ProgressReport.Open(reporting, organization, start, end, periods.Take(p), Day(_clock.Now), actor.UserId, _clock.Now);
                db.ProgressReports.Add(report);
                var instance = await context.Engine.StartAsync(ProgressReportStatus.WorkflowId, report.Id,
                    $"{organization} progress report {start:yyyy-MM-dd} to {end:yyyy-MM-dd}",
                    new WorkflowScope(programme.Countries, [organization]), actor, ct);
                report.RecordValues(indicators.Select(i => Actual(i, end)).ToList(), indicators, instance.State, report.Version,
                    actor.UserId, _clock.Now);
                _clock.Now = At(end.AddDays(15));
                await context.Engine.FireAsync(instance, "submit", actor, null, ct);
                if (!(awaitLastReview && p == periods.Count - 1)) submitted.Add(instance);
            }
        }
        return submitted;
    }

    private ActualEntry Actual(Indicator indicator, DateOnly periodEnd)
    {
        var span = Math.Max(1, indicator.TargetDate.DayNumber - indicator.BaselineDate.DayNumber);
        var share = Math.Min(1m, (decimal)(periodEnd.DayNumber - indicator.BaselineDate.DayNumber) / span);
        var value = Math.Round(indicator.TargetNumber!.Value * share * _random.Next(70, 125) / 100m);
        var female = Math.Round(value * _random.Next(40, 60) / 100m);
        return new ActualEntry(indicator.Id, IndicatorValue.Of(value), $"Reached {value} {indicator.Unit} by {periodEnd:d MMMM yyyy}.",
            indicator.BySex ? new ActualBreakdown(female, value - female, null, null) : null);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
