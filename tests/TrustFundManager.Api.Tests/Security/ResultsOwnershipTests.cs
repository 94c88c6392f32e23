using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Api.Tests.Results;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Security;

/// <summary>Finding 5: one participating organization rewrote another's indicators, even after their values were approved.</summary>
public sealed class ResultsOwnershipTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();
    private Guid programme;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await api.AppointCommitteeAsync();
        programme = (await api.ActiveProgrammesAsync(["IOM", "UNICEF"])).Single();
        var start = api.Today();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(programme, ResultsTestSupport.Matrix(null, start, start.AddYears(2),
            outputIndicator: ResultsTestSupport.Indicator("Referral procedure adopted", "No procedure", "Adopted nationally",
                start, start.AddYears(2), organization: "IOM", kind: "Qualitative", unit: null))));
    }

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task Finding5_AnOrganizationCannotRewriteAnotherOrganizationsIndicator()
    {
        using var iom = await api.CreateClientAsAsync("puno.iom");
        var before = await iom.GetMatrixAsync(programme);

        var retargeted = await ReadMatrixAsync(iom);
        UnicefIndicator(retargeted)["target"] = 1m;
        UnicefIndicator(retargeted)["name"] = "Renamed by IOM";
        var refused = await HttpAssert.ProblemAsync(await iom.PutAsJsonAsync(Path, retargeted, Ct), HttpStatusCode.Forbidden);
        Assert.Contains("reported by UNICEF", refused.GetProperty("detail").GetString());

        var removed = await ReadMatrixAsync(iom);
        Outcome(removed)["indicators"] = new JsonArray();
        await HttpAssert.ProblemAsync(await iom.PutAsJsonAsync(Path, removed, Ct), HttpStatusCode.Forbidden);

        var handedOver = await ReadMatrixAsync(iom);
        IomIndicator(handedOver)["organization"] = "UNICEF";
        await HttpAssert.ProblemAsync(await iom.PutAsJsonAsync(Path, handedOver, Ct), HttpStatusCode.Forbidden);

        Assert.Equal(before.GetRawText(), (await iom.GetMatrixAsync(programme)).GetRawText());

        // Its own indicator is its to change.
        var own = await ReadMatrixAsync(iom);
        IomIndicator(own)["meansOfVerification"] = "Official gazette";
        var changed = await HttpAssert.OkJsonAsync(await iom.PutAsJsonAsync(Path, own, Ct));
        Assert.Equal("Official gazette", changed.AllIndicators().Single(i => i.GetProperty("organization").GetString() == "IOM")
            .GetProperty("meansOfVerification").GetString());
    }

    [Fact]
    public async Task Finding5_AnIndicatorWithApprovedValuesKeepsWhatItMeasuresUnlessTheFmuSaysWhy()
    {
        var referrals = (await (await api.CreateClientAsAsync("fmu.officer")).GetMatrixAsync(programme)).AllIndicators()
            .Single(i => i.GetProperty("organization").GetString() == "UNICEF").GetProperty("id").GetGuid();
        using (var unicef = await api.CreateClientAsAsync("puno.unicef"))
        {
            var report = await unicef.OpenedReportAsync(programme, api.Today(), api.Today().AddMonths(6).AddDays(-1),
                new { indicatorId = referrals, actual = 400, narrative = "Referral desks opened.", breakdown = new { female = 250, male = 150 } });
            api.Clock.Advance(TimeSpan.FromDays(200));
            using var unicefLater = await api.CreateClientAsAsync("puno.unicef");
            await HttpAssert.OkJsonAsync(await unicefLater.ReportActAsync(report.Id(), "submit"));
            using var officer = await api.CreateClientAsAsync("fmu.officer");
            await HttpAssert.OkJsonAsync(await officer.ReportActAsync(report.Id(), "approve"));
        }

        using var owner = await api.CreateClientAsAsync("puno.unicef");
        var lowered = await ReadMatrixAsync(owner);
        UnicefIndicator(lowered)["target"] = 1m;
        var refused = await HttpAssert.ProblemAsync(await owner.PutAsJsonAsync(Path, lowered, Ct), HttpStatusCode.Forbidden);
        Assert.Contains("approved values", refused.GetProperty("detail").GetString());

        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var corrected = await ReadMatrixAsync(fmu);
        UnicefIndicator(corrected)["target"] = 1200m;
        await HttpAssert.ValidationProblemAsync(await fmu.PutAsJsonAsync(Path, corrected, Ct), "reason");
        corrected["reason"] = "The steering committee reduced the programme's scope.";
        var saved = await HttpAssert.OkJsonAsync(await fmu.PutAsJsonAsync(Path, corrected, Ct));
        Assert.Equal(1200m, saved.AllIndicators().Single(i => i.GetProperty("id").GetGuid() == referrals).GetProperty("target").GetDecimal());

        var history = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/joint-programmes/{programme}/history", Ct));
        var note = history.EnumerateArray().Last();
        Assert.Equal(("reviseApprovedIndicators", "fmu.officer"), (note.GetProperty("action").GetString(), note.GetProperty("actor").GetString()));
        Assert.Contains("reduced the programme's scope", note.GetProperty("comment").GetString());
    }

    private string Path => $"/api/joint-programmes/{programme}/results";

    /// <summary>The matrix as read, as a request: its version and outcomes (the programme's own fields are not sent back).</summary>
    private async Task<JsonObject> ReadMatrixAsync(HttpClient client)
    {
        var read = JsonNode.Parse((await client.GetMatrixAsync(programme)).GetRawText())!.AsObject();
        return new JsonObject { ["version"] = read["version"]!.DeepClone(), ["outcomes"] = read["outcomes"]!.DeepClone() };
    }

    private static JsonObject Outcome(JsonObject matrix) => matrix["outcomes"]![0]!.AsObject();

    private static JsonObject UnicefIndicator(JsonObject matrix) => Outcome(matrix)["indicators"]![0]!.AsObject();

    private static JsonObject IomIndicator(JsonObject matrix) => Outcome(matrix)["outputs"]![0]!["indicators"]![0]!.AsObject();
}
