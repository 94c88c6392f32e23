using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Results;

/// <summary>
/// Who reads and writes results: the programme's organizations and the FMU edit the matrix; an organization opens and
/// edits its own reports, which the FMU alone approves; governments and the committee read approved reports only; an
/// outsider finds nothing (404, so that ids do not leak).
/// </summary>
public sealed class ResultsAccessTests(ResultsHost host) : IClassFixture<ResultsHost>
{
    private readonly SqliteApiFactory api = host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>UNICEF reports the referrals and IOM the procedure on the programme of UNICEF and IOM.</summary>
    private async Task<JsonElement> MatrixAsync()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var matrix = await fmu.GetMatrixAsync(host.WithIom);
        if (matrix.GetProperty("version").ValueKind != JsonValueKind.Null) return matrix;
        var (from, to) = (host.Start, host.Start.AddYears(2));
        return await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(host.WithIom, ResultsTestSupport.Matrix(null, from, to,
            outputIndicator: ResultsTestSupport.Indicator("Referral procedure adopted", "No procedure", "Adopted", from, to,
                organization: "IOM", kind: "Qualitative", unit: null))));
    }

    private static async Task<HttpStatusCode> StatusOfAsync(Task<HttpResponseMessage> request) => (await request).StatusCode;

    [Fact]
    public async Task A_government_of_another_country_and_an_organization_outside_the_programme_find_nothing()
    {
        var matrix = await MatrixAsync();
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        var report = await unicef.OpenedReportAsync(host.WithIom, host.Start, host.Start.AddDays(9));
        var rows = await api.ResultsRowsAsync();
        using var mexico = await api.CreateClientAsAsync("gov.mex");
        using var iom = await api.CreateClientAsAsync("puno.iom");

        foreach (var path in new[]
                 {
                     $"/api/joint-programmes/{host.WithIom}/results", $"/api/joint-programmes/{host.WithIom}/progress-reports",
                     $"/api/progress-reports/{report.Id()}", $"/api/progress-reports/{report.Id()}/history",
                 })
            Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(mexico.GetAsync(path, Ct)));

        // IOM takes no part in UNICEF and ILO's programme: it neither reads nor writes there.
        var problem = await HttpAssert.ProblemAsync(await iom.GetAsync($"/api/joint-programmes/{host.WithIlo}/results", Ct),
            HttpStatusCode.NotFound);
        Assert.Contains($"There is no joint programme {host.WithIlo}", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(iom.PutMatrixAsync(host.WithIlo,
            ResultsTestSupport.Matrix(null, host.Start, host.Start.AddYears(1)))));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(iom.OpenReportAsync(host.WithIlo, host.Start, host.Start.AddDays(9))));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(iom.GetAsync($"/api/joint-programmes/{host.WithIlo}/progress-reports", Ct)));
        Assert.Equal(rows, await api.ResultsRowsAsync());

        // The programme's own government reads the matrix.
        using var ghana = await api.CreateClientAsAsync("gov.gha");
        Assert.Equal(matrix.GetRawText(), (await ghana.GetMatrixAsync(host.WithIom)).GetRawText());
    }

    [Theory]
    [InlineData("sc.deu")]
    [InlineData("gov.gha")]
    [InlineData("admin")]
    public async Task Only_the_programmes_organizations_and_the_FMU_edit_the_matrix(string user)
    {
        var matrix = await MatrixAsync();
        var rows = await api.ResultsRowsAsync();
        using var client = await api.CreateClientAsAsync(user);

        var response = await client.PutMatrixAsync(host.WithIom, ResultsTestSupport.Matrix(matrix.Version(), host.Start, host.Start.AddYears(3)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(rows, await api.ResultsRowsAsync());
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        Assert.Equal(matrix.Version(), (await fmu.GetMatrixAsync(host.WithIom)).Version());
    }

    [Theory]
    [InlineData("fmu.officer")]
    [InlineData("gov.gha")]
    [InlineData("sc.deu")]
    public async Task Only_an_organization_opens_a_report(string user)
    {
        await MatrixAsync();
        var rows = await api.ResultsRowsAsync();
        using var client = await api.CreateClientAsAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusOfAsync(client.OpenReportAsync(host.WithIom, host.Start.AddDays(10), host.Start.AddDays(19))));

        Assert.Equal(rows, await api.ResultsRowsAsync());
    }

    [Fact]
    public async Task A_report_is_the_organizations_until_approved_and_then_the_governments_and_the_committees_to_read()
    {
        var matrix = await MatrixAsync();
        var referrals = matrix.AllIndicators().Single(i => i.GetProperty("organization").GetString() == "UNICEF").Id();
        host.MoveTo(host.Start.AddDays(30));
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var report = await unicef.OpenedReportAsync(host.WithIom, host.Start.AddDays(20), host.Start.AddDays(29),
            new { indicatorId = referrals, actual = 40, narrative = "Desks opened", breakdown = new { female = 25, male = 15 } });
        var id = report.Id();
        var listPath = $"/api/joint-programmes/{host.WithIom}/progress-reports";
        using var iom = await api.CreateClientAsAsync("puno.iom");
        using var ghana = await api.CreateClientAsAsync("gov.gha");
        using var member = await api.CreateClientAsAsync("sc.deu");

        async Task AssertHiddenFromAsync(HttpClient client)
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(client.GetAsync($"/api/progress-reports/{id}", Ct)));
            Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(client.GetAsync($"/api/progress-reports/{id}/history", Ct)));
            var listed = await HttpAssert.OkJsonAsync(await client.GetAsync(listPath, Ct));
            Assert.DoesNotContain(listed.EnumerateArray(), r => r.Id() == id);
        }

        // A draft: IOM, a partner in the same programme, does not see UNICEF's report, nor edit or submit it.
        foreach (var client in new[] { iom, ghana, member }) await AssertHiddenFromAsync(client);
        var rows = await api.ResultsRowsAsync();
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(iom.PutValuesAsync(id, report.Version(),
            new { indicatorId = referrals, actual = 1, narrative = "IOM's figure" })));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(iom.ReportActAsync(id, "submit")));
        Assert.Equal(rows, await api.ResultsRowsAsync());

        var submitted = await HttpAssert.OkJsonAsync(await unicef.ReportActAsync(id, "submit"));
        Assert.Equal("submitted", submitted.Status());
        Assert.Empty(submitted.GetProperty("actions").EnumerateArray());

        // Under review: the organization cannot approve its own report; the workflow refuses it.
        rows = await api.ResultsRowsAsync();
        var forbidden = await HttpAssert.ProblemAsync(await unicef.ReportActAsync(id, "approve"), HttpStatusCode.Forbidden);
        Assert.Contains("approve", forbidden.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(rows, await api.ResultsRowsAsync());
        Assert.Equal(("submitted", (string?)null), ((await unicef.GetReportAsync(id)).Status(),
            (await unicef.GetReportAsync(id)).GetProperty("approvedOn").GetString()));
        foreach (var client in new[] { iom, ghana, member }) await AssertHiddenFromAsync(client);

        var approved = await HttpAssert.OkJsonAsync(await fmu.ReportActAsync(id, "approve"));
        Assert.Equal(("approved", "fmu.officer"), (approved.Status(), approved.GetProperty("approvedBy").GetString()));

        // Approved: the programme's government and the committee read it; IOM still does not, nor Mexico.
        foreach (var client in new[] { ghana, member })
        {
            var read = await client.GetReportAsync(id);
            Assert.Equal((40m, true), (read.GetProperty("indicators")[0].GetProperty("actual").GetDecimal(), read.GetProperty("locked").GetBoolean()));
            var listed = await HttpAssert.OkJsonAsync(await client.GetAsync(listPath, Ct));
            Assert.Contains(listed.EnumerateArray(), r => r.Id() == id);
            Assert.All(listed.EnumerateArray(), r => Assert.Equal("approved", r.Status()));
            Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client.GetAsync($"/api/progress-reports/{id}/history", Ct)));
        }
        await AssertHiddenFromAsync(iom);
        using var mexico = await api.CreateClientAsAsync("gov.mex");
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(mexico.GetAsync($"/api/progress-reports/{id}", Ct)));
        Assert.Equal(1, await api.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.Id == id && r.ApprovedOn != null, Ct)));
    }

    [Theory]
    [InlineData("gov.gha", HttpStatusCode.Forbidden)]
    [InlineData("puno.unicef", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("sc.deu", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("fmu.finance", HttpStatusCode.OK)]
    public async Task The_fund_summary_is_for_the_FMU_administrators_and_the_committee(string? user, HttpStatusCode expected)
    {
        using var client = user is null ? api.CreateClient() : await api.CreateClientAsAsync(user);

        var response = await client.GetAsync("/api/results/summary", Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
            Assert.Equal(JsonValueKind.Object, (await HttpAssert.OkJsonAsync(response)).GetProperty("total").ValueKind);
    }
}
