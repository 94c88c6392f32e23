using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>
/// The fund's money from a donor's pledge to a programme's expenditure, through the API alone: every figure the
/// funding status and the pipeline show is checked against what was recorded, to the cent.
/// </summary>
public sealed class FundingLifecycleTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await api.AppointCommitteeAsync();

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task From_the_pledge_to_the_expenditure_every_figure_moves_and_adds_up()
    {
        // Ghana's note is approved two days before Mexico's and the Philippines': it has waited longest.
        var ghana = (await api.ApprovedNotesAsync(CommitteeTestSupport.NoteWithoutConflicts())).Single();
        api.Clock.Advance(TimeSpan.FromDays(2));
        var mexicoAndPhilippines = await api.ApprovedNotesAsync(ConceptNoteTestSupport.CompleteNote("MEX"),
            ConceptNoteTestSupport.CompleteNote("PHL", "Reintegration of returning migrants"));
        var today = api.Today();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        // A target first: nothing is committed towards it yet.
        var target = await HttpAssert.OkJsonAsync(await fmu.PostAsJsonAsync("/api/funding-targets",
            new { title = "First-year capitalization", amountUsd = 2_500_000.00m, dueOn = today.AddDays(300) }, Ct),
            HttpStatusCode.Created);
        Assert.True(target.GetProperty("current").GetBoolean());
        var status = await fmu.StatusAsync();
        Assert.Equal((0m, 0m, 0m, 0m, 0m), Money(status));
        Assert.Equal((0m, 0m, 2_500_000.00m), Progress(status));

        // Germany pledges 1,000,000 EUR at an indicative rate of 1.08.
        var germany = await HttpAssert.OkJsonAsync(await fmu.CreateDonorAsync("Germany", "Government", "deu"), HttpStatusCode.Created);
        Assert.Equal(("Germany", "Government", "DEU"), (germany.GetProperty("name").GetString(),
            germany.GetProperty("kind").GetString(), germany.GetProperty("country").GetString()));
        // The donor's href is built by the database, which spells the GUID in capitals: compared without case.
        Assert.Equal("/api/donors/" + germany.Id(), germany.GetProperty("href").GetString(), ignoreCase: true);
        Assert.Equal("Germany", (await HttpAssert.OkJsonAsync(await fmu.GetAsync(germany.GetProperty("href").GetString(), Ct)))
            .GetProperty("name").GetString());
        var pledge = await HttpAssert.OkJsonAsync(await fmu.PledgeAsync(germany.Id(), today, 1_000_000.00m, "eur", 1.08m),
            HttpStatusCode.Created);
        var contribution = pledge.Id();
        Assert.Equal(("Pledged", "EUR", 1_080_000.00m), (pledge.GetProperty("status").GetString(),
            pledge.GetProperty("pledge").GetProperty("currency").GetString(), pledge.GetProperty("pledge").Usd("amountUsd")));
        Assert.Equal(JsonValueKind.Null, pledge.GetProperty("commitment").ValueKind);
        status = await fmu.StatusAsync();
        Assert.Equal((1_080_000.00m, 0m, 0m, 0m, 0m), Money(status));

        // The agreement is signed for 1,000,000 EUR at 1.0865: the commitment counts towards the target.
        var committed = await HttpAssert.OkJsonAsync(await fmu.CommitAsync(contribution, today, 1_000_000.00m, "EUR", 1.0865m,
            agreementReference: "SAA-DEU-2026-01"));
        var commitment = committed.GetProperty("commitment");
        Assert.Equal(("Committed", 1_086_500.00m, 0m, 1_000_000.00m), (committed.GetProperty("status").GetString(),
            commitment.Usd("amountUsd"), commitment.Usd("depositedAmount"), commitment.Usd("outstandingAmount")));
        status = await fmu.StatusAsync();
        Assert.Equal((1_080_000.00m, 1_086_500.00m, 0m, 0m, 0m), Money(status));
        Assert.Equal((1_086_500.00m, 43.46m, 1_413_500.00m), Progress(status));

        // Two deposits at the rate of their day; the Administrative Agent keeps 1% of each.
        var first = await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, today, 600_000.00m, 1.09123456m, "AA-DEU-1"),
            HttpStatusCode.Created);
        var deposit = Assert.Single(first.GetProperty("deposits").EnumerateArray());
        Assert.Equal((1, "EUR", 654_740.74m, 0.01m, 6_547.41m, 648_193.33m), (deposit.GetProperty("number").GetInt32(),
            deposit.GetProperty("currency").GetString(), deposit.Usd("amountUsd"), deposit.Usd("feeRate"), deposit.Usd("feeUsd"),
            deposit.Usd("netUsd")));
        Assert.Equal(400_000.00m, first.GetProperty("commitment").Usd("outstandingAmount"));
        status = await fmu.StatusAsync();
        Assert.Equal((1_080_000.00m, 1_086_500.00m, 654_740.74m, 6_547.41m, 648_193.33m), Money(status));
        Assert.Equal(648_193.33m, status.Usd("freeBalanceUsd"));

        var second = await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, today, 400_000.00m, 1.0987m, "AA-DEU-2"),
            HttpStatusCode.Created);
        Assert.Equal((0m, 1_000_000.00m, 1_094_220.74m), (second.GetProperty("commitment").Usd("outstandingAmount"),
            second.GetProperty("commitment").Usd("depositedAmount"), second.Usd("depositedUsd")));
        Assert.Equal([1, 2], second.GetProperty("deposits").EnumerateArray().Select(d => d.GetProperty("number").GetInt32()));
        status = await fmu.StatusAsync();
        Assert.Equal((1_080_000.00m, 1_086_500.00m, 1_094_220.74m, 10_942.21m, 1_083_278.53m), Money(status));
        Assert.Equal((1_086_500.00m, 43.46m, 1_413_500.00m), Progress(status));

        // A foundation's 200,000 USD, earmarked to thematic area 2, paid at once.
        var foundation = await fmu.CreatedDonorAsync("Open Horizons Foundation", "Private", "CHE");
        var earmarked = await fmu.PledgedAsync(foundation, today, 200_000.00m);
        await HttpAssert.OkJsonAsync(await fmu.CommitAsync(earmarked, today, 200_000.00m, earmarkedAreaNumber: 2));
        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(earmarked, today, 200_000.00m), HttpStatusCode.Created);
        status = await fmu.StatusAsync();
        Assert.Equal((1_280_000.00m, 1_286_500.00m, 1_294_220.74m, 12_942.21m, 1_281_278.53m), Money(status));
        Assert.Equal((1_286_500.00m, 51.46m, 1_213_500.00m), Progress(status));
        FundingTestSupport.AssertReconciles(status);

        var donors = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/donors", Ct));
        Assert.Equal([("Germany", 1, 1_080_000.00m, 1_086_500.00m, 1_094_220.74m), ("Open Horizons Foundation", 1, 200_000.00m, 200_000.00m, 200_000.00m)],
            donors.EnumerateArray().Select(d => (d.GetProperty("name").GetString(), d.GetProperty("contributions").GetInt32(),
                d.Usd("pledgedUsd"), d.Usd("committedUsd"), d.Usd("depositedUsd"))));

        // The pipeline: Ghana's note first (it waited two days longer), only the first within the free balance.
        var pipeline = await fmu.PipelineAsync();
        FundingTestSupport.AssertConsistentPipeline(pipeline);
        Assert.Equal((1_281_278.53m, 1_083_278.53m, 198_000.00m, 3_000_000.00m), (pipeline.Usd("freeBalanceUsd"),
            pipeline.Usd("unearmarkedUsd"), pipeline.GetProperty("earmarkedUsd").Usd("2"), pipeline.Usd("totalGapUsd")));
        var rows = pipeline.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(ghana, rows[0].GetProperty("conceptNoteId").GetGuid());
        Assert.Equal(mexicoAndPhilippines.Order(), rows.Skip(1).Select(r => r.GetProperty("conceptNoteId").GetGuid()).Order());
        Assert.Equal([1, 2, 3], rows.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal([1_000_000.00m, 2_000_000.00m, 3_000_000.00m], rows.Select(r => r.Usd("cumulativeGapUsd")));
        Assert.Equal([true, false, false], rows.Select(r => r.GetProperty("withinFreeBalance").GetBoolean()));
        Assert.All(rows, r => Assert.Equal((1_000_000.00m, 1_083_278.53m, true),
            (r.Usd("fundingGapUsd"), r.Usd("availableToAreaUsd"), r.GetProperty("fundableNow").GetBoolean())));
        var ghanaScore = rows[0].GetProperty("score");
        Assert.Equal((2, 0.0055m, 1m, 1m, 60.22m), (rows[0].GetProperty("daysWaiting").GetInt32(), ghanaScore.Usd("waiting"),
            ghanaScore.Usd("thematicBalance"), ghanaScore.Usd("geographicBalance"), ghanaScore.Usd("total")));
        Assert.All(rows.Skip(1), r => Assert.Equal(60.00m, r.GetProperty("score").Usd("total")));

        // The FMU allocates the top note with its own budget: each organization's budget carries 7% indirect cost.
        var allocation = await fmu.AllocateAsync(ghana, comment: "Top of the ranked pipeline.");
        var programme = await HttpAssert.OkJsonAsync(allocation, HttpStatusCode.Created);
        var id = programme.Id();
        Assert.Equal($"/api/joint-programmes/{id}", allocation.Headers.Location?.OriginalString);
        Assert.Equal((ghana, "GHA", 4, "allocated", today), (programme.GetProperty("conceptNoteId").GetGuid(),
            programme.GetProperty("country").GetString(), programme.GetProperty("thematicAreaNumber").GetInt32(),
            programme.GetProperty("status").GetProperty("state").GetString(), DateOnly.Parse(programme.GetProperty("allocatedOn").GetString()!)));
        Assert.Equal((1_000_000.00m, 0.07m, 65_420.56m, 934_579.44m, 0m, 1_000_000.00m), (programme.Usd("allocatedUsd"),
            programme.Usd("indirectCostRate"), programme.Usd("indirectCostUsd"), programme.Usd("directCostUsd"),
            programme.Usd("fromEarmarkedUsd"), programme.Usd("fromUnearmarkedUsd")));
        Assert.Equal(["UNICEF", "ILO"], programme.GetProperty("budget").EnumerateArray().Select(b => b.GetProperty("organization").GetString()));
        foreach (var line in programme.GetProperty("budget").EnumerateArray())
        {
            Assert.Equal((500_000.00m, 32_710.28m, 467_289.72m, 0m, 500_000.00m), (line.Usd("amountUsd"), line.Usd("indirectCostUsd"),
                line.Usd("directCostUsd"), line.Usd("transferredUsd"), line.Usd("untransferredUsd")));
            Assert.Equal(FundingTestSupport.IndirectCostOf(line.Usd("amountUsd")), line.Usd("indirectCostUsd"));
            Assert.Equal(line.Usd("amountUsd"), line.Usd("directCostUsd") + line.Usd("indirectCostUsd"));
        }

        // The note is funded; the allocation is in its history and the programme has its own.
        var note = await fmu.GetNoteAsync(ghana);
        Assert.Equal("funded", note.Status());
        Assert.Equal($"/api/joint-programmes/{id}", note.GetProperty("links").GetProperty("jointProgramme").GetString());
        var noteHistory = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/concept-notes/{ghana}/history", Ct));
        var funding = noteHistory.EnumerateArray().Last();
        Assert.Equal(("fund", "approvedInPipeline", "funded"), (funding.GetProperty("action").GetString(),
            funding.GetProperty("from").GetString(), funding.GetProperty("to").GetString()));
        Assert.Contains(id.ToString(), funding.GetProperty("comment").GetString());
        Assert.Equal(["start"], await HistoryAsync(fmu, id));

        // The pipeline moves on: Ghana's note is gone, area 4 now holds every allocation.
        pipeline = await fmu.PipelineAsync();
        FundingTestSupport.AssertConsistentPipeline(pipeline);
        Assert.Equal(281_278.53m, pipeline.Usd("freeBalanceUsd"));
        Assert.Equal(mexicoAndPhilippines.Order(), pipeline.GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("conceptNoteId").GetGuid()).Order());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await fmu.GetNoteAsync(mexicoAndPhilippines.First()))
            .GetProperty("links").GetProperty("jointProgramme").ValueKind);
        Assert.All(pipeline.GetProperty("rows").EnumerateArray(), r =>
        {
            Assert.Equal(0m, r.GetProperty("score").Usd("thematicBalance"));
            Assert.False(r.GetProperty("withinFreeBalance").GetBoolean());
        });

        // Implementation waits for the first tranche.
        var early = await HttpAssert.ProblemAsync(await fmu.ProgrammeActAsync(id, "beginImplementation"), HttpStatusCode.Conflict);
        Assert.Contains("no tranche has been transferred yet", early.GetProperty("detail").GetString());
        Assert.Equal("allocated", (await fmu.GetProgrammeAsync(id)).GetProperty("status").GetProperty("state").GetString());

        var tranche = await HttpAssert.OkJsonAsync(await fmu.TransferAsync(id, "unicef", 250_000.00m, today, "MPTF-GHA-UNICEF-1"),
            HttpStatusCode.Created);
        Assert.Equal((250_000.00m, 250_000.00m, 250_000.00m), (tranche.Usd("transferredUsd"), tranche.Line("UNICEF").Usd("transferredUsd"),
            tranche.Line("UNICEF").Usd("untransferredUsd")));
        var transfer = Assert.Single(tranche.GetProperty("transfers").EnumerateArray());
        Assert.Equal(("UNICEF", 1, 250_000.00m, "MPTF-GHA-UNICEF-1", "fmu.officer"), (transfer.GetProperty("organization").GetString(),
            transfer.GetProperty("tranche").GetInt32(), transfer.Usd("amountUsd"), transfer.GetProperty("reference").GetString(),
            transfer.GetProperty("recordedBy").GetString()));
        await HttpAssert.OkJsonAsync(await fmu.TransferAsync(id, "ILO", 200_000.50m, today, "MPTF-GHA-ILO-1"), HttpStatusCode.Created);

        var active = await HttpAssert.OkJsonAsync(await fmu.ProgrammeActAsync(id, "beginImplementation", "First tranche received."));
        Assert.Equal("active", active.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(["start", "beginImplementation"], await HistoryAsync(fmu, id));

        // UNICEF's focal point reports its own expenditure; the FMU reports ILO's.
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        var reported = await HttpAssert.OkJsonAsync(await unicef.ReportExpenditureAsync(id, "UNICEF", today.Year, 123_456.78m));
        Assert.Equal((123_456.78m, 0.4938m), (reported.Line("UNICEF").Usd("spentUsd"), reported.Line("UNICEF").Rate("deliveryRate")));
        var report = Assert.Single(reported.GetProperty("expenditure").EnumerateArray());
        Assert.Equal(("UNICEF", today.Year, 123_456.78m, "puno.unicef"), (report.GetProperty("organization").GetString(),
            report.GetProperty("year").GetInt32(), report.Usd("amountUsd"), report.GetProperty("reportedBy").GetString()));
        var final = await HttpAssert.OkJsonAsync(await fmu.ReportExpenditureAsync(id, "ILO", today.Year, 50_000.00m));
        Assert.Equal((450_000.50m, 173_456.78m, 0.3855m), (final.Usd("transferredUsd"), final.Usd("spentUsd"), final.Rate("deliveryRate")));
        Assert.Equal(0.2500m, final.Line("ILO").Rate("deliveryRate"));

        // The funding status reconciles to the cent.
        status = await fmu.StatusAsync();
        Assert.Equal((1_280_000.00m, 1_286_500.00m, 1_294_220.74m, 12_942.21m, 1_281_278.53m), Money(status));
        Assert.Equal((1_000_000.00m, 450_000.50m, 173_456.78m, 281_278.53m, 831_278.03m, 0.3855m), (status.Usd("allocatedUsd"),
            status.Usd("transferredUsd"), status.Usd("expenditureUsd"), status.Usd("freeBalanceUsd"), status.Usd("cashBalanceUsd"),
            status.Rate("deliveryRate")));
        FundingTestSupport.AssertReconciles(status);

        Assert.Equal([("Germany", 1_080_000.00m, 1_086_500.00m, 1_094_220.74m, 10_942.21m, 1_083_278.53m),
                ("Open Horizons Foundation", 200_000.00m, 200_000.00m, 200_000.00m, 2_000.00m, 198_000.00m)],
            status.GetProperty("byDonor").EnumerateArray().Select(d => (d.GetProperty("name").GetString(), d.Usd("pledgedUsd"),
                d.Usd("committedUsd"), d.Usd("depositedUsd"), d.Usd("administrativeAgentFeeUsd"), d.Usd("netFundedUsd"))));

        var areas = status.GetProperty("byThematicArea").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5, null], areas.Select(a => a.GetProperty("number").ValueKind == JsonValueKind.Null
            ? (int?)null : a.GetProperty("number").GetInt32()));
        Assert.Equal((200_000.00m, 198_000.00m, 0m, 198_000.00m), AreaMoney(areas[1]));
        Assert.Equal((0m, 0m, 1_000_000.00m, 0m), AreaMoney(areas[3]));
        Assert.Equal((450_000.50m, 173_456.78m, 0.3855m), (areas[3].Usd("transferredUsd"), areas[3].Usd("expenditureUsd"),
            areas[3].Rate("deliveryRate")));
        Assert.Equal(("Unearmarked", 1_086_500.00m, 1_083_278.53m, 0m, 83_278.53m), (areas[5].GetProperty("title").GetString(),
            areas[5].Usd("committedUsd"), areas[5].Usd("netDepositedUsd"), areas[5].Usd("allocatedUsd"), areas[5].Usd("freeBalanceUsd")));

        var country = Assert.Single(status.GetProperty("byCountry").EnumerateArray());
        Assert.Equal(("GHA", 1, 1_000_000.00m, 450_000.50m, 173_456.78m, 0.3855m), (country.GetProperty("country").GetString(),
            country.GetProperty("programmes").GetInt32(), country.Usd("allocatedUsd"), country.Usd("transferredUsd"),
            country.Usd("expenditureUsd"), country.Rate("deliveryRate")));
        Assert.Equal([("ILO", 500_000.00m, 32_710.28m, 200_000.50m, 50_000.00m, 0.2500m), ("UNICEF", 500_000.00m, 32_710.28m, 250_000.00m, 123_456.78m, 0.4938m)],
            status.GetProperty("byOrganization").EnumerateArray().Select(o => (o.GetProperty("organization").GetString(),
                o.Usd("allocatedUsd"), o.Usd("indirectCostUsd"), o.Usd("transferredUsd"), o.Usd("expenditureUsd"), o.Rate("deliveryRate"))));

        // The programme is listed with the same figures.
        var list = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/joint-programmes", Ct));
        var summary = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((id, "active", 1_000_000.00m, 450_000.50m, 173_456.78m), (summary.Id(),
            summary.GetProperty("status").GetProperty("state").GetString(), summary.Usd("allocatedUsd"), summary.Usd("transferredUsd"),
            summary.Usd("spentUsd")));
    }

    private static (decimal Pledged, decimal Committed, decimal Deposited, decimal Fee, decimal Net) Money(JsonElement status) =>
        (status.Usd("pledgedUsd"), status.Usd("committedUsd"), status.Usd("depositedUsd"), status.Usd("administrativeAgentFeeUsd"),
            status.Usd("netFundedUsd"));

    private static (decimal Reached, decimal Percentage, decimal Gap) Progress(JsonElement status)
    {
        var target = status.GetProperty("target");
        Assert.Equal(("First-year capitalization", 2_500_000.00m, false), (target.GetProperty("title").GetString(),
            target.Usd("targetUsd"), target.GetProperty("passed").GetBoolean()));
        return (target.Usd("reachedUsd"), target.Usd("percentage"), target.Usd("gapUsd"));
    }

    private static (decimal Committed, decimal NetDeposited, decimal Allocated, decimal Free) AreaMoney(JsonElement area) =>
        (area.Usd("committedUsd"), area.Usd("netDepositedUsd"), area.Usd("allocatedUsd"), area.Usd("freeBalanceUsd"));

    private static async Task<List<string?>> HistoryAsync(HttpClient client, Guid programme) =>
        (await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/joint-programmes/{programme}/history", Ct)))
        .EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
}
