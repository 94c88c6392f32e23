using System.Net;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>A cancelled programme gives back what was not transferred, from the day of the cancellation.</summary>
public sealed class ProgrammeCancellationTests(FundingHost host) : IClassFixture<FundingHost>
{
    private readonly SqliteApiFactory api = host.Api;

    [Fact]
    public async Task A_cancelled_programme_returns_its_untransferred_allocation_to_the_free_balance()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        var programme = (await api.ProgrammeAsync(note, unicefUsd: 600m, iloUsd: 400m)).Id();
        var allocatedOn = api.Today();
        using (var fmu = await api.CreateClientAsAsync("fmu.officer"))
            await HttpAssert.OkJsonAsync(await fmu.TransferAsync(programme, "UNICEF", 250m, allocatedOn), HttpStatusCode.Created);
        var freeBefore = await api.FreeBalanceAsync();

        api.Clock.Advance(TimeSpan.FromDays(1));
        using var officer = await api.CreateClientAsAsync("fmu.officer");
        var before = await officer.StatusAsync();
        var cancelled = await HttpAssert.OkJsonAsync(await officer.ProgrammeActAsync(programme, "cancel",
            "The government withdrew its endorsement."));

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal((750m, api.Today().ToString("yyyy-MM-dd")),
            (cancelled.Usd("releasedUsd"), cancelled.GetProperty("releasedOn").GetString()));
        Assert.Equal((350m, 400m), (cancelled.Line("UNICEF").Usd("releasedUsd"), cancelled.Line("ILO").Usd("releasedUsd")));
        Assert.All(cancelled.GetProperty("budget").EnumerateArray(), line => Assert.Equal(0m, line.Usd("untransferredUsd")));

        Assert.Equal(freeBefore + 750m, await api.FreeBalanceAsync());
        var after = await officer.StatusAsync();
        FundingTestSupport.AssertReconciles(after);
        Assert.Equal(before.Usd("allocatedUsd") - 750m, after.Usd("allocatedUsd"));
        Assert.Equal(before.Usd("releasedUsd") + 750m, after.Usd("releasedUsd"));
        Assert.Equal(before.Usd("transferredUsd"), after.Usd("transferredUsd"));

        // As of the day before, the whole allocation still counts.
        var yesterday = await officer.StatusAsync(allocatedOn);
        FundingTestSupport.AssertReconciles(yesterday);
        Assert.Equal(before.Usd("allocatedUsd"), yesterday.Usd("allocatedUsd"));
    }

    [Fact]
    public async Task Nothing_more_is_transferred_to_a_cancelled_programme()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        var programme = (await api.ProgrammeAsync(note)).Id();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await fmu.ProgrammeActAsync(programme, "cancel", "Duplicate of another programme."));
        var transfers = await api.CountAsync<Transfer>();

        var refused = await HttpAssert.ProblemAsync(await fmu.TransferAsync(programme, "ILO", 1m, api.Today()), HttpStatusCode.Conflict);

        Assert.Contains("'cancelled'", refused.GetProperty("detail").GetString());
        Assert.Equal(transfers, await api.CountAsync<Transfer>());
        Assert.Equal(1_000m, (await fmu.GetProgrammeAsync(programme)).Usd("releasedUsd"));
    }
}
