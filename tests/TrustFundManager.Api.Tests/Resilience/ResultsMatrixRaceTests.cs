using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Api.Tests.Results;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>
/// Results recorded at the moment the programme changes state: a matrix revised as it is suspended, a progress report
/// opened as it is cancelled. Each lands before the step or is refused.
/// </summary>
public sealed class ResultsMatrixRaceTests(FundingHost host) : IClassFixture<FundingHost>
{
    private readonly SqliteApiFactory api = host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_matrix_revised_as_the_programme_is_suspended_lands_before_the_suspension_or_is_refused()
    {
        var programme = await api.ActiveProgrammeAsync();
        using var officer = await api.CreateClientAsAsync("fmu.officer");
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        var start = api.Today();
        await HttpAssert.OkJsonAsync(await finance.PutMatrixAsync(programme, ResultsTestSupport.Matrix(null, start, start.AddYears(1))));
        var instance = await api.WithDbAsync(db => db.WorkflowInstances.Where(i => i.SubjectId == programme)
            .Select(i => i.Id).SingleAsync(Ct));
        var landed = 0;

        for (var round = 1; round <= 8; round++)
        {
            var version = (await finance.GetMatrixAsync(programme)).Version();

            var responses = await RaceSupport.AtOnceAsync(
                () => finance.PutMatrixAsync(programme, ResultsTestSupport.Matrix(version, start, start.AddYears(1).AddDays(round))),
                () => officer.ProgrammeActAsync(programme, "suspend", "Audit findings under review."));

            var revised = (await RaceSupport.WonAsync(HttpStatusCode.OK, responses[0]))[0];
            Assert.Equal(HttpStatusCode.OK, responses[1].StatusCode);
            var (revisions, suspension) = await api.WithDbAsync(async db => (
                await db.AuditEntries.Where(a => a.EntityType == "ResultsMatrix" && a.Action == "Modified")
                    .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct),
                await db.AuditEntries.Where(a => a.EntityType == "WorkflowInstance" && a.EntityId == instance.ToString()
                                                 && a.Changes.Contains("\"suspended\""))
                    .OrderBy(a => a.Id).Select(a => a.Id).LastAsync(Ct)));
            landed += revised ? 1 : 0;
            Assert.Equal(landed, revisions.Count);
            Assert.True(!revised || revisions[^1] < suspension,
                $"Round {round}: the matrix was revised after the programme was suspended.");

            await HttpAssert.OkJsonAsync(await officer.ProgrammeActAsync(programme, "resume"));
        }
    }

    [Fact]
    public async Task A_report_opened_as_the_programme_is_cancelled_is_opened_before_the_cancellation_or_is_refused()
    {
        var notes = await api.ApprovedNotesAsync(5);
        using var officer = await api.CreateClientAsAsync("fmu.officer");
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        var today = api.Today();

        foreach (var (note, round) in notes.Select((note, index) => (note, index + 1)))
        {
            var programme = await ActiveProgrammeAsync(officer, note);
            var instance = (await api.WithDbAsync(db => db.WorkflowInstances.Where(i => i.SubjectId == programme)
                .Select(i => i.Id).SingleAsync(Ct))).ToString();

            var responses = await RaceSupport.AtOnceAsync(
                () => unicef.OpenReportAsync(programme, today, today.AddMonths(6)),
                () => officer.ProgrammeActAsync(programme, "cancel", "The government asked to stop."));

            var opened = (await RaceSupport.WonAsync(HttpStatusCode.Created, responses[0]))[0];
            var cancelled = (await RaceSupport.WonAsync(HttpStatusCode.OK, responses[1]))[0];
            Assert.True(opened || cancelled, $"Round {round}: both the report and the cancellation were refused.");
            // A cancellation that lost to the report on the programme's version is asked again.
            if (!cancelled) await HttpAssert.OkJsonAsync(await officer.ProgrammeActAsync(programme, "cancel", "Asked again."));

            var (reports, cancellation) = await api.WithDbAsync(async db => (
                await db.ProgressReports.Where(r => r.ProgrammeId == programme).Select(r => r.Id).ToListAsync(Ct),
                await db.AuditEntries.Where(a => a.EntityType == "WorkflowInstance" && a.EntityId == instance
                                                 && a.Changes.Contains("\"cancelled\""))
                    .Select(a => a.Id).SingleAsync(Ct)));
            Assert.Equal(opened ? 1 : 0, reports.Count);
            if (!opened) continue;
            var report = reports.Single().ToString();
            var openedAt = await api.WithDbAsync(db => db.AuditEntries
                .Where(a => a.EntityType == "ProgressReport" && a.EntityId == report).Select(a => a.Id).MinAsync(Ct));
            Assert.True(openedAt < cancellation, $"Round {round}: a report was opened on the programme after it was cancelled.");
        }
    }

    /// <summary>A programme of UNICEF and ILO on <paramref name="note"/>, its first tranches transferred and begun.</summary>
    private async Task<Guid> ActiveProgrammeAsync(HttpClient officer, Guid note)
    {
        var programme = (await api.ProgrammeAsync(note)).Id();
        foreach (var organization in new[] { "UNICEF", "ILO" })
            await HttpAssert.OkJsonAsync(await officer.TransferAsync(programme, organization, 250m, api.Today()),
                HttpStatusCode.Created);
        await HttpAssert.OkJsonAsync(await officer.ProgrammeActAsync(programme, "beginImplementation"));
        return programme;
    }
}
