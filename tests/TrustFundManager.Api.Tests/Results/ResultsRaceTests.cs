using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Domain.Results;
using TrustFundManager.Testing;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Tests.Results;

/// <summary>Requests fired at once on the same matrix or report: one wins, the other is told, nothing is half-written.</summary>
public sealed class ResultsRaceTests(ResultsHost host) : IClassFixture<ResultsHost>
{
    private readonly SqliteApiFactory api = host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object MatrixWith(Guid? version, string statement, DateOnly from) => new
    {
        version,
        outcomes = new[]
        {
            new
            {
                statement, thematicAreaNumber = 2, gcmObjectives = new[] { 7 },
                indicators = new[] { ResultsTestSupport.Indicator($"Indicator of {statement}", 0m, 100m, from, from.AddYears(1), bySex: true) },
                outputs = Array.Empty<object>(),
            },
        },
    };

    private async Task<JsonElement> MatrixOnIlosProgrammeAsync()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var matrix = await fmu.GetMatrixAsync(host.WithIlo);
        if (matrix.GetProperty("version").ValueKind != JsonValueKind.Null) return matrix;
        return await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(host.WithIlo,
            ResultsTestSupport.Matrix(null, host.Start, host.Start.AddYears(2))));
    }

    [Fact]
    public async Task Two_first_matrices_at_once_make_one()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        var before = await api.ResultsRowsAsync();

        var responses = await Task.WhenAll(fmu.PutMatrixAsync(host.WithIom, MatrixWith(null, "The FMU's outcome", host.Start)),
            unicef.PutMatrixAsync(host.WithIom, MatrixWith(null, "UNICEF's outcome", host.Start)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = await HttpAssert.OkJsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        await HttpAssert.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        var stored = await fmu.GetMatrixAsync(host.WithIom);
        Assert.Equal(winner.GetRawText(), stored.GetRawText());
        Assert.Equal(before with { Matrices = before.Matrices + 1, Outcomes = before.Outcomes + 1, Indicators = before.Indicators + 1 },
            await api.ResultsRowsAsync());
        Assert.Equal(1, await api.WithDbAsync(db => db.Indicators.CountAsync(i => i.ProgrammeId == host.WithIom, Ct)));
    }

    [Fact]
    public async Task Two_editors_revising_the_same_version_at_once_one_wins_and_the_matrix_is_the_winners()
    {
        // A programme of its own: the class's other tests report values on the shared programmes' indicators, which a
        // revision may then not remove.
        var programme = (await api.ActiveProgrammesAsync(["UNICEF", "ILO"])).Single();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        // Two FMU officers: each revision removes ILO's indicator, which only ILO or the FMU may do.
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        var read = await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(programme,
            ResultsTestSupport.Matrix(null, host.Start, host.Start.AddYears(2))));
        var before = await api.ResultsRowsAsync();

        var responses = await Task.WhenAll(fmu.PutMatrixAsync(programme, MatrixWith(read.Version(), "The FMU's revision", host.Start)),
            finance.PutMatrixAsync(programme, MatrixWith(read.Version(), "The finance officer's revision", host.Start)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = await HttpAssert.OkJsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        await HttpAssert.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        var stored = await fmu.GetMatrixAsync(programme);
        Assert.Equal(winner.GetRawText(), stored.GetRawText());
        var statement = Assert.Single(stored.GetProperty("outcomes").EnumerateArray()).GetProperty("statement").GetString();
        Assert.Contains(statement, new[] { "The FMU's revision", "The finance officer's revision" });
        Assert.Equal($"Indicator of {statement}", Assert.Single(stored.AllIndicators()).GetProperty("name").GetString());
        Assert.NotEqual(read.Version(), stored.Version());
        // The read matrix had two indicators, two outcomes' worth of items are not left behind.
        Assert.Equal(before with { Outputs = before.Outputs - 1, Indicators = before.Indicators - 1 }, await api.ResultsRowsAsync());
    }

    [Fact]
    public async Task A_double_clicked_open_report_makes_one_report_and_one_workflow()
    {
        await MatrixOnIlosProgrammeAsync();
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        var before = await api.ResultsRowsAsync();
        var (start, end) = (host.Start.AddDays(-60), host.Start.AddDays(4));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => unicef.OpenReportAsync(host.WithIlo, start, end)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var report = await HttpAssert.OkJsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Created), HttpStatusCode.Created);
        var after = await api.ResultsRowsAsync();
        Assert.Equal((before.Reports + 1, before.Instances + 1), (after.Reports, after.Instances));
        Assert.Equal(1, await api.WithDbAsync(db => db.WorkflowInstances.CountAsync(i => i.SubjectId == report.Id(), Ct)));
        Assert.Single(await api.WithDbAsync(db => db.ProgressReports.Where(r => r.ProgrammeId == host.WithIlo && r.PeriodStart == start)
            .ToListAsync(Ct)));
    }

    [Fact]
    public async Task Values_edited_while_the_report_is_submitted_never_land_in_the_submitted_report()
    {
        var matrix = await MatrixOnIlosProgrammeAsync();
        var referrals = matrix.AllIndicators().Single(i => i.GetProperty("organization").GetString() == "UNICEF").Id();
        host.MoveTo(host.Start.AddDays(100));
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        using var editor = await api.CreateClientAsAsync("puno.unicef");
        var outcomes = new List<(HttpStatusCode Submit, HttpStatusCode Edit)>();

        for (var round = 0; round < 4; round++)
        {
            var start = host.Start.AddDays(10 + 20 * round);
            var report = await unicef.OpenedReportAsync(host.WithIlo, start, start.AddDays(19),
                new { indicatorId = referrals, actual = 100, narrative = "As submitted", breakdown = new { female = 60, male = 40 } });
            var id = report.Id();

            var auditedBefore = await api.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id, Ct));
            var submit = unicef.ReportActAsync(id, "submit");
            var edit = editor.PutValuesAsync(id, report.Version(),
                new { indicatorId = referrals, actual = 999, narrative = "Edited meanwhile", breakdown = new { female = 500, male = 499 } });
            var (submitted, edited) = (await submit, await edit);
            outcomes.Add((submitted.StatusCode, edited.StatusCode));

            // Either may come first. An edit that was answered OK is in the report (submitted or not); an edit refused
            // because the report was submitted never lands; and the report is submitted exactly when the submission
            // was answered OK.
            var stored = await unicef.GetReportAsync(id);
            var line = stored.GetProperty("indicators")[0];
            Assert.Contains(edited.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
            Assert.Contains(submitted.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
            Assert.Equal(submitted.StatusCode == HttpStatusCode.OK ? "submitted" : "draft", stored.Status());
            var expected = edited.StatusCode == HttpStatusCode.OK ? (999m, "Edited meanwhile") : (100m, "As submitted");
            Assert.Equal(expected, (line.GetProperty("actual").GetDecimal(), line.GetProperty("narrative").GetString()));
            var values = await api.WithDbAsync(db => db.ReportedValues.Where(v => v.ReportId == id).ToListAsync(Ct));
            Assert.Equal(expected.Item1, Assert.Single(values).ActualNumber);
            if ((submitted.StatusCode, edited.StatusCode) == (HttpStatusCode.OK, HttpStatusCode.OK))
            {
                // Both succeeded, so the edit was saved before the submission: the audit log, written in each one's
                // own transaction, shows which came first.
                var audited = await api.WithDbAsync(db => db.AuditEntries.Where(a => a.Id > auditedBefore).OrderBy(a => a.Id)
                    .Select(a => new { a.Id, a.EntityType, a.Changes }).ToListAsync(Ct));
                var editSaved = audited.First(a => a.EntityType == nameof(ReportedValue) && a.Changes.Contains("999")).Id;
                var submissionSaved = audited.First(a => a.EntityType == nameof(WorkflowInstance) && a.Changes.Contains("submitted")).Id;
                Assert.True(editSaved < submissionSaved, "An edit answered OK was saved after the report was submitted");
            }
        }
        Assert.DoesNotContain((HttpStatusCode.Conflict, HttpStatusCode.Conflict), outcomes);
    }
}
