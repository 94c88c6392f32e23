using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>
/// Money requests fired at the same moment beyond the races for one limit (<see cref="FundingRaceTests"/>): deposits on
/// a donor's two contributions, two commitments of one pledge with a deposit, an allocation racing a deposit, a
/// withdrawal or another allocation, and a transfer racing the programme's cancellation or suspension. Sums stay exact
/// to the cent and the free balance never goes below zero.
/// </summary>
public sealed class MoneyRaceTests(FundingHost host) : IClassFixture<FundingHost>
{
    private readonly SqliteApiFactory api = host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object[] Halves(decimal total)
    {
        var unicef = FundingTestSupport.Cents(total / 2);
        return FundingTestSupport.Budget(("UNICEF", unicef), ("ILO", total - unicef));
    }

    private async Task<decimal> ReconciledFreeBalanceAsync()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var status = await fmu.StatusAsync();
        FundingTestSupport.AssertReconciles(status);
        var free = status.Usd("freeBalanceUsd");
        Assert.True(free >= 0, $"The free balance is {free} USD.");
        return free;
    }

    /// <summary>Audit entries of one record whose changes mention <paramref name="text"/>, by their order of writing.</summary>
    private Task<List<long>> AuditIdsAsync(string entityType, Guid entityId, string text) => api.WithDbAsync(db =>
        db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId.ToString() && a.Changes.Contains(text))
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct));

    private Task<Guid> InstanceOfAsync(Guid subject) =>
        api.WithDbAsync(db => db.WorkflowInstances.Where(i => i.SubjectId == subject).Select(i => i.Id).SingleAsync(Ct));

    [Fact]
    public async Task Deposits_on_two_contributions_of_one_donor_at_once_are_both_recorded_to_the_cent()
    {
        using var officer = await api.CreateClientAsAsync("fmu.officer");
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        var today = api.Today();
        var donor = await officer.CreatedDonorAsync($"Two-contribution donor {Guid.NewGuid():N}", "Private", null);
        var euros = await officer.PledgedAsync(donor, today, 100_000m, "EUR", 1.0825m);
        await HttpAssert.OkJsonAsync(await officer.CommitAsync(euros, today, 100_000m, "EUR", 1.0825m));
        var pounds = await officer.PledgedAsync(donor, today, 80_000m, "GBP", 1.2710m);
        await HttpAssert.OkJsonAsync(await officer.CommitAsync(pounds, today, 80_000m, "GBP", 1.2710m));
        (decimal Euros, decimal EurRate, decimal Pounds, decimal GbpRate)[] rounds =
        [
            (1_234.56m, 1.0837m, 987.65m, 1.2713m),
            (10_000.01m, 1.0841m, 333.33m, 1.2699m),
            (0.05m, 1.0799m, 7_777.77m, 1.2705m),
        ];
        var (expectedUsd, expectedFee) = (0m, 0m);

        foreach (var round in rounds)
        {
            var responses = await RaceSupport.AtOnceAsync(
                () => officer.DepositAsync(euros, today, round.Euros, round.EurRate),
                () => finance.DepositAsync(pounds, today, round.Pounds, round.GbpRate));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            foreach (var usd in new[] { FundingTestSupport.Cents(round.Euros * round.EurRate), FundingTestSupport.Cents(round.Pounds * round.GbpRate) })
                (expectedUsd, expectedFee) = (expectedUsd + usd, expectedFee + FundingTestSupport.Cents(usd * FundingTestSupport.FeeRate));
        }

        var byDonor = await HttpAssert.OkJsonAsync(await officer.GetAsync($"/api/donors/{donor}", Ct));
        Assert.Equal(expectedUsd, byDonor.Usd("depositedUsd"));
        var status = await officer.StatusAsync();
        FundingTestSupport.AssertReconciles(status);
        var row = status.GetProperty("byDonor").EnumerateArray().Single(d => d.GetProperty("donorId").GetGuid() == donor);
        Assert.Equal((expectedUsd, expectedFee, expectedUsd - expectedFee),
            (row.Usd("depositedUsd"), row.Usd("administrativeAgentFeeUsd"), row.Usd("netFundedUsd")));
        Assert.Equal(rounds.Sum(r => r.Euros), (await officer.GetContributionAsync(euros)).GetProperty("commitment").Usd("depositedAmount"));
        Assert.Equal(rounds.Sum(r => r.Pounds), (await officer.GetContributionAsync(pounds)).GetProperty("commitment").Usd("depositedAmount"));
    }

    [Fact]
    public async Task Two_commitments_of_one_pledge_at_once_record_one_and_a_deposit_racing_them_lands_only_on_it()
    {
        using var officer = await api.CreateClientAsAsync("fmu.officer");
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        using var cashier = await api.CreateClientAsAsync("fmu.officer");
        var today = api.Today();
        for (var round = 1; round <= 4; round++)
        {
            var donor = await officer.CreatedDonorAsync($"Committing donor {Guid.NewGuid():N}", "Private", null);
            var contribution = await officer.PledgedAsync(donor, today, 1_000m);

            var responses = await RaceSupport.AtOnceAsync(
                () => officer.CommitAsync(contribution, today, 1_000m, agreementReference: "Signed copy A"),
                () => finance.CommitAsync(contribution, today, 800m, agreementReference: "Signed copy B"),
                () => cashier.DepositAsync(contribution, today, 500m));

            var committed = await RaceSupport.WonAsync(HttpStatusCode.OK, responses[0], responses[1]);
            Assert.True(committed[0] ^ committed[1], "Exactly one commitment must be recorded.");
            var deposited = (await RaceSupport.WonAsync(HttpStatusCode.Created, responses[2]))[0];
            var stored = (await officer.GetContributionAsync(contribution)).GetProperty("commitment");
            Assert.Equal((committed[0] ? 1_000m : 800m, committed[0] ? "Signed copy A" : "Signed copy B"),
                (stored.Usd("amount"), stored.GetProperty("agreementReference").GetString()));
            Assert.Equal(deposited ? 500m : 0m, stored.Usd("depositedAmount"));
            Assert.Equal(deposited ? 1 : 0, await api.WithDbAsync(db => db.Deposits.CountAsync(d => d.ContributionId == contribution, Ct)));
        }
        await ReconciledFreeBalanceAsync();
    }

    [Fact]
    public async Task An_allocation_racing_the_deposit_it_needs_is_judged_on_what_was_there()
    {
        var notes = await api.ApprovedNotesAsync(3);
        using var officer = await api.CreateClientAsAsync("fmu.officer");
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        foreach (var note in notes)
        {
            var free = await ReconciledFreeBalanceAsync();
            var contribution = await api.CommittedContributionAsync(1_000.00m);
            var needed = free + 300.00m;

            var responses = await RaceSupport.AtOnceAsync(() => officer.AllocateAsync(note, Halves(needed)),
                () => finance.DepositAsync(contribution, api.Today(), 1_000.00m));

            Assert.Equal(HttpStatusCode.Created, responses[1].StatusCode);
            var funded = (await RaceSupport.WonAsync(HttpStatusCode.Created, responses[0]))[0];
            Assert.Equal(free + FundingTestSupport.Net(1_000.00m) - (funded ? needed : 0m), await ReconciledFreeBalanceAsync());
            Assert.Equal(funded ? "funded" : "approvedInPipeline", (await officer.GetNoteAsync(note)).Status());
        }
    }

    [Fact]
    public async Task Allocations_of_three_notes_asking_more_than_is_free_fund_as_many_as_it_covers()
    {
        var notes = await api.ApprovedNotesAsync(6);
        var clients = await Task.WhenAll(new[] { "fmu.officer", "fmu.finance", "fmu.officer" }.Select(api.CreateClientAsAsync));
        foreach (var round in notes.Chunk(3))
        {
            await api.FundedAsync(3_000.00m);
            var free = await ReconciledFreeBalanceAsync();
            var share = FundingTestSupport.Cents(free * 0.4m);
            var programmesBefore = await api.WithDbAsync(db => db.JointProgrammes.CountAsync(Ct));

            var responses = await RaceSupport.AtOnceAsync(round
                .Select((note, i) => (Func<Task<HttpResponseMessage>>)(() => clients[i].AllocateAsync(note, Halves(share))))
                .ToArray());

            var funded = await RaceSupport.WonAsync(HttpStatusCode.Created, responses);
            Assert.Equal(2, funded.Count(f => f));
            await FundingTestSupport.ConflictAsync(responses[Array.IndexOf(funded, false)], "budget");
            Assert.Equal(free - 2 * share, await ReconciledFreeBalanceAsync());
            Assert.Equal(programmesBefore + 2, await api.WithDbAsync(db => db.JointProgrammes.CountAsync(Ct)));
        }
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task An_allocation_racing_the_notes_withdrawal_either_funds_it_or_leaves_the_money_free()
    {
        var notes = await api.ApprovedNotesAsync(4);
        await api.FundedAsync(4 * 1_000.00m);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var ghana = await api.CreateClientAsAsync("gov.gha");
        foreach (var note in notes)
        {
            var free = await ReconciledFreeBalanceAsync();

            var responses = await RaceSupport.AtOnceAsync(() => fmu.AllocateAsync(note, Halves(1_000.00m)),
                () => ghana.NoteActAsync(note, "withdraw", "The government withdraws the note."));

            var funded = (await RaceSupport.WonAsync(HttpStatusCode.Created, responses[0]))[0];
            var withdrawn = (await RaceSupport.WonAsync(HttpStatusCode.OK, responses[1]))[0];
            Assert.True(funded ^ withdrawn, "Exactly one of the allocation and the withdrawal must land.");
            Assert.Equal(funded ? "funded" : "withdrawn", (await fmu.GetNoteAsync(note)).Status());
            Assert.Equal(funded, await api.WithDbAsync(db => db.JointProgrammes.AnyAsync(p => p.ConceptNoteId == note, Ct)));
            Assert.Equal(free - (funded ? 1_000.00m : 0m), await ReconciledFreeBalanceAsync());
            var journal = (await api.JournalOfAsync(note)).Select(j => j.Action).ToList();
            Assert.Equal((funded ? 1 : 0, funded ? 0 : 1), (journal.Count(a => a == "fund"), journal.Count(a => a == "withdraw")));
        }
    }

    [Fact]
    public async Task A_transfer_racing_the_programmes_cancellation_is_released_or_refused_never_both()
    {
        var notes = await api.ApprovedNotesAsync(3);
        using var officer = await api.CreateClientAsAsync("fmu.officer");
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        foreach (var note in notes)
        {
            var programme = (await api.ProgrammeAsync(note)).Id();
            var free = await ReconciledFreeBalanceAsync();

            var responses = await RaceSupport.AtOnceAsync(() => officer.TransferAsync(programme, "UNICEF", 200.00m, api.Today()),
                () => finance.ProgrammeActAsync(programme, "cancel", "The government asked to stop."));

            var transferred = (await RaceSupport.WonAsync(HttpStatusCode.Created, responses[0]))[0];
            var cancelled = (await RaceSupport.WonAsync(HttpStatusCode.OK, responses[1]))[0];
            Assert.True(transferred || cancelled, "Both the transfer and the cancellation were refused.");
            // A cancellation that lost to the transfer on the programme's version is asked again.
            if (!cancelled) await HttpAssert.OkJsonAsync(await finance.ProgrammeActAsync(programme, "cancel", "Asked again."));

            var read = await officer.GetProgrammeAsync(programme);
            Assert.Equal(("cancelled", transferred ? 200.00m : 0m),
                (read.GetProperty("status").GetProperty("state").GetString(), read.Usd("transferredUsd")));
            var released = await api.WithDbAsync(db => db.JointProgrammes.Where(p => p.Id == programme)
                .Select(p => p.ReleasedUsd).SingleAsync(Ct));
            Assert.Equal(1_000.00m - read.Usd("transferredUsd"), released);
            Assert.Equal(free + released, await ReconciledFreeBalanceAsync());
        }
    }

    [Fact]
    public async Task A_transfer_racing_the_programmes_suspension_lands_before_it_or_is_refused()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        var programme = (await api.ProgrammeAsync(note, 5_000.00m, 5_000.00m)).Id();
        using var officer = await api.CreateClientAsAsync("fmu.officer");
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        await HttpAssert.OkJsonAsync(await officer.TransferAsync(programme, "UNICEF", 100.00m, api.Today()), HttpStatusCode.Created);
        await HttpAssert.OkJsonAsync(await officer.ProgrammeActAsync(programme, "beginImplementation"));
        var instance = await InstanceOfAsync(programme);
        var landed = 0;

        for (var round = 1; round <= 8; round++)
        {
            var responses = await RaceSupport.AtOnceAsync(
                () => officer.TransferAsync(programme, "ILO", 10.00m, api.Today(), $"MPTF-SUSPEND-{round}"),
                () => finance.ProgrammeActAsync(programme, "suspend", "Audit findings under review."));

            var transferred = (await RaceSupport.WonAsync(HttpStatusCode.Created, responses[0]))[0];
            Assert.Equal(HttpStatusCode.OK, responses[1].StatusCode);
            var transfers = await AuditIdsAsync("JointProgramme", programme, "\"transferredUsd\"");
            var suspension = (await AuditIdsAsync("WorkflowInstance", instance, "\"suspended\"")).Last();
            Assert.True(!transferred || transfers.Last() < suspension,
                $"Round {round}: a transfer was recorded on the programme after it was suspended.");
            landed += transferred ? 1 : 0;
            // The allocation, the first tranche, and each transfer that landed.
            Assert.Equal(2 + landed, transfers.Count);

            await HttpAssert.OkJsonAsync(await officer.ProgrammeActAsync(programme, "resume"));
        }
    }
}
