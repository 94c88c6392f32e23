using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Results;

/// <summary>
/// A report's way through its workflow on UNICEF and ILO's programme: the inboxes, what keeps it from review, and the
/// lock on an approved report's values, in the API and in the database.
/// </summary>
public sealed class ProgressReportWorkflowTests(ResultsHost host) : IClassFixture<ResultsHost>
{
    private readonly SqliteApiFactory api = host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Referrals = "Migrants referred to protection services";

    private async Task<Guid> ReferralsAsync()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var matrix = await fmu.GetMatrixAsync(host.WithIlo);
        if (matrix.GetProperty("version").ValueKind == JsonValueKind.Null)
            matrix = await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(host.WithIlo,
                ResultsTestSupport.Matrix(null, host.Start, host.Start.AddYears(2))));
        return matrix.AllIndicators().Single(i => i.GetProperty("name").GetString() == Referrals).Id();
    }

    private static bool IsTaskFor(JsonElement task, Guid report) => task.GetProperty("subject").GetProperty("id").GetGuid() == report;

    [Fact]
    public async Task Opening_puts_the_report_in_the_organizations_inbox_and_submitting_puts_it_in_the_FMUs()
    {
        var referrals = await ReferralsAsync();
        host.MoveTo(host.Start.AddDays(40));
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var iom = await api.CreateClientAsAsync("puno.iom");
        var report = await unicef.OpenedReportAsync(host.WithIlo, host.Start.AddDays(10), host.Start.AddDays(19));
        var id = report.Id();

        var task = Assert.Single(await unicef.TasksAsync(), t => IsTaskFor(t, id));
        Assert.Equal("Complete and submit the progress report", task.GetProperty("title").GetString());
        Assert.DoesNotContain(await fmu.TasksAsync(), t => IsTaskFor(t, id));
        Assert.DoesNotContain(await iom.TasksAsync(), t => IsTaskFor(t, id));

        await HttpAssert.OkJsonAsync(await unicef.PutValuesAsync(id, report.Version(),
            new { indicatorId = referrals, actual = 40, narrative = "Desks opened", breakdown = new { female = 25, male = 15 } }));
        await HttpAssert.OkJsonAsync(await unicef.ReportActAsync(id, "submit"));

        Assert.DoesNotContain(await unicef.TasksAsync(), t => IsTaskFor(t, id));
        var review = Assert.Single(await fmu.TasksAsync(), t => IsTaskFor(t, id));
        Assert.Equal("Review the progress report", review.GetProperty("title").GetString());

        await HttpAssert.OkJsonAsync(await fmu.ReportActAsync(id, "return", "Name the towns."));
        Assert.Equal("Revise the progress report as the FMU asked and submit it again",
            Assert.Single(await unicef.TasksAsync(), t => IsTaskFor(t, id)).GetProperty("title").GetString());
        Assert.DoesNotContain(await fmu.TasksAsync(), t => IsTaskFor(t, id));
    }

    [Fact]
    public async Task A_report_is_not_submitted_before_its_period_has_ended_nor_without_each_narrative_and_breakdown()
    {
        var referrals = await ReferralsAsync();
        // Today, whichever day the class's other tests have moved the clock to (their periods end before day 40).
        var start = api.Today();
        using var early = await api.CreateClientAsAsync("puno.unicef");
        var report = await early.OpenedReportAsync(host.WithIlo, start, start.AddDays(9),
            new { indicatorId = referrals, actual = 40, narrative = "Desks opened", breakdown = new { female = 25, male = 15 } });
        var id = report.Id();

        async Task RefusedAsync(HttpClient client, string reason)
        {
            var rows = await api.ResultsRowsAsync();
            var problem = await HttpAssert.ProblemAsync(await client.ReportActAsync(id, "submit"), HttpStatusCode.Conflict);
            Assert.Contains(reason, problem.GetProperty("detail").GetString());
            Assert.Equal(rows, await api.ResultsRowsAsync());
            Assert.Equal("draft", (await client.GetReportAsync(id)).Status());
        }

        // On the period's last day it has not ended yet.
        host.MoveTo(start.AddDays(9));
        using var lastDay = await api.CreateClientAsAsync("puno.unicef");
        await RefusedAsync(lastDay, $"the reporting period runs until {start.AddDays(9):yyyy-MM-dd}");
        var blocked = Assert.Single((await lastDay.GetReportAsync(id)).GetProperty("actions").EnumerateArray());
        Assert.Contains($"the reporting period runs until {start.AddDays(9):yyyy-MM-dd}", blocked.GetProperty("blockedBy")[0].GetString());

        host.MoveTo(start.AddDays(10));
        using var after = await api.CreateClientAsAsync("puno.unicef");
        report = await HttpAssert.OkJsonAsync(await after.PutValuesAsync(id, (await after.GetReportAsync(id)).Version(),
            new { indicatorId = referrals, actual = 40, breakdown = new { female = 25, male = 15 } }));
        await RefusedAsync(after, $"1 indicators lack an actual, a narrative or the breakdown they require ({Referrals})");
        report = await HttpAssert.OkJsonAsync(await after.PutValuesAsync(id, report.Version(),
            new { indicatorId = referrals, actual = 40, narrative = "Desks opened" }));
        await RefusedAsync(after, $"({Referrals})");

        await HttpAssert.OkJsonAsync(await after.PutValuesAsync(id, report.Version(),
            new { indicatorId = referrals, actual = 40, narrative = "Desks opened", breakdown = new { female = 25, male = 15 } }));
        Assert.Equal("submitted", (await HttpAssert.OkJsonAsync(await after.ReportActAsync(id, "submit"))).Status());
    }

    [Fact]
    public async Task An_approved_reports_values_are_locked_in_the_API_and_in_the_database()
    {
        var referrals = await ReferralsAsync();
        host.MoveTo(host.Start.AddDays(40));
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var approvedId = (await unicef.OpenedReportAsync(host.WithIlo, host.Start.AddDays(30), host.Start.AddDays(34),
            new { indicatorId = referrals, actual = 40, narrative = "Desks opened", breakdown = new { female = 25, male = 15 } })).Id();
        await HttpAssert.OkJsonAsync(await unicef.ReportActAsync(approvedId, "submit"));
        var approved = await HttpAssert.OkJsonAsync(await fmu.ReportActAsync(approvedId, "approve"));
        var draftId = (await unicef.OpenedReportAsync(host.WithIlo, host.Start.AddDays(35), host.Start.AddDays(39),
            new { indicatorId = referrals, actual = 5, narrative = "Draft", breakdown = new { female = 3, male = 2 } })).Id();
        var rows = await api.ResultsRowsAsync();

        var locked = await HttpAssert.ProblemAsync(await unicef.PutValuesAsync(approvedId, approved.Version(),
            new { indicatorId = referrals, actual = 999, narrative = "Changed", breakdown = new { female = 500, male = 499 } }), HttpStatusCode.Conflict);
        Assert.Contains("approved: its values are locked", locked.GetProperty("detail").GetString());
        Assert.Equal(rows, await api.ResultsRowsAsync());

        // Around the API, straight through the DbContext: the database's triggers refuse every change.
        var changes = new Func<Microsoft.EntityFrameworkCore.DbContext, Task>[]
        {
            db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE ReportedValues SET ActualNumber = 999 WHERE ReportId = {approvedId}", Ct),
            db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM ReportedValues WHERE ReportId = {approvedId}", Ct),
            db => ((Infrastructure.Data.TrustFundDbContext)db).ReportedValues.Where(v => v.ReportId == approvedId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Narrative, "Rewritten"), Ct),
        };
        foreach (var change in changes)
        {
            var refused = await Assert.ThrowsAsync<SqliteException>(() => api.WithDbAsync(async db => { await change(db); return 0; }));
            Assert.Contains("An approved report's values are locked.", refused.Message);
        }
        var stored = await api.WithDbAsync(db => db.ReportedValues.AsNoTracking().SingleAsync(v => v.ReportId == approvedId, Ct));
        Assert.Equal((40m, "Desks opened", 25m, 15m), (stored.ActualNumber, stored.Narrative, stored.Female, stored.Male));

        // A draft's values are not locked.
        Assert.Equal(1, await api.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE ReportedValues SET Narrative = 'Draft, revised' WHERE ReportId = {draftId}", Ct)));
    }
}
