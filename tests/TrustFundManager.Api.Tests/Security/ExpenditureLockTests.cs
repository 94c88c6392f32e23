using System.Net;
using System.Net.Http.Json;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Security;

/// <summary>Finding 9: past years' expenditure stayed editable forever; the fund's figures are final by 30 April.</summary>
public sealed class ExpenditureLockTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();
    private Guid programme;
    private int year;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await api.AppointCommitteeAsync();
        var note = (await api.ApprovedNotesAsync(1)).Single();
        programme = (await api.ProgrammeAsync(note)).Id();
        year = api.Today().Year;
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        await HttpAssert.OkJsonAsync(await fmu.TransferAsync(programme, "UNICEF", 300.00m, api.Today()), HttpStatusCode.Created);
        await HttpAssert.OkJsonAsync(await unicef.ReportExpenditureAsync(programme, "UNICEF", year, 100.00m));
    }

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task Finding9_FromMayAYearsExpenditureIsFinalAndOnlyTheFmuCorrectsItWithAReasonThatIsJournaled()
    {
        api.Clock.Advance(new DateTimeOffset(year + 1, 5, 1, 8, 0, 0, TimeSpan.Zero) - api.Clock.GetUtcNow());
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var late = await HttpAssert.ProblemAsync(await unicef.ReportExpenditureAsync(programme, "UNICEF", year, 150.00m),
            HttpStatusCode.Conflict);
        Assert.Contains($"final since 30 April {year + 1}", late.GetProperty("detail").GetString());
        var withoutReason = await HttpAssert.ValidationProblemAsync(
            await fmu.ReportExpenditureAsync(programme, "UNICEF", year, 150.00m), "reason");
        Assert.Contains("a correction says why", withoutReason.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(100.00m, await SpentAsync(fmu, year));

        await HttpAssert.OkJsonAsync(await fmu.PutAsJsonAsync($"/api/joint-programmes/{programme}/expenditure/UNICEF/{year}",
            new { amountUsd = 150.00m, reason = "UNICEF's certified statement for the year." }, Ct));

        Assert.Equal(150.00m, await SpentAsync(fmu, year));
        var history = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/joint-programmes/{programme}/history", Ct));
        var correction = history.EnumerateArray().Last();
        Assert.Equal(("correctFinalExpenditure", "fmu.officer"),
            (correction.GetProperty("action").GetString(), correction.GetProperty("actor").GetString()));
        Assert.Equal($"UNICEF's expenditure for {year} corrected from 100.00 to 150.00 USD: UNICEF's certified statement for the year.",
            correction.GetProperty("comment").GetString());

        // The year now running is open to the organization, without a reason.
        await HttpAssert.OkJsonAsync(await unicef.ReportExpenditureAsync(programme, "UNICEF", year + 1, 10.00m));
    }

    [Fact]
    public async Task Finding9_UntilTheThirtiethOfAprilTheOrganizationStillRestatesLastYear()
    {
        api.Clock.Advance(new DateTimeOffset(year + 1, 4, 30, 20, 0, 0, TimeSpan.Zero) - api.Clock.GetUtcNow());
        using var unicef = await api.CreateClientAsAsync("puno.unicef");

        await HttpAssert.OkJsonAsync(await unicef.ReportExpenditureAsync(programme, "UNICEF", year, 120.00m));

        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        Assert.Equal(120.00m, await SpentAsync(fmu, year));
    }

    private async Task<decimal> SpentAsync(HttpClient client, int forYear) =>
        (await client.GetProgrammeAsync(programme)).GetProperty("expenditure").EnumerateArray()
        .Single(e => e.GetProperty("organization").GetString() == "UNICEF" && e.GetProperty("year").GetInt32() == forYear)
        .GetProperty("amountUsd").GetDecimal();
}
