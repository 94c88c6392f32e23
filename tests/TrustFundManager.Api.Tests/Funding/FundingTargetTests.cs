using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>Dated funding targets: the current one is the next not yet passed, one per day, kept by the FMU.</summary>
public sealed class FundingTargetTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => api.DisposeAsync();

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string title, decimal amountUsd, DateOnly dueOn) =>
        client.PostAsJsonAsync("/api/funding-targets", new { title, amountUsd, dueOn }, Ct);

    private static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        (await HttpAssert.OkJsonAsync(await client.GetAsync("/api/funding-targets", Ct))).EnumerateArray().ToList();

    [Fact]
    public async Task The_current_target_is_the_next_not_yet_passed_and_the_status_measures_against_it()
    {
        var today = api.Today();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await api.CommittedContributionAsync(1_500_000.00m);
        // Created out of order: the list is by due day.
        var later = await HttpAssert.OkJsonAsync(await CreateAsync(fmu, "By the Review Forum", 10_000_000.00m, today.AddDays(400)), HttpStatusCode.Created);
        Assert.True(later.GetProperty("current").GetBoolean(), "The only target is the current one.");
        var passed = await HttpAssert.OkJsonAsync(await CreateAsync(fmu, "First-year capitalization", 2_000_000.00m, today.AddDays(-30)), HttpStatusCode.Created);
        Assert.True(passed.GetProperty("passed").GetBoolean());
        var next = await HttpAssert.OkJsonAsync(await CreateAsync(fmu, "Second-year capitalization", 4_000_000.00m, today.AddDays(60)), HttpStatusCode.Created);
        Assert.True(next.GetProperty("current").GetBoolean());

        var targets = await ListAsync(fmu);
        Assert.Equal([passed.Id(), next.Id(), later.Id()], targets.Select(t => t.Id()));
        Assert.Equal([false, true, false], targets.Select(t => t.GetProperty("current").GetBoolean()));
        Assert.Equal([true, false, false], targets.Select(t => t.GetProperty("passed").GetBoolean()));
        Assert.All(targets, t => Assert.Equal("fmu.officer", t.GetProperty("updatedBy").GetString()));

        var status = (await fmu.StatusAsync()).GetProperty("target");
        Assert.Equal((next.Id(), "Second-year capitalization", 4_000_000.00m, 1_500_000.00m, 37.50m, 2_500_000.00m, false),
            Progress(status));
        // On a day before the first was due, the first was current (and nothing was committed yet).
        var earlier = (await fmu.StatusAsync(today.AddDays(-40))).GetProperty("target");
        Assert.Equal((passed.Id(), "First-year capitalization", 2_000_000.00m, 0m, 0m, 2_000_000.00m, false), Progress(earlier));
        Assert.Equal(later.Id(), (await fmu.StatusAsync(today.AddDays(61))).GetProperty("target").Id());
        // Once every target has passed, the latest stays, marked passed.
        var afterAll = (await fmu.StatusAsync(today.AddDays(401))).GetProperty("target");
        Assert.Equal((later.Id(), true), (afterAll.Id(), afterAll.GetProperty("passed").GetBoolean()));

        // Reached beyond the target: 100% or more, no gap left.
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        var changed = await HttpAssert.OkJsonAsync(await finance.PutAsJsonAsync($"/api/funding-targets/{next.Id()}",
            new { title = "Second-year capitalization (revised)", amountUsd = 1_200_000.00m, dueOn = today.AddDays(60) }, Ct));
        Assert.Equal(("fmu.finance", true), (changed.GetProperty("updatedBy").GetString(), changed.GetProperty("current").GetBoolean()));
        status = (await fmu.StatusAsync()).GetProperty("target");
        Assert.Equal((next.Id(), "Second-year capitalization (revised)", 1_200_000.00m, 1_500_000.00m, 125.00m, 0m, false), Progress(status));

        // Removed, the next one becomes current.
        Assert.Equal(HttpStatusCode.NoContent, (await fmu.DeleteAsync($"/api/funding-targets/{next.Id()}", Ct)).StatusCode);
        Assert.Equal([false, true], (await ListAsync(fmu)).Select(t => t.GetProperty("current").GetBoolean()));
        Assert.Equal(later.Id(), (await fmu.StatusAsync()).GetProperty("target").Id());
    }

    [Fact]
    public async Task Without_a_target_the_status_shows_none()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        Assert.Equal(JsonValueKind.Null, (await fmu.StatusAsync()).GetProperty("target").ValueKind);
    }

    [Fact]
    public async Task One_target_per_day()
    {
        var due = api.Today().AddDays(100);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var first = await HttpAssert.OkJsonAsync(await CreateAsync(fmu, "Capitalization", 25_000_000.00m, due), HttpStatusCode.Created);
        var other = await HttpAssert.OkJsonAsync(await CreateAsync(fmu, "Later", 70_000_000.00m, due.AddDays(1)), HttpStatusCode.Created);

        var duplicate = await HttpAssert.ProblemAsync(await CreateAsync(fmu, "Same day", 30_000_000.00m, due), HttpStatusCode.Conflict);
        Assert.Contains($"A target is already due on {due:yyyy-MM-dd}", duplicate.GetProperty("detail").GetString());
        var moved = await HttpAssert.ProblemAsync(await fmu.PutAsJsonAsync($"/api/funding-targets/{other.Id()}",
            new { title = "Later", amountUsd = 70_000_000.00m, dueOn = due }, Ct), HttpStatusCode.Conflict);
        Assert.Contains($"Another target is already due on {due:yyyy-MM-dd}", moved.GetProperty("detail").GetString());

        var targets = await ListAsync(fmu);
        Assert.Equal([(first.Id(), "Capitalization", due), (other.Id(), "Later", due.AddDays(1))],
            targets.Select(t => (t.Id(), t.GetProperty("title").GetString(), DateOnly.Parse(t.GetProperty("dueOn").GetString()!))));
        Assert.Equal(2, await api.WithDbAsync(db => db.FundingTargets.CountAsync(Ct)));

        await HttpAssert.ValidationProblemAsync(await CreateAsync(fmu, "", 1_000.00m, due.AddDays(2)), "title");
        await HttpAssert.ValidationProblemAsync(await fmu.PostAsJsonAsync("/api/funding-targets", new { title = "No day", amountUsd = 1_000m }, Ct), "dueOn");
        await HttpAssert.ProblemAsync(await fmu.PutAsJsonAsync($"/api/funding-targets/{Guid.NewGuid()}",
            new { title = "Nobody", amountUsd = 1_000m, dueOn = due.AddDays(3) }, Ct), HttpStatusCode.NotFound);
        Assert.Equal(2, await api.WithDbAsync(db => db.FundingTargets.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("sc.deu", HttpStatusCode.OK)]
    [InlineData("gov.mex", HttpStatusCode.Forbidden)]
    [InlineData("puno.iom", HttpStatusCode.Forbidden)]
    public async Task Only_the_FMU_keeps_the_targets(string user, HttpStatusCode reading)
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var target = await HttpAssert.OkJsonAsync(await CreateAsync(fmu, "Capitalization", 25_000_000.00m, api.Today().AddDays(100)),
            HttpStatusCode.Created);
        using var client = await api.CreateClientAsAsync(user);

        Assert.Equal(reading, (await client.GetAsync("/api/funding-targets", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CreateAsync(client, "Mine", 1_000.00m, api.Today().AddDays(5))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/funding-targets/{target.Id()}",
            new { title = "Changed", amountUsd = 1_000.00m, dueOn = api.Today().AddDays(5) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/funding-targets/{target.Id()}", Ct)).StatusCode);

        var kept = Assert.Single(await ListAsync(fmu));
        Assert.Equal(("Capitalization", 25_000_000.00m), (kept.GetProperty("title").GetString(), kept.Usd("amountUsd")));
    }

    private static (Guid Id, string? Title, decimal Target, decimal Reached, decimal Percentage, decimal Gap, bool Passed) Progress(
        JsonElement target) =>
        (target.Id(), target.GetProperty("title").GetString(), target.Usd("targetUsd"), target.Usd("reachedUsd"),
            target.Usd("percentage"), target.Usd("gapUsd"), target.GetProperty("passed").GetBoolean());
}
