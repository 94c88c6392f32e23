using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Api.Tests.Results;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>A results matrix revised at the moment its programme is suspended: the revision lands before or is refused.</summary>
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
}
