using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>
/// Every rule about money, broken through the API: the request is refused with the field or the reason named, and
/// nothing is written (the rows are counted before and after, and the figures read again).
/// </summary>
public sealed class MoneyRuleTests(FundingHost host) : IClassFixture<FundingHost>
{
    private readonly SqliteApiFactory api = host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Rows of every money table, to show a refused request wrote none.</summary>
    private sealed record Rows(int Donors, int Contributions, int Deposits, int Programmes, int BudgetLines, int Transfers,
        int Expenditures, Guid LedgerVersion, int JournalEntries);

    private Task<Rows> RowsAsync() =>
        api.WithDbAsync(async db => new Rows(await db.Donors.CountAsync(Ct), await db.Contributions.CountAsync(Ct),
            await db.Deposits.CountAsync(Ct), await db.JointProgrammes.CountAsync(Ct), await db.Set<ProgrammeBudgetLine>().CountAsync(Ct),
            await db.Transfers.CountAsync(Ct), await db.AnnualExpenditures.CountAsync(Ct),
            (await db.FundLedger.SingleAsync(Ct)).Version, await db.WorkflowJournal.CountAsync(Ct)));

    private static decimal Parse(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);

    // ---- Contributions --------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_deposit_over_the_commitment_is_refused_naming_the_amount_left()
    {
        var contribution = await api.CommittedContributionAsync(1_000.00m);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, api.Today(), 600.00m, reference: "AA-1"), HttpStatusCode.Created);
        var before = await fmu.GetContributionAsync(contribution);
        var rows = await RowsAsync();

        var problem = await FundingTestSupport.ConflictAsync(await fmu.DepositAsync(contribution, api.Today(), 400.01m), "amount");

        Assert.Contains("at most 400.00 more", problem.GetProperty("detail").GetString());
        Assert.Equal(["At most 400.00 USD."], problem.GetProperty("errors").GetProperty("amount").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(rows, await RowsAsync());
        var after = await fmu.GetContributionAsync(contribution);
        Assert.Equal(before.GetProperty("version").GetGuid(), after.GetProperty("version").GetGuid());
        Assert.Equal((600.00m, 400.00m, 600.00m, 1), (after.GetProperty("commitment").Usd("depositedAmount"),
            after.GetProperty("commitment").Usd("outstandingAmount"), after.Usd("depositedUsd"), after.GetProperty("deposits").GetArrayLength()));

        // What is left is still accepted.
        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, api.Today(), 400.00m), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_deposit_before_the_commitment_is_refused()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var donor = await fmu.CreatedDonorAsync($"Pledge only {Guid.NewGuid():N}", "Multilateral", null);
        var contribution = await fmu.PledgedAsync(donor, api.Today(), 5_000.00m);
        var rows = await RowsAsync();

        var problem = await HttpAssert.ProblemAsync(await fmu.DepositAsync(contribution, api.Today(), 100.00m), HttpStatusCode.Conflict);

        Assert.Contains("commit the contribution first", problem.GetProperty("detail").GetString());
        Assert.Equal(rows, await RowsAsync());
        var after = await fmu.GetContributionAsync(contribution);
        Assert.Equal(("Pledged", 0m, 0), (after.GetProperty("status").GetString(), after.Usd("depositedUsd"),
            after.GetProperty("deposits").GetArrayLength()));
    }

    [Fact]
    public async Task A_deposit_with_a_reference_already_recorded_is_refused_whatever_its_case()
    {
        var contribution = await api.CommittedContributionAsync(1_000.00m);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, api.Today(), 100.00m, reference: "AA-2026-0042"),
            HttpStatusCode.Created);
        var rows = await RowsAsync();

        foreach (var reference in new[] { "AA-2026-0042", "aa-2026-0042", " AA-2026-0042 " })
        {
            var problem = await HttpAssert.ProblemAsync(await fmu.DepositAsync(contribution, api.Today(), 50.00m, reference: reference),
                HttpStatusCode.Conflict);
            Assert.Contains("'AA-2026-0042' is already recorded", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(rows, await RowsAsync());
        Assert.Equal(100.00m, (await fmu.GetContributionAsync(contribution)).Usd("depositedUsd"));
    }

    [Fact]
    public async Task An_unknown_currency_is_refused_in_the_pledge_and_in_the_commitment()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var donor = await fmu.CreatedDonorAsync($"Currencies {Guid.NewGuid():N}", "Private", null);
        var rows = await RowsAsync();

        var pledge = await HttpAssert.ValidationProblemAsync(await fmu.PledgeAsync(donor, api.Today(), 1_000.00m, "XYZ", 1.1m), "currency");
        Assert.Contains("'XYZ' is not an ISO 4217 currency.", pledge.GetProperty("errors").GetProperty("currency")[0].GetString());
        await HttpAssert.ValidationProblemAsync(await fmu.PledgeAsync(donor, api.Today(), 1_000.00m, "EURO", 1.1m), "currency");
        Assert.Equal(rows, await RowsAsync());

        var contribution = await fmu.PledgedAsync(donor, api.Today(), 1_000.00m, "EUR", 1.1m);
        var version = (await fmu.GetContributionAsync(contribution)).GetProperty("version").GetGuid();
        await HttpAssert.ValidationProblemAsync(await fmu.CommitAsync(contribution, api.Today(), 1_000.00m, "ABC", 1.1m), "currency");
        // A USD amount has a rate of 1.
        await HttpAssert.ValidationProblemAsync(await fmu.CommitAsync(contribution, api.Today(), 1_000.00m, "USD", 1.1m), "rateToUsd");

        var after = await fmu.GetContributionAsync(contribution);
        Assert.Equal(("Pledged", version), (after.GetProperty("status").GetString(), after.GetProperty("version").GetGuid()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("commitment").ValueKind);
    }

    [Theory]
    [InlineData("-100.00")]
    [InlineData("0")]
    [InlineData("10.005")]
    public async Task A_negative_zero_or_fractional_cent_amount_is_refused_everywhere(string amount)
    {
        var value = Parse(amount);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var donor = await fmu.CreatedDonorAsync($"Amounts {Guid.NewGuid():N}", "Private", null);
        var committed = await api.CommittedContributionAsync(1_000.00m);
        var uncommitted = await fmu.PledgedAsync(donor, api.Today(), 1_000.00m);
        var rows = await RowsAsync();

        await HttpAssert.ValidationProblemAsync(await fmu.PledgeAsync(donor, api.Today(), value), "amount");
        await HttpAssert.ValidationProblemAsync(await fmu.CommitAsync(uncommitted, api.Today(), value), "amount");
        await HttpAssert.ValidationProblemAsync(await fmu.DepositAsync(committed, api.Today(), value), "amount");
        await HttpAssert.ValidationProblemAsync(await fmu.PostAsJsonAsync("/api/funding-targets",
            new { title = "Bad target", amountUsd = value, dueOn = new DateOnly(2099, 1, 1) }, Ct), "amountUsd");

        Assert.Equal(rows, await RowsAsync());
        Assert.Equal(0m, (await fmu.GetContributionAsync(committed)).Usd("depositedUsd"));
        Assert.Equal("Pledged", (await fmu.GetContributionAsync(uncommitted)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Dates_in_the_future_are_refused()
    {
        var tomorrow = api.Today().AddDays(1);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var donor = await fmu.CreatedDonorAsync($"Dates {Guid.NewGuid():N}", "Private", null);
        var pledged = await fmu.PledgedAsync(donor, api.Today(), 1_000.00m);
        var committed = await api.CommittedContributionAsync(1_000.00m);
        var rows = await RowsAsync();

        await HttpAssert.ValidationProblemAsync(await fmu.PledgeAsync(donor, tomorrow, 1_000.00m), "pledgedOn");
        await HttpAssert.ValidationProblemAsync(await fmu.CommitAsync(pledged, tomorrow, 1_000.00m), "signedOn");
        await HttpAssert.ValidationProblemAsync(await fmu.DepositAsync(committed, tomorrow, 100.00m), "receivedOn");
        // Nor before what they follow: an agreement before its pledge, a deposit before its agreement.
        await HttpAssert.ValidationProblemAsync(await fmu.CommitAsync(pledged, api.Today().AddDays(-1), 1_000.00m), "signedOn");
        await HttpAssert.ValidationProblemAsync(await fmu.DepositAsync(committed, api.Today().AddDays(-1), 100.00m), "receivedOn");

        Assert.Equal(rows, await RowsAsync());
    }

    // ---- Allocations ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_allocation_above_the_free_balance_is_refused()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        var free = await api.FreeBalanceAsync();
        Assert.True(free < 1_000_000m, $"The test needs less than the note's 1,000,000 USD free; {free} is.");
        var rows = await RowsAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var problem = await FundingTestSupport.ConflictAsync(await fmu.AllocateAsync(note), "budget");

        Assert.Contains($"The allocation of 1,000,000.00 USD is above the balance free for allocation ({free:N2} USD)",
            problem.GetProperty("detail").GetString());
        await AssertNotFundedAsync(note, rows, free);
    }

    [Fact]
    public async Task An_allocation_cannot_use_money_earmarked_to_another_thematic_area()
    {
        // 99,000 USD earmarked to area 1; the note is in area 4 and asks for 50,000 of it.
        var note = (await api.ApprovedNotesAsync(1)).Single();
        await api.FundedAsync(99_000.00m, earmarkedAreaNumber: 1);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var pipeline = await fmu.PipelineAsync();
        var unearmarked = pipeline.Usd("unearmarkedUsd");
        var earmarkedToArea4 = pipeline.GetProperty("earmarkedUsd").TryGetProperty("4", out var area4) ? area4.GetDecimal() : 0m;
        Assert.True(unearmarked + earmarkedToArea4 < 50_000m && pipeline.Usd("freeBalanceUsd") >= 50_000m,
            "The test needs enough money in all, but not for area 4.");
        var row = pipeline.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("conceptNoteId").GetGuid() == note);
        Assert.False(row.GetProperty("fundableNow").GetBoolean());
        var free = pipeline.Usd("freeBalanceUsd");
        var rows = await RowsAsync();

        var problem = await FundingTestSupport.ConflictAsync(
            await fmu.AllocateAsync(note, FundingTestSupport.Budget(("UNICEF", 25_000.00m), ("ILO", 25_000.00m))), "budget");

        Assert.Contains("earmarked to other thematic areas", problem.GetProperty("detail").GetString());
        Assert.Contains("thematic area 4", problem.GetProperty("errors").GetProperty("budget")[0].GetString());
        await AssertNotFundedAsync(note, rows, free);
    }

    [Fact]
    public async Task Money_earmarked_to_an_area_pays_that_areas_programme_first()
    {
        var content = CommitteeTestSupport.NoteWithoutConflicts("Return and reintegration with dignity")
            .With("thematicAreaNumber", 2).With("gcmObjectives", new System.Text.Json.Nodes.JsonArray(2, 7));
        var note = (await api.ApprovedNotesAsync(content)).Single();
        await api.FundedAsync(600.00m, earmarkedAreaNumber: 2);
        await api.FundedAsync(400.00m);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var before = await fmu.PipelineAsync();
        var toArea2 = before.GetProperty("earmarkedUsd").Usd("2");
        Assert.InRange(toArea2, 600.00m, 999.99m);
        var row = before.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("conceptNoteId").GetGuid() == note);
        Assert.Equal(before.Usd("unearmarkedUsd") + toArea2, row.Usd("availableToAreaUsd"));

        var programme = await HttpAssert.OkJsonAsync(
            await fmu.AllocateAsync(note, FundingTestSupport.Budget(("UNICEF", 500.00m), ("ILO", 500.00m))), HttpStatusCode.Created);

        Assert.Equal((2, 1_000.00m, toArea2, 1_000.00m - toArea2), (programme.GetProperty("thematicAreaNumber").GetInt32(),
            programme.Usd("allocatedUsd"), programme.Usd("fromEarmarkedUsd"), programme.Usd("fromUnearmarkedUsd")));
        var after = await fmu.PipelineAsync();
        Assert.Equal((0m, before.Usd("unearmarkedUsd") - (1_000.00m - toArea2)),
            (after.GetProperty("earmarkedUsd").Usd("2"), after.Usd("unearmarkedUsd")));
        var status = await fmu.StatusAsync();
        FundingTestSupport.AssertReconciles(status);
        var area2 = status.GetProperty("byThematicArea").EnumerateArray()
            .Single(a => a.GetProperty("number").ValueKind == JsonValueKind.Number && a.GetProperty("number").GetInt32() == 2);
        Assert.Equal((0m, 1_000.00m), (area2.Usd("freeBalanceUsd"), area2.Usd("allocatedUsd")));
    }

    [Fact]
    public async Task A_commitment_is_signed_once_and_on_the_version_read()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var donor = await fmu.CreatedDonorAsync($"Versions {Guid.NewGuid():N}", "Private", null);
        var contribution = await fmu.PledgedAsync(donor, api.Today(), 1_000.00m);
        var stale = Guid.NewGuid();

        var moved = await HttpAssert.ProblemAsync(await fmu.PostAsJsonAsync($"/api/contributions/{contribution}/commitment",
            new { signedOn = api.Today(), amount = 1_000.00m, currency = "USD", rateToUsd = 1m, version = stale }, Ct), HttpStatusCode.Conflict);
        Assert.Contains("changed by someone else", moved.GetProperty("detail").GetString());
        Assert.Equal("Pledged", (await fmu.GetContributionAsync(contribution)).GetProperty("status").GetString());

        await HttpAssert.OkJsonAsync(await fmu.CommitAsync(contribution, api.Today(), 1_000.00m));
        var again = await HttpAssert.ProblemAsync(await fmu.CommitAsync(contribution, api.Today(), 2_000.00m), HttpStatusCode.Conflict);
        Assert.Contains("already committed", again.GetProperty("detail").GetString());
        Assert.Equal(1_000.00m, (await fmu.GetContributionAsync(contribution)).GetProperty("commitment").Usd("amount"));
    }

    [Fact]
    public async Task A_note_not_approved_by_the_committee_is_not_funded()
    {
        await api.FundedAsync(1_000.00m);
        var note = await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts("Not yet decided"));
        var free = await api.FreeBalanceAsync();
        var rows = await RowsAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var problem = await HttpAssert.ProblemAsync(
            await fmu.AllocateAsync(note, FundingTestSupport.Budget(("UNICEF", 500.00m), ("ILO", 500.00m))), HttpStatusCode.Conflict);

        Assert.Contains("this one is 'underCommitteeReview'", problem.GetProperty("detail").GetString());
        Assert.Equal(rows, await RowsAsync());
        Assert.Equal(free, await api.FreeBalanceAsync());
        Assert.Equal("underCommitteeReview", (await fmu.GetNoteAsync(note)).Status());

        var unknown = await HttpAssert.ValidationProblemAsync(await fmu.AllocateAsync(Guid.NewGuid()), "conceptNoteId");
        Assert.Contains("There is no concept note", unknown.GetProperty("errors").GetProperty("conceptNoteId")[0].GetString());
        await HttpAssert.ValidationProblemAsync(await fmu.PostAsJsonAsync("/api/allocations", new { comment = "no note" }, Ct), "conceptNoteId");
        Assert.Equal(rows, await RowsAsync());
    }

    [Fact]
    public async Task A_note_is_funded_once()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        var programme = await api.ProgrammeAsync(note);
        await api.FundedAsync(1_000.00m);
        var free = await api.FreeBalanceAsync();
        var rows = await RowsAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var problem = await HttpAssert.ProblemAsync(
            await fmu.AllocateAsync(note, FundingTestSupport.Budget(("UNICEF", 500.00m), ("ILO", 500.00m))), HttpStatusCode.Conflict);

        Assert.Contains("already funded", problem.GetProperty("detail").GetString());
        Assert.Equal(rows, await RowsAsync());
        Assert.Equal(free, await api.FreeBalanceAsync());
        Assert.Equal(1, await api.WithDbAsync(db => db.JointProgrammes.CountAsync(p => p.ConceptNoteId == note, Ct)));
        Assert.Equal(1_000.00m, (await fmu.GetProgrammeAsync(programme.Id())).Usd("allocatedUsd"));
        Assert.Equal("funded", (await fmu.GetNoteAsync(note)).Status());
    }

    [Fact]
    public async Task A_budget_of_its_own_keeps_to_the_notes_organizations_and_amount()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        await api.FundedAsync(1_000.00m);
        var free = await api.FreeBalanceAsync();
        var rows = await RowsAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var stranger = await HttpAssert.ValidationProblemAsync(
            await fmu.AllocateAsync(note, FundingTestSupport.Budget(("IOM", 500.00m), ("ILO", 500.00m))), "budget[0].organization");
        Assert.Contains("IOM is not among the concept note's organizations", stranger.GetProperty("errors")
            .GetProperty("budget[0].organization")[0].GetString());
        var above = await HttpAssert.ValidationProblemAsync(
            await fmu.AllocateAsync(note, FundingTestSupport.Budget(("UNICEF", 600_000.00m), ("ILO", 400_000.01m))), "budget");
        Assert.Contains("above what the committee approved (1,000,000.00 USD)", above.GetProperty("errors").GetProperty("budget")[0].GetString());
        await HttpAssert.ValidationProblemAsync(await fmu.AllocateAsync(note, FundingTestSupport.Budget(("UNICEF", 1_000.00m))), "budget");
        await HttpAssert.ValidationProblemAsync(
            await fmu.AllocateAsync(note, FundingTestSupport.Budget(("UNICEF", 500.00m), ("unicef", 500.00m))), "budget");
        await HttpAssert.ValidationProblemAsync(
            await fmu.AllocateAsync(note, FundingTestSupport.Budget(("UNICEF", 500.005m), ("ILO", 499.995m))), "budget[0].amountUsd",
            "budget[1].amountUsd");
        await HttpAssert.ValidationProblemAsync(
            await fmu.AllocateAsync(note, FundingTestSupport.Budget(("UNICEF", 1_000.00m), ("ILO", -100.00m))), "budget[1].amountUsd");

        await AssertNotFundedAsync(note, rows, free);
    }

    // ---- Transfers and expenditure --------------------------------------------------------------------------------

    [Fact]
    public async Task Transfers_stay_within_each_organizations_budget_and_go_to_its_organizations()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        var id = (await api.ProgrammeAsync(note)).Id();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await fmu.TransferAsync(id, "UNICEF", 300.00m, api.Today()), HttpStatusCode.Created);
        var before = await fmu.GetProgrammeAsync(id);
        var rows = await RowsAsync();

        var over = await FundingTestSupport.ConflictAsync(await fmu.TransferAsync(id, "UNICEF", 200.01m, api.Today()), "amountUsd");
        Assert.Contains("The transfers to UNICEF would exceed its budget: 500.00 USD allocated, 300.00 already transferred, so at most 200.00 more.",
            over.GetProperty("detail").GetString());
        var stranger = await HttpAssert.ValidationProblemAsync(await fmu.TransferAsync(id, "IOM", 100.00m, api.Today()), "organization");
        Assert.Contains("'IOM' is not a participating organization of this programme", stranger.GetProperty("errors")
            .GetProperty("organization")[0].GetString());
        await HttpAssert.ValidationProblemAsync(await fmu.TransferAsync(id, "ILO", 0.001m, api.Today()), "amountUsd");
        await HttpAssert.ValidationProblemAsync(await fmu.TransferAsync(id, "ILO", 100.00m, api.Today().AddDays(1)), "transferredOn");
        await HttpAssert.ValidationProblemAsync(await fmu.TransferAsync(id, "ILO", 100.00m, api.Today().AddDays(-1)), "transferredOn");
        var reference = before.GetProperty("transfers")[0].GetProperty("reference").GetString();
        await HttpAssert.ProblemAsync(await fmu.TransferAsync(id, "ILO", 100.00m, api.Today(), reference), HttpStatusCode.Conflict);

        Assert.Equal(rows, await RowsAsync());
        var after = await fmu.GetProgrammeAsync(id);
        Assert.Equal(before.GetProperty("version").GetGuid(), after.GetProperty("version").GetGuid());
        Assert.Equal((300.00m, 300.00m, 200.00m, 0m), (after.Usd("transferredUsd"), after.Line("UNICEF").Usd("transferredUsd"),
            after.Line("UNICEF").Usd("untransferredUsd"), after.Line("ILO").Usd("transferredUsd")));

        // The rest of UNICEF's budget is still accepted.
        await HttpAssert.OkJsonAsync(await fmu.TransferAsync(id, "UNICEF", 200.00m, api.Today()), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Expenditure_stays_within_what_the_organization_received_and_is_not_reported_ahead()
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        var id = (await api.ProgrammeAsync(note)).Id();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        var year = api.Today().Year;
        await HttpAssert.OkJsonAsync(await fmu.TransferAsync(id, "UNICEF", 300.00m, api.Today()), HttpStatusCode.Created);
        await HttpAssert.OkJsonAsync(await unicef.ReportExpenditureAsync(id, "UNICEF", year, 100.00m));
        var rows = await RowsAsync();

        var over = await FundingTestSupport.ConflictAsync(await unicef.ReportExpenditureAsync(id, "UNICEF", year, 300.01m), "amountUsd");
        Assert.Contains("UNICEF's expenditure would exceed what it received", over.GetProperty("detail").GetString());
        Assert.Equal("At most 300.00 USD.", over.GetProperty("errors").GetProperty("amountUsd")[0].GetString());
        // ILO received nothing: it cannot report spending.
        await FundingTestSupport.ConflictAsync(await fmu.ReportExpenditureAsync(id, "ILO", year, 0.01m), "amountUsd");
        var ahead = await HttpAssert.ValidationProblemAsync(await unicef.ReportExpenditureAsync(id, "UNICEF", year + 1, 10.00m), "year");
        Assert.Contains($"to this year ({year})", ahead.GetProperty("errors").GetProperty("year")[0].GetString());
        await HttpAssert.ValidationProblemAsync(await unicef.ReportExpenditureAsync(id, "UNICEF", year - 1, 10.00m), "year");
        await HttpAssert.ValidationProblemAsync(await unicef.ReportExpenditureAsync(id, "UNICEF", year, -1.00m), "amountUsd");
        await HttpAssert.ValidationProblemAsync(await unicef.ReportExpenditureAsync(id, "UNICEF", year, 1.001m), "amountUsd");

        Assert.Equal(rows, await RowsAsync());
        var after = await fmu.GetProgrammeAsync(id);
        Assert.Equal((100.00m, 100.00m, 0.3333m), (after.Usd("spentUsd"), after.Line("UNICEF").Usd("spentUsd"),
            after.Line("UNICEF").Rate("deliveryRate")));
        var report = Assert.Single(after.GetProperty("expenditure").EnumerateArray());
        Assert.Equal(100.00m, report.Usd("amountUsd"));

        // Reported again for the year, the figure replaces the first: up to all it received.
        var replaced = await HttpAssert.OkJsonAsync(await unicef.ReportExpenditureAsync(id, "UNICEF", year, 300.00m));
        Assert.Equal((300.00m, 1.0000m), (replaced.Usd("spentUsd"), replaced.Line("UNICEF").Rate("deliveryRate")));
        Assert.Single(replaced.GetProperty("expenditure").EnumerateArray());
    }

    /// <summary>The refused allocation left the note waiting in the pipeline and the money where it was.</summary>
    private async Task AssertNotFundedAsync(Guid note, Rows rowsBefore, decimal freeBefore)
    {
        Assert.Equal(rowsBefore, await RowsAsync());
        Assert.Equal(freeBefore, await api.FreeBalanceAsync());
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        Assert.Equal("approvedInPipeline", (await fmu.GetNoteAsync(note)).Status());
        Assert.Contains(note, (await fmu.PipelineAsync()).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("conceptNoteId").GetGuid()));
        Assert.False(await api.WithDbAsync(db => db.JointProgrammes.AnyAsync(p => p.ConceptNoteId == note, Ct)));
    }
}
