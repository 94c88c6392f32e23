using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Api.Tests.Resilience;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>
/// The funding status is kept between money changes (<c>FundingStatusCache</c>, keyed on the money version and the day):
/// a status read just before any money changes must never be what the next reader gets, on any day.
/// </summary>
public sealed class FundingStatusFreshnessTests(FundingHost host) : IClassFixture<FundingHost>
{
    private readonly SqliteApiFactory api = host.Api;

    [Fact]
    public async Task Every_kind_of_change_shows_in_the_very_next_status()
    {
        var today = api.Today();
        var note = (await api.ApprovedNotesAsync(1)).Single();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var contribution = await api.CommittedContributionAsync(2_000m);
        var deposited = await ChangeAsync(fmu, () => fmu.DepositAsync(contribution, today, 1_500.00m), HttpStatusCode.Created);
        Assert.Equal(1_500.00m, deposited.Delta("depositedUsd"));
        Assert.Equal(1_485.00m, deposited.Delta("freeBalanceUsd"));

        var allocated = await ChangeAsync(fmu, () => fmu.AllocateAsync(note,
            FundingTestSupport.Budget(("UNICEF", 600m), ("ILO", 400m))), HttpStatusCode.Created);
        Assert.Equal(1_000m, allocated.Delta("allocatedUsd"));
        var programme = await ProgrammeOfAsync(fmu, note);

        var transferred = await ChangeAsync(fmu, () => fmu.TransferAsync(programme, "UNICEF", 300m, today), HttpStatusCode.Created);
        Assert.Equal(300m, transferred.Delta("transferredUsd"));

        var spent = await ChangeAsync(fmu, () => fmu.ReportExpenditureAsync(programme, "UNICEF", today.Year, 120.50m));
        Assert.Equal(120.50m, spent.Delta("expenditureUsd"));

        var cancelled = await ChangeAsync(fmu, () => fmu.ProgrammeActAsync(programme, "cancel", "Withdrawn."));
        Assert.Equal(700m, cancelled.Delta("releasedUsd"));
        Assert.Equal(-700m, cancelled.Delta("allocatedUsd"));
    }

    [Fact]
    public async Task A_renamed_donor_shows_under_its_new_name_and_each_day_keeps_its_own_figures()
    {
        var today = api.Today();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var donor = await fmu.CreatedDonorAsync($"Donor {Guid.NewGuid():N}", "Private", null);
        await fmu.PledgedAsync(donor, today.AddDays(-1), 10m);
        var yesterday = await fmu.StatusAsync(today.AddDays(-1));
        await fmu.StatusAsync();

        var newName = $"Renamed {Guid.NewGuid():N}";
        await HttpAssert.OkJsonAsync(await fmu.PutAsJsonAsync($"/api/donors/{donor}",
            new { name = newName, kind = "Private", country = (string?)null }, TestContext.Current.CancellationToken));

        var status = await fmu.StatusAsync();
        Assert.Contains(status.GetProperty("byDonor").EnumerateArray(), d => d.GetProperty("name").GetString() == newName);
        Assert.Equal(yesterday.Usd("pledgedUsd"), (await fmu.StatusAsync(today.AddDays(-1))).Usd("pledgedUsd"));
    }

    [Fact]
    public async Task The_pipeline_reads_the_free_balance_as_it_is_after_a_deposit_and_an_allocation()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var contribution = await api.CommittedContributionAsync(5_000m);
        var before = (await fmu.PipelineAsync()).Usd("freeBalanceUsd");
        Assert.Equal(before, (await fmu.PipelineAsync()).Usd("freeBalanceUsd"));

        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, api.Today(), 2_000.00m), HttpStatusCode.Created);
        Assert.Equal(before + 1_980.00m, (await fmu.PipelineAsync()).Usd("freeBalanceUsd"));

        await HttpAssert.OkJsonAsync(await fmu.AllocateAsync(note, FundingTestSupport.Budget(("UNICEF", 600m), ("ILO", 400m))),
            HttpStatusCode.Created);
        var after = await fmu.PipelineAsync();
        Assert.Equal(before + 980.00m, after.Usd("freeBalanceUsd"));
        Assert.DoesNotContain(after.GetProperty("rows").EnumerateArray(), r => r.GetProperty("conceptNoteId").GetGuid() == note);
    }

    [Fact]
    public async Task A_deposit_received_on_a_past_day_shows_in_that_days_status_read_before_it()
    {
        var today = api.Today();
        var (pledged, received) = (today.AddDays(-6), today.AddDays(-3));
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var donor = await fmu.CreatedDonorAsync($"Donor {Guid.NewGuid():N}", "Private", null);
        var contribution = await fmu.PledgedAsync(donor, pledged, 4_000m);
        await HttpAssert.OkJsonAsync(await fmu.CommitAsync(contribution, pledged, 4_000m));
        var (dayBefore, onTheDay, now) = (await fmu.StatusAsync(received.AddDays(-1)), await fmu.StatusAsync(received),
            await fmu.StatusAsync());
        Assert.Equal(onTheDay.GetRawText(), (await fmu.StatusAsync(received)).GetRawText());

        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, received, 2_500.00m), HttpStatusCode.Created);

        Assert.Equal(2_500.00m, (await fmu.StatusAsync(received)).Usd("depositedUsd") - onTheDay.Usd("depositedUsd"));
        Assert.Equal(2_500.00m, (await fmu.StatusAsync()).Usd("depositedUsd") - now.Usd("depositedUsd"));
        Assert.Equal(dayBefore.GetRawText(), (await fmu.StatusAsync(received.AddDays(-1))).GetRawText());
    }

    [Fact]
    public async Task Deposits_racing_reads_of_the_status_all_show_once_the_writers_are_done()
    {
        var today = api.Today();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        var contribution = await api.CommittedContributionAsync(100_000m);
        var before = await fmu.StatusAsync();
        decimal[] amounts = [1_000.01m, 2_000.02m, 3_000.03m, 4_000.04m, 5_000.05m, 6_000.06m];

        var writes = amounts.Select((amount, i) => (Func<Task<HttpResponseMessage>>)(() =>
            (i % 2 == 0 ? fmu : finance).DepositAsync(contribution, today, amount)));
        var reads = amounts.Select(_ => (Func<Task<HttpResponseMessage>>)(() =>
            finance.GetAsync("/api/funding-status", TestContext.Current.CancellationToken)));
        var responses = await RaceSupport.AtOnceAsync(writes.Zip(reads, (w, r) => new[] { w, r }).SelectMany(p => p).ToArray());

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{r.RequestMessage?.RequestUri} answered {(int)r.StatusCode}"));
        foreach (var reader in new[] { fmu, finance })
        {
            var after = await reader.StatusAsync();
            FundingTestSupport.AssertReconciles(after);
            Assert.Equal(amounts.Sum(), after.Usd("depositedUsd") - before.Usd("depositedUsd"));
            Assert.Equal(amounts.Sum(FundingTestSupport.Net), after.Usd("netFundedUsd") - before.Usd("netFundedUsd"));
        }
    }

    [Fact]
    public async Task The_money_version_changes_in_the_save_of_every_money_change_and_not_with_other_changes()
    {
        var today = api.Today();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var contribution = await api.CommittedContributionAsync(1_000m);
        var version = await MoneyVersionAsync();

        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, today, 10.00m), HttpStatusCode.Created);
        var afterDeposit = await MoneyVersionAsync();
        Assert.NotEqual(version, afterDeposit);

        await fmu.StatusAsync();
        await api.WithDbAsync(async db =>
        {
            var objective = await db.GcmObjectives.FirstAsync(TestContext.Current.CancellationToken);
            db.Entry(objective).Property(o => o.Description).CurrentValue = $"Described {Guid.NewGuid():N}";
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        Assert.Equal(afterDeposit, await MoneyVersionAsync());
    }

    [Fact]
    public async Task The_pipeline_totals_are_the_ranked_pipelines_own_figures_before_and_after_an_allocation()
    {
        var notes = await api.ApprovedNotesAsync(2);
        await api.FundedAsync(1_500m);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await AssertTotalsMatchAsync(fmu);

        await HttpAssert.OkJsonAsync(await fmu.AllocateAsync(notes[0], FundingTestSupport.Budget(("UNICEF", 600m), ("ILO", 400m))),
            HttpStatusCode.Created);
        await AssertTotalsMatchAsync(fmu);

        static async Task AssertTotalsMatchAsync(HttpClient fmu)
        {
            var pipeline = await fmu.PipelineAsync();
            var totals = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/pipeline/totals", TestContext.Current.CancellationToken));
            Assert.Equal(pipeline.GetProperty("rows").GetArrayLength(), totals.GetProperty("notes").GetInt32());
            Assert.Equal(pipeline.Usd("totalGapUsd"), totals.Usd("totalGapUsd"));
            Assert.Equal(pipeline.Usd("freeBalanceUsd"), totals.Usd("freeBalanceUsd"));
            Assert.Equal(Math.Max(0, pipeline.Usd("totalGapUsd") - pipeline.Usd("freeBalanceUsd")), totals.Usd("shortfallUsd"));
        }
    }

    private Task<Guid> MoneyVersionAsync() => api.WithDbAsync(db => db.Set<MoneyVersion>().AsNoTracking()
        .Select(v => v.Version).SingleAsync(TestContext.Current.CancellationToken));

    private static async Task<StatusChange> ChangeAsync(HttpClient fmu, Func<Task<HttpResponseMessage>> change,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var before = await fmu.StatusAsync();
        Assert.Equal(before.GetRawText(), (await fmu.StatusAsync()).GetRawText());
        await HttpAssert.OkJsonAsync(await change(), expected);
        var after = await fmu.StatusAsync();
        FundingTestSupport.AssertReconciles(after);
        return new StatusChange(before, after);
    }

    private static async Task<Guid> ProgrammeOfAsync(HttpClient fmu, Guid note) => Guid.Parse(
        (await fmu.GetNoteAsync(note)).GetProperty("links").GetProperty("jointProgramme").GetString()!.Split('/')[^1]);

    private sealed record StatusChange(JsonElement Before, JsonElement After)
    {
        public decimal Delta(string property) => After.Usd(property) - Before.Usd(property);
    }
}
