using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>Requests racing for the same limit, fired at once: exactly one wins and the limit is never passed.</summary>
public sealed class FundingRaceTests(FundingHost host) : IClassFixture<FundingHost>
{
    private readonly SqliteApiFactory api = host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_allocations_racing_for_the_last_dollars_fund_one_note()
    {
        // Whatever is free now, plus about 1,000 USD, is exactly one allocation: the two notes each ask for all of it.
        var notes = await api.ApprovedNotesAsync(2);
        await api.FundedAsync(1_000.00m);
        var free = await api.FreeBalanceAsync();
        var unicef = FundingTestSupport.Cents(free / 2);
        var budget = FundingTestSupport.Budget(("UNICEF", unicef), ("ILO", free - unicef));
        var programmesBefore = await api.WithDbAsync(db => db.JointProgrammes.CountAsync(Ct));
        using var first = await api.CreateClientAsAsync("fmu.officer");
        using var second = await api.CreateClientAsAsync("fmu.finance");

        var responses = await Task.WhenAll(first.AllocateAsync(notes[0], budget), second.AllocateAsync(notes[1], budget));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = await HttpAssert.OkJsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Created), HttpStatusCode.Created);
        var loser = await FundingTestSupport.ConflictAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), "budget");
        Assert.Contains("is above the balance free for allocation (0.00 USD)", loser.GetProperty("detail").GetString());
        Assert.Equal(free, winner.Usd("allocatedUsd"));

        Assert.Equal(programmesBefore + 1, await api.WithDbAsync(db => db.JointProgrammes.CountAsync(Ct)));
        var funded = winner.GetProperty("conceptNoteId").GetGuid();
        var waiting = notes.Single(n => n != funded);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var status = await fmu.StatusAsync();
        Assert.Equal(0m, status.Usd("freeBalanceUsd"));
        FundingTestSupport.AssertReconciles(status);
        var pipeline = await fmu.PipelineAsync();
        Assert.Equal(0m, pipeline.Usd("freeBalanceUsd"));
        Assert.Equal([waiting], pipeline.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("conceptNoteId").GetGuid())
            .Where(notes.Contains));
        Assert.Equal("funded", (await fmu.GetNoteAsync(funded)).Status());
        Assert.Equal("approvedInPipeline", (await fmu.GetNoteAsync(waiting)).Status());
        Assert.False(await api.WithDbAsync(db => db.JointProgrammes.AnyAsync(p => p.ConceptNoteId == waiting, Ct)));
    }

    [Fact]
    public async Task A_double_clicked_allocation_makes_one_programme()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        await api.FundedAsync(5_000.00m);
        var free = await api.FreeBalanceAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var budget = FundingTestSupport.Budget(("UNICEF", 600.00m), ("ILO", 400.00m));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fmu.AllocateAsync(note, budget)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created),
            r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await api.WithDbAsync(db => db.JointProgrammes.CountAsync(p => p.ConceptNoteId == note, Ct)));
        Assert.Equal(free - 1_000.00m, await api.FreeBalanceAsync());
        var history = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/concept-notes/{note}/history", Ct));
        Assert.Single(history.EnumerateArray(), e => e.GetProperty("action").GetString() == "fund");
    }

    [Fact]
    public async Task Two_deposits_that_together_exceed_the_commitment_record_one()
    {
        var contribution = await api.CommittedContributionAsync(1_000.00m);
        using var first = await api.CreateClientAsAsync("fmu.officer");
        using var second = await api.CreateClientAsAsync("fmu.finance");

        var responses = await Task.WhenAll(first.DepositAsync(contribution, api.Today(), 600.00m, reference: "AA-RACE-1"),
            second.DepositAsync(contribution, api.Today(), 700.00m, reference: "AA-RACE-2"));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        await FundingTestSupport.ConflictAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), "amount");
        var recorded = await first.GetContributionAsync(contribution);
        var deposit = Assert.Single(recorded.GetProperty("deposits").EnumerateArray());
        Assert.Equal(deposit.Usd("amount"), recorded.GetProperty("commitment").Usd("depositedAmount"));
        Assert.Equal(1_000.00m - deposit.Usd("amount"), recorded.GetProperty("commitment").Usd("outstandingAmount"));
        Assert.Equal(1, await api.WithDbAsync(db => db.Deposits.CountAsync(d => d.ContributionId == contribution, Ct)));
    }

    [Fact]
    public async Task The_same_deposit_double_clicked_is_recorded_once()
    {
        var contribution = await api.CommittedContributionAsync(1_000.00m);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => fmu.DepositAsync(contribution, api.Today(), 100.00m, reference: "AA-CLICK-1")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var recorded = await fmu.GetContributionAsync(contribution);
        Assert.Equal((100.00m, 1), (recorded.Usd("depositedUsd"), recorded.GetProperty("deposits").GetArrayLength()));
        Assert.Equal(1, await api.WithDbAsync(db => db.Deposits.CountAsync(d => d.ContributionId == contribution, Ct)));
    }

    [Fact]
    public async Task Two_transfers_racing_for_the_last_of_a_budget_record_one()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        var id = (await api.ProgrammeAsync(note)).Id();
        using var first = await api.CreateClientAsAsync("fmu.officer");
        using var second = await api.CreateClientAsAsync("fmu.finance");
        await HttpAssert.OkJsonAsync(await first.TransferAsync(id, "UNICEF", 300.00m, api.Today()), HttpStatusCode.Created);

        var responses = await Task.WhenAll(first.TransferAsync(id, "UNICEF", 200.00m, api.Today(), "MPTF-RACE-1"),
            second.TransferAsync(id, "UNICEF", 150.00m, api.Today(), "MPTF-RACE-2"));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        await FundingTestSupport.ConflictAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), "amountUsd");
        var programme = await first.GetProgrammeAsync(id);
        var unicef = programme.Line("UNICEF");
        Assert.True(unicef.Usd("transferredUsd") <= unicef.Usd("amountUsd"));
        Assert.Equal([1, 2], programme.GetProperty("transfers").EnumerateArray().Select(t => t.GetProperty("tranche").GetInt32()));
        Assert.Equal(programme.GetProperty("transfers").SumOf("amountUsd"), unicef.Usd("transferredUsd"));
        Assert.Equal(unicef.Usd("transferredUsd"), programme.Usd("transferredUsd"));
        Assert.Equal(2, await api.WithDbAsync(db => db.Transfers.CountAsync(t => t.ProgrammeId == id, Ct)));
    }
}
