using System.Net;
using System.Text.Json;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>The funding status as of a past day counts only what had happened by then.</summary>
public sealed class FundingStatusAsOfTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_figure_counts_from_its_own_day()
    {
        // Pledged ten days ago, signed eight days ago, paid five days ago and today.
        var today = api.Today();
        var days = new[] { -12, -9, -6, -3, 0 }.Select(d => today.AddDays(d)).ToArray();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var before = new List<JsonElement>();
        foreach (var day in days) before.Add(await fmu.StatusAsync(day));

        var donor = await fmu.CreatedDonorAsync($"Sweden {Guid.NewGuid():N}", "Government", "SWE");
        var contribution = await fmu.PledgedAsync(donor, today.AddDays(-10), 10_000_000.00m, "SEK", 0.095m);
        await HttpAssert.OkJsonAsync(await fmu.CommitAsync(contribution, today.AddDays(-8), 10_000_000.00m, "SEK", 0.0952m));
        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, today.AddDays(-5), 6_000_000.00m, 0.0961m), HttpStatusCode.Created);
        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, today, 4_000_000.00m, 0.0948m), HttpStatusCode.Created);

        // pledged 950,000.00; committed 952,000.00; deposits 576,600.00 (fee 5,766.00) and 379,200.00 (fee 3,792.00).
        var expected = new (decimal Pledged, decimal Committed, decimal Deposited, decimal Fee)[]
        {
            (0m, 0m, 0m, 0m),
            (950_000.00m, 0m, 0m, 0m),
            (950_000.00m, 952_000.00m, 0m, 0m),
            (950_000.00m, 952_000.00m, 576_600.00m, 5_766.00m),
            (950_000.00m, 952_000.00m, 955_800.00m, 9_558.00m),
        };
        for (var i = 0; i < days.Length; i++)
        {
            var after = await fmu.StatusAsync(days[i]);
            Assert.Equal(days[i], DateOnly.Parse(after.GetProperty("asOf").GetString()!));
            FundingTestSupport.AssertReconciles(after);
            var delta = (after.Usd("pledgedUsd") - before[i].Usd("pledgedUsd"), after.Usd("committedUsd") - before[i].Usd("committedUsd"),
                after.Usd("depositedUsd") - before[i].Usd("depositedUsd"),
                after.Usd("administrativeAgentFeeUsd") - before[i].Usd("administrativeAgentFeeUsd"));
            Assert.True(expected[i] == delta, $"As of {days[i]} (day {i}): expected {expected[i]}, got {delta}.");
            Assert.Equal(expected[i].Deposited - expected[i].Fee,
                after.Usd("freeBalanceUsd") - before[i].Usd("freeBalanceUsd"));
            Assert.Equal(expected[i].Pledged > 0,
                after.GetProperty("byDonor").EnumerateArray().Any(d => d.GetProperty("donorId").GetGuid() == donor));
        }

        // Without asOf, the status is today's.
        var now = await fmu.StatusAsync();
        Assert.Equal(today, DateOnly.Parse(now.GetProperty("asOf").GetString()!));
        Assert.Equal((await fmu.StatusAsync(today)).Usd("depositedUsd"), now.Usd("depositedUsd"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2026-02-30")]
    [InlineData("31/12/2025")]
    public async Task A_day_that_is_not_a_date_is_refused_naming_asOf(string asOf)
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var problem = await HttpAssert.ValidationProblemAsync(await fmu.GetAsync($"/api/funding-status?asOf={asOf}", Ct), "asOf");

        Assert.Contains($"'{asOf}' is not a valid value.", problem.GetProperty("errors").GetProperty("asOf")[0].GetString());
    }
}
