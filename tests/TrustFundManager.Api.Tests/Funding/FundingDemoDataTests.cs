using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>The demo fund's money: donors, deposits, targets and funded programmes that hold together.</summary>
public sealed class FundingDemoDataTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = SqliteApiFactory.InEnvironment("Development",
        new Dictionary<string, string> { ["Seed:Demo"] = "true" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task The_demo_fund_has_its_donors_targets_and_programmes_and_its_status_reconciles()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var donors = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/donors", Ct));
        Assert.Equal(15, donors.GetArrayLength());
        Assert.All(donors.EnumerateArray(), d => Assert.True(d.Usd("depositedUsd") > 0, $"{d.GetProperty("name")} paid nothing."));
        var targets = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/funding-targets", Ct));
        Assert.Equal(2, targets.GetArrayLength());
        Assert.Single(targets.EnumerateArray(), t => t.GetProperty("current").GetBoolean());

        var status = await fmu.StatusAsync();
        Assert.InRange(status.Usd("depositedUsd"), 18_000_000m, 22_000_000m);
        Assert.Equal(15, status.GetProperty("byDonor").GetArrayLength());
        Assert.True(status.Usd("allocatedUsd") > 0 && status.Usd("transferredUsd") > 0 && status.Usd("expenditureUsd") > 0,
            "The demo programmes have allocations, transfers and expenditure.");
        Assert.True(status.Usd("freeBalanceUsd") >= 0, "The demo allocated more than the fund holds.");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, status.GetProperty("target").ValueKind);
        FundingTestSupport.AssertReconciles(status);
        var (deposits, fees) = await api.WithDbAsync(async db => (await db.Deposits.SumAsync(d => d.AmountUsd, Ct),
            await db.Deposits.SumAsync(d => d.FeeUsd, Ct)));
        Assert.Equal((deposits, fees), (status.Usd("depositedUsd"), status.Usd("administrativeAgentFeeUsd")));

        // Every funded note has exactly one programme, and every programme's note is funded.
        var (funded, programmes) = await api.WithDbAsync(async db => (
            await db.WorkflowInstances.Where(i => i.DefinitionId == "concept-note" && i.State == "funded").Select(i => i.SubjectId).ToListAsync(Ct),
            await db.JointProgrammes.AsNoTracking().Include(p => p.Budget).Include(p => p.Transfers).Include(p => p.Expenditures)
                .AsSplitQuery().ToListAsync(Ct)));
        Assert.NotEmpty(funded);
        Assert.Equal(funded.Order(), programmes.Select(p => p.ConceptNoteId).Order());
        Assert.Equal(programmes.Count, programmes.Select(p => p.ConceptNoteId).Distinct().Count());

        // No programme, nor any organization in it, received more than allocated or spent more than it received.
        foreach (var programme in programmes)
        {
            Assert.True(programme.TransferredUsd <= programme.AllocatedUsd, $"{programme.Title} transferred more than allocated.");
            Assert.True(programme.SpentUsd <= programme.TransferredUsd, $"{programme.Title} spent more than transferred.");
            Assert.Equal(programme.AllocatedUsd, programme.Budget.Sum(b => b.AmountUsd));
            Assert.Equal(programme.TransferredUsd, programme.Transfers.Sum(t => t.AmountUsd));
            Assert.Equal(programme.SpentUsd, programme.Expenditures.Sum(e => e.AmountUsd));
            foreach (var line in programme.Budget)
            {
                Assert.True(line.TransferredUsd <= line.AmountUsd, $"{programme.Title}: {line.Organization} received more than its budget.");
                Assert.True(line.SpentUsd <= line.TransferredUsd, $"{programme.Title}: {line.Organization} spent more than it received.");
                Assert.Equal(FundingTestSupport.IndirectCostOf(line.AmountUsd), line.IndirectCostUsd);
            }
        }
        Assert.Equal(status.Usd("allocatedUsd"), programmes.Sum(p => p.AllocatedUsd));
        Assert.Equal(status.Usd("transferredUsd"), programmes.Sum(p => p.TransferredUsd));
        Assert.Equal(status.Usd("expenditureUsd"), programmes.Sum(p => p.SpentUsd));

        // The pipeline ranks what the demo left approved and unfunded.
        var pipeline = await fmu.PipelineAsync();
        FundingTestSupport.AssertConsistentPipeline(pipeline);
        Assert.Equal(status.Usd("freeBalanceUsd"), pipeline.Usd("freeBalanceUsd"));

        // A year ago, before the latest programmes, the books added up too.
        FundingTestSupport.AssertReconciles(await fmu.StatusAsync(api.Today().AddDays(-365)));
    }
}
